//! Hiding and showing posts: hide, restore, dismiss reports, and approve what was held for review.
use super::author_of;
use super::count_comment;
use super::count_in_if_shown;
use super::log_on;
use super::resolve_reports;
use crate::domain::Target;
use crate::domain::{HideReason, LogAction, ProposalStatus};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{comment, proposal};
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

/// Sets or clears the hidden mark; None when the item was already in that state.
async fn set_hidden(
    db: &impl ConnectionTrait,
    target: Target,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let hidden_at = reason.map(|_| at);
    let changed = match target {
        Target::Proposal(id) => {
            let update = proposal::Entity::update_many()
                .col_expr(proposal::Column::HiddenAt, Expr::value(hidden_at))
                .col_expr(proposal::Column::HiddenReason, Expr::value(reason))
                .filter(proposal::Column::Id.eq(id));
            match reason {
                Some(_) => update.filter(proposal::Column::HiddenAt.is_null()),
                None => update.filter(proposal::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
        }
        Target::Comment(id) => {
            let update = comment::Entity::update_many()
                .col_expr(comment::Column::HiddenAt, Expr::value(hidden_at))
                .col_expr(comment::Column::HiddenReason, Expr::value(reason))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::DeletedAt.is_null());
            match reason {
                Some(_) => update.filter(comment::Column::HiddenAt.is_null()),
                None => update.filter(comment::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
        }
    };
    Ok(changed.rows_affected == 1)
}

/// Hides a proposal or comment; the reason shows to everyone in place of its text, and the
/// item's open reports are settled.
pub async fn hide(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
    reason: &HideReason,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    if !set_hidden(&txn, target, Some(reason.as_stored()), at).await? {
        // Missing, deleted by its author, or hidden already: say which.
        author_of(&txn, target).await?;
        return Err(AppError::field("reason", "error-already-hidden"));
    }
    if let Target::Comment(id) = target {
        let row = comment::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        if row.held_at.is_none() {
            count_comment(&txn, row.proposal_id, -1).await?;
        }
    }
    resolve_reports(&txn, target, at).await?;
    let logged = log_on(
        &txn,
        staff,
        LogAction::Hide,
        target,
        Some(reason.as_stored()),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}

/// Shows a hidden item again.
pub async fn restore(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    if !set_hidden(&txn, target, None, now()).await? {
        author_of(&txn, target).await?;
        return Err(AppError::field("restore", "error-not-hidden"));
    }
    if let Target::Comment(id) = target {
        count_in_if_shown(&txn, id).await?;
    }
    log_on(&txn, staff, LogAction::Restore, target, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Settles the item's reports without changing it: the moderators found nothing wrong.
pub async fn dismiss(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    if resolve_reports(&txn, target, now()).await? == 0 {
        return Err(AppError::field("dismiss", "error-no-reports"));
    }
    log_on(&txn, staff, LogAction::Dismiss, target, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Lets a waiting item through: a proposal waiting for approval opens, a comment held by the word
/// list is shown.
pub async fn approve(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    if awaiting_text(&txn, target).await? {
        return Err(AppError::field("approve", "error-voice-needs-text"));
    }
    match target {
        Target::Proposal(id) => {
            let from = [ProposalStatus::Submitted];
            if !change_status(&txn, id, &from, ProposalStatus::Open, at, Some(staff.id)).await? {
                return Err(AppError::NotFound);
            }
        }
        Target::Comment(id) => {
            let released = comment::Entity::update_many()
                .col_expr(comment::Column::HeldAt, Expr::value(None::<DateTime<Utc>>))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::HeldAt.is_not_null())
                .exec(&txn)
                .await?;
            if released.rows_affected != 1 {
                return Err(AppError::NotFound);
            }
            count_in_if_shown(&txn, id).await?;
        }
    }
    let logged = log_on(&txn, staff, LogAction::Approve, target, None).await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    // A comment let through is a reply people can now see.
    if let Target::Comment(id) = target {
        notifications::send(db, Event::Comment(id)).await;
    }
    Ok(())
}

/// Whether the item was sent only as a voice and staff have not yet written its words: until
/// then the word list and search have nothing to read, so it may not be let through.
async fn awaiting_text(db: &impl ConnectionTrait, target: Target) -> Result<bool, AppError> {
    Ok(match target {
        Target::Proposal(id) => proposal::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some_and(|row| row.awaiting_text),
        Target::Comment(id) => comment::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some_and(|row| row.awaiting_text),
    })
}
