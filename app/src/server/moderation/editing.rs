//! Staff corrections: editing a post's text (the author's words kept in the log) and locking discussion.
use super::author_of;
use super::log_on;
use crate::domain::Target;
use crate::domain::{
    CommentText, LogAction, ProposalBody, ProposalStatus, ProposalTitle, StaffNote,
};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{comment, proposal};
use crate::server::infra::search;
use crate::server::notifications::{self, Event};
use crate::visitor::Member;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

/// New words for a proposal (title and text) or a comment (text), from a moderator.
pub struct Correction<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub note: &'a str,
}

/// Changes the words of an item and marks it "edited by the moderators: <note>". Every field is
/// checked at once; the text people vote on stays as it was once a vote opens.
pub async fn edit(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
    correction: Correction<'_>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    let note = errors.check("note", StaffNote::parse(correction.note));
    let at = now();
    let txn;
    match target {
        Target::Proposal(id) => {
            let title = errors.check("title", ProposalTitle::parse(correction.title));
            let body = errors.check("text", ProposalBody::parse(correction.text));
            let (Some(note), Some(title), Some(body)) = (note.clone(), title, body) else {
                return Err(errors.into_error());
            };
            txn = db.begin().await?;
            let changed = proposal::Entity::update_many()
                .col_expr(proposal::Column::Title, Expr::value(title.as_str()))
                .col_expr(proposal::Column::Body, Expr::value(body.as_str()))
                .col_expr(
                    proposal::Column::SearchText,
                    Expr::value(search::fold(&format!(
                        "{}\n{}",
                        title.as_str(),
                        body.as_str()
                    ))),
                )
                .col_expr(proposal::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(proposal::Column::EditedAt, Expr::value(Some(at)))
                .filter(proposal::Column::Id.eq(id))
                .filter(proposal::Column::Status.is_in([
                    ProposalStatus::Submitted.as_str(),
                    ProposalStatus::Open.as_str(),
                ]))
                .exec(&txn)
                .await?;
            if changed.rows_affected != 1 {
                author_of(&txn, target).await?;
                return Err(AppError::field("text", "error-edit-late"));
            }
        }
        Target::Comment(id) => {
            let text = errors.check("text", CommentText::parse(correction.text));
            let (Some(note), Some(text)) = (note.clone(), text) else {
                return Err(errors.into_error());
            };
            txn = db.begin().await?;
            let changed = comment::Entity::update_many()
                .col_expr(comment::Column::Body, Expr::value(text.as_str()))
                .col_expr(comment::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(comment::Column::EditedAt, Expr::value(Some(at)))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            if changed.rows_affected != 1 {
                return Err(AppError::NotFound);
            }
        }
    }
    let logged = log_on(
        &txn,
        staff,
        LogAction::Edit,
        target,
        note.as_ref().map(StaffNote::as_str),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}

/// Locks (no new comments) or unlocks a proposal's discussion.
pub async fn set_locked(
    db: &DatabaseConnection,
    staff: &Member,
    proposal_id: i32,
    locked: bool,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let update = proposal::Entity::update_many()
        .col_expr(proposal::Column::LockedAt, Expr::value(locked.then(now)))
        .filter(proposal::Column::Id.eq(proposal_id));
    let changed = if locked {
        update.filter(proposal::Column::LockedAt.is_null())
    } else {
        update.filter(proposal::Column::LockedAt.is_not_null())
    }
    .exec(&txn)
    .await?;
    let target = Target::Proposal(proposal_id);
    // A missing proposal is "not found", not "already locked".
    author_of(&txn, target).await?;
    if changed.rows_affected != 1 {
        let message = if locked {
            "error-already-locked"
        } else {
            "error-not-locked"
        };
        return Err(AppError::field("lock", message));
    }
    let action = if locked {
        LogAction::Lock
    } else {
        LogAction::Unlock
    };
    log_on(&txn, staff, action, target, None).await?;
    txn.commit().await?;
    Ok(())
}
