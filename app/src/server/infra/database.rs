//! Opening the database: SQLite (one file, WAL) by default, PostgreSQL by URL.
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// SQLite has one writer at a time anyway; a small pool avoids lock storms.
pub const SQLITE_DEFAULT_CONNECTIONS: u32 = 8;
/// PostgreSQL serves many requests at once; each connection costs it a process (~10 MB), and a
/// small server has `max_connections = 100` to share between instances.
pub const POSTGRES_DEFAULT_CONNECTIONS: u32 = 20;

/// Opens a pool of at most `max_connections` (`None`: the default for the kind of database).
pub async fn connect(url: &str, max_connections: Option<u32>) -> Result<DatabaseConnection, DbErr> {
    let sqlite = url.starts_with("sqlite");
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .max_connections(max_connections.unwrap_or(if sqlite {
            SQLITE_DEFAULT_CONNECTIONS
        } else {
            POSTGRES_DEFAULT_CONNECTIONS
        }))
        .map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::SqliteJournalMode;
            // WAL lets readers go on while one request writes; waiting beats failing under load.
            o.journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    // After a failed write SQLite may already have rolled the transaction back itself; sqlx's own
    // ROLLBACK then fails and it goes on counting a transaction open on that connection, so every
    // later BEGIN/COMMIT there would be a savepoint that never reaches the disk — writes
    // acknowledged and lost. A connection that comes back to the pool still "in a transaction"
    // is closed instead of serving again.
    options
        .map_sqlx_sqlite_pool_opts(|o| o.after_release(reusable))
        .map_sqlx_postgres_pool_opts(|o| o.after_release(reusable));
    Database::connect(options).await
}

/// Counts every statement sent through `db` from now on. Statements are what pages cost most
/// (issue 19): `/metrics` shows the count, and the tests hold each page to its number
/// (tests/api/page_costs.rs).
pub fn count_statements(db: &mut DatabaseConnection) -> Arc<AtomicU64> {
    let count = Arc::new(AtomicU64::new(0));
    let counting = count.clone();
    db.set_metric_callback(move |_| {
        counting.fetch_add(1, Ordering::Relaxed);
    });
    count
}

/// What a pool's `after_release` check answers: whether the connection may serve again.
type Verdict<'c> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<bool, sea_orm::sqlx::Error>> + Send + 'c>,
>;

/// A connection coming back to the pool may serve again unless it is still inside a
/// transaction (see `connect`).
fn reusable<C: sea_orm::sqlx::Connection>(
    connection: &mut C,
    _: sea_orm::sqlx::pool::PoolConnectionMetadata,
) -> Verdict<'_> {
    let reusable = !connection.is_in_transaction();
    Box::pin(async move { Ok(reusable) })
}

/// Whether `error` means the database cannot store anything just now — the disk is full, the file
/// or server is read-only, locked past the wait, or unreachable — rather than a mistake in a
/// query. The member is told their request was not saved, not that something broke.
pub fn is_storage_failure(error: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx};
    let sqlx_error = match error {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => e.as_ref(),
        _ => return false,
    };
    match sqlx_error {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(e) => {
            let code = e.code().unwrap_or_default();
            if e.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                code.parse().is_ok_and(is_sqlite_storage_code)
            } else {
                is_postgres_storage_state(&code)
            }
        }
        _ => false,
    }
}

/// SQLite's result codes that mean "cannot store now" (an extended code keeps its primary code
/// in the low byte).
fn is_sqlite_storage_code(code: i64) -> bool {
    const BUSY: i64 = 5;
    const LOCKED: i64 = 6;
    const READONLY: i64 = 8;
    const IOERR: i64 = 10;
    const FULL: i64 = 13;
    const CANTOPEN: i64 = 14;
    matches!(
        code & 0xff,
        BUSY | LOCKED | READONLY | IOERR | FULL | CANTOPEN
    )
}

/// PostgreSQL's SQLSTATEs that mean "cannot store now": 53xxx insufficient resources (disk
/// full, out of memory, too many connections), 08xxx connection lost, 57P0x the server is
/// shutting down, 25006 a read-only transaction.
fn is_postgres_storage_state(state: &str) -> bool {
    state.starts_with("53")
        || state.starts_with("08")
        || state.starts_with("57P0")
        || state == "25006"
}

#[cfg(test)]
mod tests {
    use super::{is_postgres_storage_state, is_sqlite_storage_code};

    /// Without the query planner stability guarantee, SQLite plans a statement again each time a
    /// bound `LIMIT` changes how it would plan — in practice on every run of every `.one()` and
    /// every list page, ~6 % of a page's time (issue 19). `.cargo/config.toml` turns it on.
    #[tokio::test]
    async fn sqlite_plans_a_statement_once() {
        use sea_orm::ConnectionTrait;
        let db = super::connect("sqlite::memory:", Some(1)).await.unwrap();
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT sqlite_compileoption_used('ENABLE_QPSG')",
            ))
            .await
            .unwrap()
            .unwrap();
        let used: i64 = row.try_get_by_index(0).unwrap();
        assert_eq!(used, 1, "SQLite built without SQLITE_ENABLE_QPSG");
    }

    #[test]
    fn full_locked_and_read_only_databases_are_storage_failures() {
        // SQLite: full, busy, busy-snapshot, read-only, read-only-dbmoved, I/O, short read.
        for code in [13, 5, 517, 8, 1032, 10, 522] {
            assert!(is_sqlite_storage_code(code), "{code}");
        }
        for state in ["53100", "08006", "57P01", "25006"] {
            assert!(is_postgres_storage_state(state), "{state}");
        }
    }

    #[test]
    fn broken_queries_and_constraints_are_not() {
        // SQLite constraint, unique constraint, syntax error; PostgreSQL unique violation,
        // undefined column.
        for code in [19, 2067, 1] {
            assert!(!is_sqlite_storage_code(code), "{code}");
        }
        for state in ["23505", "42703"] {
            assert!(!is_postgres_storage_state(state), "{state}");
        }
    }
}
