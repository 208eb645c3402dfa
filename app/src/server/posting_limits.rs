//! Posting limits per account (DESIGN.md: "Posting is rate-limited per account"), counted from
//! what is stored, so every server instance agrees. The numbers come from the configuration.
use super::PostingLimits;
use super::entities::{comment, proposal};
use crate::error::AppError;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

pub async fn check_proposals(
    db: &impl ConnectionTrait,
    author: i32,
    limits: &PostingLimits,
) -> Result<(), AppError> {
    let recent = proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(author))
        .filter(proposal::Column::CreatedAt.gt(Utc::now() - Duration::days(1)))
        .count(db)
        .await?;
    refuse_over(
        recent,
        limits.proposals_per_day,
        "title",
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
    refuse_over(
        recent,
        limits.comments_per_hour,
        "text",
        "error-limit-comments",
    )
}

fn refuse_over(recent: u64, limit: u64, field: &str, message: &str) -> Result<(), AppError> {
    if recent >= limit {
        return Err(AppError::field(field, message));
    }
    Ok(())
}
