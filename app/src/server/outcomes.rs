//! Staff publishing what became of a decided proposal, and adding dated progress updates with
//! photos. Each change and its moderation-log row are one transaction; the notifications go out
//! after it commits.
pub mod views;
use crate::domain::Target;
use crate::domain::{LogAction, OutcomeStage, OutcomeText, ProposalStatus, WhoDoes};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{outcome, outcome_photo, outcome_update, proposal};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::{self, Photo, StoredPhoto};
use crate::server::notifications::{self, Event};
use crate::server::staff_log::LogEntry;
use crate::server::staff_log::log;
use crate::visitor::Member;
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// The outcome form as staff filled it in.
pub struct OutcomeForm<'a> {
    pub summary: &'a str,
    pub who_does: &'a str,
    /// `2026-12-24` from a date field, or empty.
    pub due_on: &'a str,
    pub stage: &'a str,
    pub reason: &'a str,
}

/// An outcome to publish (or correct), checked.
pub struct NewOutcome {
    pub summary: OutcomeText,
    pub who_does: Option<WhoDoes>,
    pub due_on: Option<NaiveDate>,
    pub stage: OutcomeStage,
    /// Only with "not possible", which always has one.
    pub reason: Option<OutcomeText>,
}

impl OutcomeForm<'_> {
    /// Every field at once. "Not possible" needs its reason; other stages keep none.
    pub fn parse(&self) -> Result<NewOutcome, AppError> {
        let mut errors = FieldErrors::default();
        let summary = errors.check("summary", OutcomeText::parse(self.summary));
        let who_does = errors.check("who_does", WhoDoes::parse(self.who_does));
        let due_on = errors.check("due_on", parse_day(self.due_on));
        let stage = errors.check(
            "stage",
            OutcomeStage::parse(self.stage).ok_or("error-outcome-stage"),
        );
        let reason = match stage {
            Some(stage) if stage.needs_reason() => errors
                .check(
                    "reason",
                    OutcomeText::parse(self.reason).map_err(|_| "error-outcome-reason"),
                )
                .map(Some),
            _ => Some(None),
        };
        let (Some(summary), Some(who_does), Some(due_on), Some(stage), Some(reason)) =
            (summary, who_does, due_on, stage, reason)
        else {
            return Err(errors.into_error());
        };
        Ok(NewOutcome {
            summary,
            who_does,
            due_on,
            stage,
            reason,
        })
    }
}

/// An optional day as a date field sends it.
fn parse_day(input: &str) -> Result<Option<NaiveDate>, &'static str> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(input, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| "error-date")
}

/// Only an accepted or rejected proposal has an outcome.
async fn decided_proposal(db: &DatabaseConnection, id: i32) -> Result<proposal::Model, AppError> {
    let row = proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    match row.status {
        ProposalStatus::Accepted | ProposalStatus::Rejected => Ok(row),
        _ => Err(AppError::field("outcome", "error-outcome-not-decided")),
    }
}

