//! The number the database raises on every change to what pages show (triggers, migration
//! 000020), and what an instance keeps in memory against it.
//!
//! A request reads the number once ([`read`], in `accounts::visitor::load_visitor`). What was
//! kept under the same number is still true, whichever instance wrote last; under another number
//! it is read again. Nothing here expires by time, so nothing is shown stale after a write.
use crate::server::infra::state::AppState;
use sea_orm::{ConnectionTrait, DbErr, Statement};
use std::sync::atomic::{AtomicU64, Ordering};
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

/// Visitors' requests read the number together. A request takes the number from a read that
/// started after it arrived — never older than its own arrival, so never stale — and one read
/// serves every request that was waiting for it: alone, a request costs one statement as
/// before; under load, one statement serves every request that came in during the last one.
#[derive(Debug, Default)]
pub struct SharedReads {
    /// How many reads have started.
    started: AtomicU64,
    /// One read at a time, and the last one's sequence number and result.
    turn: tokio::sync::Mutex<(u64, Option<DataVersion>)>,
}

impl SharedReads {
    /// The number, from a read that started after this call (`None` when it cannot be read).
    pub async fn read(&self, db: &impl ConnectionTrait) -> Option<DataVersion> {
        let wanted = self.started.load(Ordering::SeqCst) + 1;
        let mut last = self.turn.lock().await;
        if last.0 >= wanted {
            return last.1;
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let version = read(db)
            .await
            .inspect_err(|error| tracing::error!(%error, "reading the data version failed"))
            .ok();
        *last = (number, version);
        version
    }
}

/// The data version of the request being answered, if it was read.
pub fn of_request() -> Option<DataVersion> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<DataVersion>().copied())
}

/// What `kept` (one of the instance's kept values) holds under this request's data version, or
/// `load`ed; outside a request (a download, a background task), always `load`ed.
pub async fn for_request<T: Clone, E>(
    kept: impl FnOnce(&AppState) -> &Kept<T>,
    load: impl AsyncFnOnce() -> Result<T, E>,
) -> Result<T, E> {
    match leptos::prelude::use_context::<AppState>() {
        Some(state) => kept(&state).get_or_load(of_request(), load).await,
        None => load().await,
    }
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

    /// A one-connection database with the number at `version`, counting its statements.
    async fn database(version: i64) -> (sea_orm::DatabaseConnection, std::sync::Arc<AtomicU64>) {
        let mut options = sea_orm::ConnectOptions::new("sqlite::memory:");
        options.max_connections(1).sqlx_logging(false);
        let mut db = sea_orm::Database::connect(options).await.unwrap();
        let statements = crate::server::infra::database::count_statements(&mut db);
        for sql in [
            "CREATE TABLE data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)"
                .to_owned(),
            format!("INSERT INTO data_version (id, version) VALUES (1, {version})"),
        ] {
            db.execute_unprepared(&sql).await.unwrap();
        }
        (db, statements)
    }

    #[tokio::test]
    async fn a_shared_read_sees_every_change_made_before_it_was_asked() {
        let (db, _) = database(1).await;
        let reads = SharedReads::default();
        assert_eq!(reads.read(&db).await, Some(DataVersion(1)));
        db.execute_unprepared("UPDATE data_version SET version = 2")
            .await
            .unwrap();
        assert_eq!(
            reads.read(&db).await,
            Some(DataVersion(2)),
            "not the last read's"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_requests_at_once_share_few_reads() {
        let (db, statements) = database(5).await;
        let reads = std::sync::Arc::new(SharedReads::default());
        let before = statements.load(Ordering::SeqCst);
        let asked: Vec<_> = (0..200)
            .map(|_| {
                let (reads, db) = (reads.clone(), db.clone());
                tokio::spawn(async move { reads.read(&db).await })
            })
            .collect();
        for answer in asked {
            assert_eq!(answer.await.unwrap(), Some(DataVersion(5)));
        }
        let used = statements.load(Ordering::SeqCst) - before;
        assert!(used < 200, "{used} reads for 200 requests");
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
