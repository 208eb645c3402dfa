//! Storing reports. The moderation issue builds the queue that reads them.
use super::entities::{comment, report};
use crate::domain::ReportReason;
use crate::error::{AppError, FieldError};
use crate::visitor::Member;
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Proposal(i32),
    Comment(i32),
}

impl Target {
    pub fn parse(kind: &str, id: i32) -> Option<Self> {
        match kind {
            "proposal" => Some(Target::Proposal(id)),
            "comment" => Some(Target::Comment(id)),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Target::Proposal(_) => "proposal",
            Target::Comment(_) => "comment",
        }
    }

    pub fn id(self) -> i32 {
        match self {
            Target::Proposal(id) | Target::Comment(id) => id,
        }
    }
}

/// Stores the report once; reporting the same item again changes nothing.
pub async fn report(
    db: &DatabaseConnection,
    member: &Member,
    target: Target,
    reason: &str,
    note: &str,
) -> Result<(), AppError> {
    let (reason, note) = ReportReason::parse(reason, note).map_err(|(field, message)| {
        AppError::fields(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    })?;
    // The item must exist and be visible to the reporter.
    let proposal_id = match target {
        Target::Proposal(id) => id,
        Target::Comment(id) => {
            comment::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?
                .proposal_id
        }
    };
    super::proposals::find_visible(db, Some(member), proposal_id).await?;
    report::Entity::insert(report::ActiveModel {
        reporter_id: Set(member.id),
        target_kind: Set(target.kind().into()),
        target_id: Set(target.id()),
        reason: Set(reason.as_str().into()),
        note: Set(note),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Which of these items the member has already reported: one query.
pub async fn reported_by(
    db: &DatabaseConnection,
    member: Option<&Member>,
    kind: &str,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<i32>, AppError> {
    let Some(member) = member else {
        return Ok(Vec::new());
    };
    Ok(report::Entity::find()
        .filter(report::Column::ReporterId.eq(member.id))
        .filter(report::Column::TargetKind.eq(kind))
        .filter(report::Column::TargetId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.target_id)
        .collect())
}
