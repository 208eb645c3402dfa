//! The number the database raises on every change to what pages show (triggers, migration
//! 000020), and what an instance keeps in memory against it.
//!
//! A request reads the number once ([`read`], in `accounts::visitor::load_visitor`). What was
//! kept under the same number is still true, whichever instance wrote last; under another number
//! it is read again. Nothing here expires by time, so nothing is shown stale after a write.
use sea_orm::{ConnectionTrait, DbErr, Statement};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The data version a request read, in its extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataVersion(pub i64);

/// The number, as a subquery another query can carry along.
pub const SUBQUERY: &str = "(SELECT version FROM data_version WHERE id = 1)";

/// The number now (one statement, on the one-row table).
pub async fn read(db: &impl ConnectionTrait) -> Result<DataVersion, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT {SUBQUERY}"),
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("data_version".into()))?;
    Ok(DataVersion(row.try_get_by_index(0)?))
}

/// The data version of the request being answered, if it was read.
pub fn of_request() -> Option<DataVersion> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<DataVersion>().copied())
}

/// One value read from the database, kept with the data version it was read under.
#[derive(Debug)]
pub struct Kept<T>(Mutex<Option<(DataVersion, T)>>);

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Self(Mutex::new(None))
    }
}

impl<T: Clone> Kept<T> {
    /// The value kept under `version`, or `load`ed and kept. Without a version (it could not be
    /// read), always loaded and not kept.
    pub async fn get_or_load<E, F>(&self, version: Option<DataVersion>, load: F) -> Result<T, E>
    where
        F: AsyncFnOnce() -> Result<T, E>,
    {
        let Some(version) = version else {
            return load().await;
        };
        if let Some((kept_under, value)) = self.entry().as_ref()
            && *kept_under == version
        {
            return Ok(value.clone());
        }
        let value = load().await?;
        let mut entry = self.entry();
        // A slower request that read an older number must not replace a newer value.
        if entry.as_ref().is_none_or(|(kept, _)| kept.0 <= version.0) {
            *entry = Some((version, value.clone()));
        }
        Ok(value)
    }

    fn entry(&self) -> MutexGuard<'_, Option<(DataVersion, T)>> {
        // Nothing can be left half-written under this lock: a poisoned one is still good.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(kept: &Kept<u32>, version: Option<i64>, value: u32) -> u32 {
        kept.get_or_load(version.map(DataVersion), async || Ok::<_, ()>(value))
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_kept_value_serves_its_own_version_only() {
        let kept = Kept::default();
        assert_eq!(get(&kept, Some(1), 10).await, 10);
        assert_eq!(get(&kept, Some(1), 11).await, 10, "same version: kept");
        assert_eq!(get(&kept, Some(2), 12).await, 12, "new version: read again");
        assert_eq!(
            get(&kept, Some(1), 13).await,
            13,
            "an older reader gets its own read"
        );
        assert_eq!(
            get(&kept, Some(2), 14).await,
            12,
            "…and does not replace the newer"
        );
        assert_eq!(
            get(&kept, None, 15).await,
            15,
            "no version: never from memory"
        );
        assert_eq!(get(&kept, Some(2), 16).await, 12);
    }
}
