//! `spolu backup DIR` and `spolu restore DIR`: a consistent copy of the SQLite database and the
//! uploaded photos, taken while Spolu runs, and putting one back while it is stopped.
//!
//! The database is copied first with `VACUUM INTO` (one read transaction: a snapshot in which
//! every write acknowledged before it began is present), then the photos; a photo uploaded in
//! between is copied too and merely unused. PostgreSQL is backed up with `pg_dump` (README).
use crate::config::Config;
use app::server::infra::database;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::path::{Path, PathBuf};

/// The database file inside a backup folder.
pub const DATABASE_FILE: &str = "spolu.db";
/// The photos folder inside a backup folder.
pub const UPLOADS_DIR: &str = "uploads";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "the database is PostgreSQL: back it up with pg_dump (see the README); \
         `spolu backup` copies SQLite"
    )]
    NotSqlite,
    #[error("{0} is not empty: back up into a new or empty folder")]
    NotEmpty(String),
    #[error("{0} holds no {DATABASE_FILE}: not a Spolu backup")]
    NoBackup(String),
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("the database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("the backup's database is damaged: {0}")]
    Damaged(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |error| BackupError::Io {
        path: path.display().to_string(),
        error,
    }
}

/// What a backup holds.
#[derive(Debug)]
pub struct Copied {
    pub database_bytes: u64,
    pub photos: usize,
}

pub async fn backup(config: &Config, into: &Path) -> Result<Copied, BackupError> {
    let url = config.database_url();
    if !url.starts_with("sqlite") {
        return Err(BackupError::NotSqlite);
    }
    std::fs::create_dir_all(into).map_err(io(into))?;
    if std::fs::read_dir(into).map_err(io(into))?.next().is_some() {
        return Err(BackupError::NotEmpty(into.display().to_string()));
    }
    let target = into.join(DATABASE_FILE);
    let db = database::connect(&url, Some(1)).await?;
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [target.display().to_string().into()],
    ))
    .await?;
    db.close().await?;
    let photos = copy_files(&config.uploads_dir(), &into.join(UPLOADS_DIR))?;
    let database_bytes = std::fs::metadata(&target).map_err(io(&target))?.len();
    Ok(Copied {
        database_bytes,
        photos,
    })
}

/// Puts a backup in place of the data folder's database and photos; what was there is moved
/// to `before-restore-<time>/` in the data folder, never deleted. Spolu must be stopped.
pub async fn restore(config: &Config, from: &Path) -> Result<PathBuf, BackupError> {
    let url = config.database_url();
    if !url.starts_with("sqlite") {
        return Err(BackupError::NotSqlite);
    }
    let source = from.join(DATABASE_FILE);
    if !source.is_file() {
        return Err(BackupError::NoBackup(from.display().to_string()));
    }
    check_integrity(&source).await?;

    let database_file = sqlite_file(&url);
    let aside = config.data_dir.join(format!(
        "before-restore-{}",
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    ));
    std::fs::create_dir_all(&aside).map_err(io(&aside))?;
    for suffix in ["", "-wal", "-shm"] {
        let mut name = database_file.clone().into_os_string();
        name.push(suffix);
        let file = PathBuf::from(name);
        if file.exists() {
            let moved = aside.join(file.file_name().unwrap_or_default());
            std::fs::rename(&file, &moved).map_err(io(&file))?;
        }
    }
    let uploads = config.uploads_dir();
    if uploads.exists() {
        std::fs::rename(&uploads, aside.join(UPLOADS_DIR)).map_err(io(&uploads))?;
    }
    std::fs::copy(&source, &database_file).map_err(io(&database_file))?;
    std::fs::create_dir_all(&uploads).map_err(io(&uploads))?;
    copy_files(&from.join(UPLOADS_DIR), &uploads)?;
    Ok(aside)
}

/// The file a `sqlite://path?options` URL names.
fn sqlite_file(url: &str) -> PathBuf {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    PathBuf::from(path.split('?').next().unwrap_or(path))
}

async fn check_integrity(file: &Path) -> Result<(), BackupError> {
    // A plain read-only connection: `database::connect` would switch the file to WAL.
    let url = format!("sqlite://{}?mode=ro", file.display());
    let db = sea_orm::Database::connect(url).await?;
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?;
    db.close().await?;
    let verdict: String = row
        .map(|r| r.try_get_by_index(0))
        .transpose()?
        .unwrap_or_default();
    if verdict == "ok" {
        Ok(())
    } else {
        Err(BackupError::Damaged(verdict))
    }
}

/// Copies the files directly in `from` (photos are one flat folder) into `to`; a missing `from`
/// has nothing to copy.
fn copy_files(from: &Path, to: &Path) -> Result<usize, BackupError> {
    std::fs::create_dir_all(to).map_err(io(to))?;
    let entries = match std::fs::read_dir(from) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(io(from)(error)),
    };
    let mut copied = 0;
    for entry in entries {
        let entry = entry.map_err(io(from))?;
        let name = entry.file_name();
        // A photo still being written is not a photo yet.
        if !entry.path().is_file() || name.to_string_lossy().ends_with(".partial") {
            continue;
        }
        std::fs::copy(entry.path(), to.join(&name)).map_err(io(&entry.path()))?;
        copied += 1;
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;
    use std::path::PathBuf;

    #[test]
    fn the_database_file_is_read_from_its_url() {
        assert_eq!(
            sqlite_file("sqlite://data/spolu.db?mode=rwc"),
            PathBuf::from("data/spolu.db")
        );
        assert_eq!(
            sqlite_file("sqlite:/var/lib/spolu/spolu.db"),
            PathBuf::from("/var/lib/spolu/spolu.db")
        );
    }
}
