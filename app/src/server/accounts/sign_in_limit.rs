//! Slows down password guessing: after too many failed sign-ins for one account, or from one
//! address, within a window, further tries wait. Kept in the database so all instances agree.
use crate::error::AppError;
use crate::server::entities::sign_in_failure;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
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

/// One try, counted under each key's limit before any password is hashed. Until `succeeded` is
/// called it stands as a failure, so 40 tries sent at once are exactly as many as 40 in a row.
#[must_use = "a reserved try counts as a failure unless it succeeded"]
pub struct Reservation {
    rows: Vec<i32>,
}

impl Reservation {
    /// The try was right (or was not a guess): it no longer counts against anyone.
    pub async fn succeeded(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        sign_in_failure::Entity::delete_many()
            .filter(sign_in_failure::Column::Id.is_in(self.rows))
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Reserves one try under every key, or refuses with "try again in N minutes" when any key is at
/// its limit. Each key's gate is locked for the count (see `limit_gate`; in one order, so two
/// tries never wait on each other in a circle), so concurrent tries are counted one by one.
pub async fn reserve(
    db: &DatabaseConnection,
    keys: &[(String, usize)],
) -> Result<Reservation, AppError> {
    let now = Utc::now();
    let mut ordered: Vec<&(String, usize)> = keys.iter().collect();
    ordered.sort_by(|a, b| a.0.cmp(&b.0));
    let txn = db.begin().await?;
    for (key, _) in &ordered {
        crate::server::infra::limit_gate::lock(&txn, key, now).await?;
    }
    for (key, limit) in keys {
        let failures: Vec<DateTime<Utc>> = sign_in_failure::Entity::find()
            .filter(sign_in_failure::Column::Key.eq(key.as_str()))
            .filter(sign_in_failure::Column::FailedAt.gt(now - WINDOW))
            .order_by_asc(sign_in_failure::Column::FailedAt)
            .all(&txn)
            .await?
            .into_iter()
            .map(|row| row.failed_at)
            .collect();
        if let Some(minutes) = minutes_to_wait(&failures, *limit, now) {
            // Dropping the transaction undoes the gate writes; nothing is counted.
            return Err(AppError::TooManyAttempts { minutes });
        }
    }
    let mut rows = Vec::new();
    for (key, _) in keys {
        let row = sign_in_failure::ActiveModel {
            key: Set(key.clone()),
            failed_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        rows.push(row.id);
    }
    txn.commit().await?;
    sweep(db, now).await;
    Ok(Reservation { rows })
}

/// Old rows only cost space; drop them while we are here (a failure here changes no answer).
async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) {
    let failures = sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lte(now - WINDOW))
        .exec(db)
        .await;
    // Posting limits count a day back; their gates are swept after that.
    let gates = crate::server::infra::limit_gate::sweep(db, now - Duration::days(1)).await;
    if let Err(error) = failures.and(gates) {
        tracing::warn!(%error, "sweeping old sign-in failures failed");
    }
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
