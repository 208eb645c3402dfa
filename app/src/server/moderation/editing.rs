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

/// What a moderator typed to correct a proposal (title and text) or a comment (text).
pub struct CorrectionForm<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub note: &'a str,
}

/// A correction, checked: the new words of one item, and the note shown with them.
pub struct Correction {
    pub words: NewWords,
    pub note: StaffNote,
}

pub enum NewWords {
    Proposal {
        id: i32,
        title: ProposalTitle,
        body: ProposalBody,
    },
    Comment {
        id: i32,
        text: CommentText,
    },
}

impl CorrectionForm<'_> {
    /// Every field of what `target` has at once.
    pub fn parse(&self, target: Target) -> Result<Correction, AppError> {
        let mut errors = FieldErrors::default();
        let note = errors.check("note", StaffNote::parse(self.note));
        let words = match target {
            Target::Proposal(id) => {
                let title = errors.check("title", ProposalTitle::parse(self.title));
                let body = errors.check("text", ProposalBody::parse(self.text));
                title
                    .zip(body)
                    .map(|(title, body)| NewWords::Proposal { id, title, body })
            }
            Target::Comment(id) => errors
                .check("text", CommentText::parse(self.text))
                .map(|text| NewWords::Comment { id, text }),
        };
        let (Some(words), Some(note)) = (words, note) else {
            return Err(errors.into_error());
        };
        Ok(Correction { words, note })
    }
}

/// Changes the words of an item and marks it "edited by the moderators: <note>"; the text people
/// vote on stays as it was once a vote opens.
pub async fn edit(
    db: &DatabaseConnection,
    staff: &Member,
    correction: Correction,
) -> Result<(), AppError> {
    let Correction { words, note } = correction;
    let at = now();
    let txn;
    let target = match words {
        NewWords::Proposal { id, title, body } => {
            txn = db.begin().await?;
            let changed = proposal::Entity::update_many()
                .col_expr(proposal::Column::Title, Expr::value(title.as_str()))
                .col_expr(proposal::Column::Body, Expr::value(body.as_str()))
                .col_expr(
                    proposal::Column::SearchText,
                    Expr::value(search::proposal_text(&title, &body)),
                )
                .col_expr(proposal::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(proposal::Column::EditedAt, Expr::value(Some(at)))
                // A voice-only proposal now has its words, written by staff who listened.
                .col_expr(proposal::Column::AwaitingText, Expr::value(false))
                .filter(proposal::Column::Id.eq(id))
                .filter(
                    proposal::Column::Status
                        .is_in([ProposalStatus::Submitted, ProposalStatus::Open]),
                )
                .exec(&txn)
                .await?;
            let target = Target::Proposal(id);
            if changed.rows_affected != 1 {
                author_of(&txn, target).await?;
                return Err(AppError::field("text", "error-edit-late"));
            }
            target
        }
        NewWords::Comment { id, text } => {
            txn = db.begin().await?;
            let changed = comment::Entity::update_many()
                .col_expr(comment::Column::Body, Expr::value(text.as_str()))
                .col_expr(comment::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(comment::Column::EditedAt, Expr::value(Some(at)))
                .col_expr(comment::Column::AwaitingText, Expr::value(false))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            if changed.rows_affected != 1 {
                return Err(AppError::NotFound);
            }
            Target::Comment(id)
        }
    };
    let logged = log_on(&txn, staff, LogAction::Edit, target, Some(note.as_str())).await?;
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