/// Publishes the proposal's outcome, or corrects it when it has one. Only the first publication
/// is told to people; both are logged. Two staff publishing at once make one outcome.
pub async fn publish(
    db: &DatabaseConnection,
    staff: &Member,
    proposal_id: i32,
    checked: NewOutcome,
) -> Result<(), AppError> {
    let proposal = decided_proposal(db, proposal_id).await?;
    let at = now();
    let txn = db.begin().await?;
    // Inserting first takes the write lock (SQLite) or waits for a concurrent insert (PostgreSQL);
    // a proposal that already has its outcome inserts nothing and is corrected below instead.
    let created = outcome::Entity::insert(outcome::ActiveModel {
        proposal_id: Set(proposal.id),
        summary: Set(checked.summary.as_str().to_owned()),
        who_does: Set(checked
            .who_does
            .as_ref()
            .map_or("", WhoDoes::as_str)
            .to_owned()),
        due_on: Set(checked.due_on),
        stage: Set(checked.stage),
        not_possible_reason: Set(checked.reason.as_ref().map(|r| r.as_str().to_owned())),
        published_by: Set(staff.id),
        published_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(outcome::Column::ProposalId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?
        == 1;
    if !created {
        outcome::Entity::update_many()
            .col_expr(
                outcome::Column::Summary,
                Expr::value(checked.summary.as_str()),
            )
            .col_expr(
                outcome::Column::WhoDoes,
                Expr::value(checked.who_does.as_ref().map_or("", WhoDoes::as_str)),
            )
            .col_expr(outcome::Column::DueOn, Expr::value(checked.due_on))
            .col_expr(outcome::Column::Stage, Expr::value(checked.stage))
            .col_expr(
                outcome::Column::NotPossibleReason,
                Expr::value(checked.reason.as_ref().map(|r| r.as_str().to_owned())),
            )
            .col_expr(outcome::Column::UpdatedAt, Expr::value(at))
            .filter(outcome::Column::ProposalId.eq(proposal.id))
            .exec(&txn)
            .await?;
    }
    let row = outcome::Entity::find()
        .filter(outcome::Column::ProposalId.eq(proposal.id))
        .one(&txn)
        .await?
        .ok_or(AppError::Internal)?;
    log(
        &txn,
        LogEntry {
            staff,
            action: if created {
                LogAction::PublishOutcome
            } else {
                LogAction::UpdateOutcome
            },
            target: Some(Target::Proposal(proposal.id)),
            member: Some(proposal.author_id),
            reason: Some(checked.stage.as_str()),
        },
    )
    .await?;
    txn.commit().await?;
    if created {
        notifications::send(db, Event::OutcomePublished(row.id)).await;
    }
    Ok(())
}

/// A progress update as staff wrote it.
pub struct UpdateForm<'a> {
    pub body: &'a str,
    /// A new stage, or empty to keep the stage.
    pub stage: &'a str,
}

/// A progress update, checked: its words and, if chosen, the stage it moves to.
pub struct OutcomeUpdate {
    pub body: OutcomeText,
    pub stage: Option<OutcomeStage>,
}

impl UpdateForm<'_> {
    pub fn parse(&self) -> Result<OutcomeUpdate, AppError> {
        let mut errors = FieldErrors::default();
        let body = errors.check("body", OutcomeText::parse(self.body));
        let stage = match self.stage.trim() {
            "" => Some(None),
            stage => errors
                .check(
                    "stage",
                    OutcomeStage::parse(stage).ok_or("error-outcome-stage"),
                )
                .map(Some),
        };
        let (Some(body), Some(stage)) = (body, stage) else {
            return Err(errors.into_error());
        };
        Ok(OutcomeUpdate { body, stage })
    }
}

/// Adds a dated update with its (checked) photos, moving the stage when one is chosen ("not
/// possible" takes the update's text as its reason). Nothing is kept half-way: a failed save
/// removes the photos.
pub async fn add_update(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    staff: &Member,
    proposal_id: i32,
    update: OutcomeUpdate,
    photos: Vec<Photo>,
) -> Result<(), AppError> {
    let OutcomeUpdate { body, stage } = update;
    let existing = outcome::Entity::find()
        .filter(outcome::Column::ProposalId.eq(proposal_id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("outcome", "error-outcome-missing"))?;
    let author = proposal::Entity::find_by_id(proposal_id)
        .one(db)
        .await?
        .map(|p| p.author_id);
    let stored = photos::store(files, &photos).await?;
    let saved = save_update(db, staff, &existing, author, &body, stage, &stored).await;
    match saved {
        Ok(update) => {
            notifications::send(db, Event::OutcomeUpdated(update)).await;
            Ok(())
        }
        Err(error) => {
            photos::remove(files, &stored).await;
            Err(error)
        }
    }
}

async fn save_update(
    db: &DatabaseConnection,
    staff: &Member,
    existing: &outcome::Model,
    author: Option<i32>,
    body: &OutcomeText,
    stage: Option<OutcomeStage>,
    photos: &[StoredPhoto],
) -> Result<i32, AppError> {
    let at = now();
    let txn = db.begin().await?;
    let mut touch = outcome::Entity::update_many()
        .col_expr(outcome::Column::UpdatedAt, Expr::value(at))
        .filter(outcome::Column::Id.eq(existing.id));
    if let Some(stage) = stage {
        touch = touch.col_expr(outcome::Column::Stage, Expr::value(stage));
        let reason = stage.needs_reason().then(|| body.as_str().to_owned());
        touch = touch.col_expr(outcome::Column::NotPossibleReason, Expr::value(reason));
    }
    touch.exec(&txn).await?;
    let update = outcome_update::ActiveModel {
        outcome_id: Set(existing.id),
        body: Set(body.as_str().to_owned()),
        stage: Set(stage),
        written_by: Set(staff.id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if !photos.is_empty() {
        outcome_photo::Entity::insert_many(photos.iter().zip(0..).map(|(photo, position)| {
            outcome_photo::ActiveModel {
                update_id: Set(update.id),
                position: Set(position),
                file_name: Set(photo.file_name.clone()),
                thumbnail_name: Set(photo.thumbnail_name.clone()),
                width: Set(photo.width),
                height: Set(photo.height),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await?;
    }
    log(
        &txn,
        LogEntry {
            staff,
            action: LogAction::UpdateOutcome,
            target: Some(Target::Proposal(existing.proposal_id)),
            member: author,
            reason: Some(stage.map_or(existing.stage.as_str(), |s| s.as_str())),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(update.id)
}

#[cfg(test)]
mod tests;
