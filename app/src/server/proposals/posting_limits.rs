//! Posting limits per account (DESIGN.md: "Posting is rate-limited per account"), counted from
//! what is stored, so every server instance agrees. The numbers come from the configuration.
//! `check_*` refuses early, before any work; `hold_*` counts again inside the transaction that
//! stores the post, behind the account's gate (see `limit_gate`), so posts sent at once are
//! counted one by one and the limit is exact.
use crate::error::AppError;
use crate::server::PostingLimits;
use crate::server::entities::{comment, proposal, refused_upload};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

/// Within the transaction that stores a proposal: the account's turn, then the count.
pub async fn hold_proposals(
    txn: &impl ConnectionTrait,
    author: i32,
    limits: &PostingLimits,
) -> Result<(), AppError> {
    crate::server::infra::limit_gate::lock(txn, &format!("proposals:{author}"), Utc::now()).await?;
    check_proposals(txn, author, limits).await
}

/// Within the transaction that stores a comment: the account's turn, then the count.
pub async fn hold_comments(
    txn: &impl ConnectionTrait,
    author: i32,
    limits: &PostingLimits,
) -> Result<(), AppError> {
    crate::server::infra::limit_gate::lock(txn, &format!("comments:{author}"), Utc::now()).await?;
    check_comments(txn, author, limits).await
}

/// A form whose photos were refused: decoding them cost the server, so it counts like a post.
pub async fn note_refused_upload(db: &impl ConnectionTrait, member: i32) -> Result<(), AppError> {
    refused_upload::ActiveModel {
        member_id: Set(member),
        refused_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn check_proposals(
    db: &impl ConnectionTrait,
    author: i32,
    limits: &PostingLimits,
) -> Result<(), AppError> {
    let since = Utc::now() - Duration::days(1);
    let recent = proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(author))
        .filter(proposal::Column::CreatedAt.gt(since))
        .count(db)
        .await?;
    let refused = refused_upload::Entity::find()
        .filter(refused_upload::Column::MemberId.eq(author))
        .filter(refused_upload::Column::RefusedAt.gt(since))
        .count(db)
        .await?;
    refuse_over(
        recent + refused,
        limits.proposals_per_day,
        "error-limit-proposals",
    )
}

pub async fn check_comments(
    db: &impl ConnectionTrait,
    author: i32,
    limits: &PostingLimits,
) -> Result<(), AppError> {
    let recent = comment::Entity::find()
        .filter(comment::Column::AuthorId.eq(author))
        .filter(comment::Column::CreatedAt.gt(Utc::now() - Duration::hours(1)))
        .count(db)
        .await?;
    refuse_over(recent, limits.comments_per_hour, "error-limit-comments")
}

/// A limit is about the whole form, not a field: said once at the top, with the number, and what
/// was typed kept.
fn refuse_over(recent: u64, limit: u64, message: &str) -> Result<(), AppError> {
    use crate::error::{WHOLE_FORM, WHOLE_FORM_COUNT};
    if recent >= limit {
        return Err(
            AppError::field(WHOLE_FORM, message).keeping(&[(WHOLE_FORM_COUNT, &limit.to_string())])
        );
    }
    Ok(())
}
