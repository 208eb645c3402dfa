//! Moderators' actions on proposals and comments. Each one is a single transaction holding the
//! change, the counters it moves, the reports it settles and its moderation-log row: if any part
//! fails, none of it is kept. Every transaction starts with its conditional write (SQLite then
//! waits for the write lock instead of failing to upgrade a read lock).
pub mod log;
pub mod queue;
use crate::domain::LogAction;
use crate::domain::Target;
use crate::error::AppError;
use crate::server::entities::{comment, proposal, report};
use crate::server::staff_log::{LogEntry, log};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
mod editing;
mod merge;
mod visibility;
pub use editing::{Correction, CorrectionForm, NewWords, edit, set_locked};
pub use merge::merge;
pub use visibility::{approve, dismiss, hide, restore};

/// The member who wrote the item (for the log's "about whom").
async fn author_of(db: &impl ConnectionTrait, target: Target) -> Result<i32, AppError> {
    let author = match target {
        Target::Proposal(id) => proposal::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| p.author_id),
        Target::Comment(id) => comment::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| c.author_id),
    };
    author.ok_or(AppError::NotFound)
}

/// Settles every open report on the item.
async fn resolve_reports(
    db: &impl ConnectionTrait,
    target: Target,
    at: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(report::Entity::update_many()
        .col_expr(report::Column::ResolvedAt, Expr::value(at))
        .filter(report::Column::TargetKind.eq(target.kind()))
        .filter(report::Column::TargetId.eq(target.id()))
        .filter(report::Column::ResolvedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Moves the count of comments everyone sees on `proposal_id` by `step`.
async fn count_comment(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    step: i32,
) -> Result<(), AppError> {
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::CommentCount,
            Expr::col(proposal::Column::CommentCount).add(step),
        )
        .filter(proposal::Column::Id.eq(proposal_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Whether a comment counts among those everyone sees.
fn counted(row: &comment::Model) -> bool {
    row.deleted_at.is_none() && row.hidden_at.is_none() && row.held_at.is_none()
}

/// Counts a comment in again once everyone sees it (restored, or let through).
async fn count_in_if_shown(db: &impl ConnectionTrait, comment_id: i32) -> Result<(), AppError> {
    let row = comment::Entity::find_by_id(comment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if counted(&row) {
        count_comment(db, row.proposal_id, 1).await?;
    }
    Ok(())
}

/// Logs `action` on an item, about the member who wrote it.
async fn log_on(
    db: &impl ConnectionTrait,
    staff: &Member,
    action: LogAction,
    target: Target,
    reason: Option<&str>,
) -> Result<i32, AppError> {
    let member = author_of(db, target).await?;
    log(
        db,
        LogEntry {
            staff,
            action,
            target: Some(target),
            member: Some(member),
            reason,
        },
    )
    .await
}
