//! Opening the database: SQLite (one file, WAL) by default, PostgreSQL by URL.
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::SqliteJournalMode;
            // WAL lets readers go on while one request writes; waiting beats failing under load.
            o.journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    if url.starts_with("sqlite") {
        // One writer at a time is SQLite's rule anyway; a small pool avoids lock storms.
        options.max_connections(8);
    }
    Database::connect(options).await
}
