//! Storing reports. The moderation issue builds the queue that reads them.
use crate::domain::ReportReason;
use crate::domain::{Target, TargetKind};
use crate::error::AppError;
use crate::server::entities::{comment, report};
use crate::visitor::Member;
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// Stores the report once; reporting the same item again changes nothing.
pub async fn report(
    db: &DatabaseConnection,
    member: &Member,
    target: Target,
    reason: ReportReason,
    note: Option<String>,
) -> Result<(), AppError> {
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
    crate::server::proposals::find_visible(db, Some(member), proposal_id).await?;
    report::Entity::insert(report::ActiveModel {
        reporter_id: Set(member.id),
        target_kind: Set(target.kind()),
        target_id: Set(target.id()),
        reason: Set(reason),
        note: Set(note),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    // Staff hear once that something about this item waits in the queue.
    crate::server::notifications::send(db, crate::server::notifications::Event::Waiting(target))
        .await;
    Ok(())
}

/// Which of these items the member has already reported: one query.
pub async fn reported_by(
    db: &DatabaseConnection,
    member: Option<&Member>,
    kind: TargetKind,
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
