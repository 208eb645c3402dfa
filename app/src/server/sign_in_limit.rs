//! Slows down password guessing: after too many failed sign-ins for one account, or from one
//! address, within a window, further tries wait. Kept in the database so all instances agree.
use super::entities::sign_in_failure;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const WINDOW: Duration = Duration::minutes(15);
pub const PER_ACCOUNT: usize = 5;
pub const PER_ADDRESS: usize = 20;

pub fn account_key(username: &str) -> String {
    format!("account:{username}")
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// Minutes to wait, when `failures` (oldest first, all within the window) reached `limit`.
pub fn minutes_to_wait(
    failures: &[DateTime<Utc>],
    limit: usize,
    now: DateTime<Utc>,
) -> Option<u32> {
    if failures.len() < limit {
        return None;
    }
    // The wait ends when enough old failures leave the window to allow one more try.
    let freeing = failures.get(failures.len() - limit)?;
    let seconds = (*freeing + WINDOW - now).num_seconds().max(1);
    Some(u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX))
}

/// Refuses with "try again in N minutes" when any of the keys is over its limit.
pub async fn check(db: &impl ConnectionTrait, keys: &[(String, usize)]) -> Result<(), AppError> {
    let now = Utc::now();
    for (key, limit) in keys {
        let failures: Vec<DateTime<Utc>> = sign_in_failure::Entity::find()
            .filter(sign_in_failure::Column::Key.eq(key.as_str()))
            .filter(sign_in_failure::Column::FailedAt.gt(now - WINDOW))
            .order_by_asc(sign_in_failure::Column::FailedAt)
            .all(db)
            .await?
            .into_iter()
            .map(|row| row.failed_at)
            .collect();
        if let Some(minutes) = minutes_to_wait(&failures, *limit, now) {
            return Err(AppError::TooManyAttempts { minutes });
        }
    }
    Ok(())
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    keys: &[(String, usize)],
) -> Result<(), AppError> {
    let now = Utc::now();
    for (key, _) in keys {
        sign_in_failure::ActiveModel {
            key: Set(key.clone()),
            failed_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    // Old rows only cost space; drop them while we are here.
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lte(now - WINDOW))
        .exec(db)
        .await?;
    Ok(())
}

/// A successful sign-in forgives the account's earlier mistakes (not the address's).
pub async fn forgive_account(db: &impl ConnectionTrait, username: &str) -> Result<(), AppError> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::Key.eq(account_key(username)))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(now: DateTime<Utc>, minutes_ago: i64) -> DateTime<Utc> {
        now - Duration::minutes(minutes_ago)
    }

    #[test]
    fn under_the_limit_nobody_waits() {
        let now = Utc::now();
        let failures: Vec<_> = (0..4).map(|m| at(now, 10 - m)).collect();
        assert_eq!(minutes_to_wait(&failures, 5, now), None);
    }

    #[test]
    fn at_the_limit_the_wait_ends_when_the_oldest_failure_leaves_the_window() {
        let now = Utc::now();
        // Oldest failure 10 minutes ago: it leaves the 15-minute window in 5 minutes.
        let failures: Vec<_> = (0..5).map(|m| at(now, 10 - m)).collect();
        assert_eq!(minutes_to_wait(&failures, 5, now), Some(5));
    }

    #[test]
    fn a_wait_of_seconds_is_shown_as_one_minute() {
        let now = Utc::now();
        let failures = vec![now - WINDOW + Duration::seconds(10)];
        assert_eq!(minutes_to_wait(&failures, 1, now), Some(1));
    }
}
