//! Where uploaded files live. Everything that writes, removes or links to an uploaded file goes
//! through [`FileStore`], so an object store can replace the local folder without touching the
//! rest. Names are random and chosen here, never taken from the person's device.
use crate::error::AppError;
use async_trait::async_trait;
use rand::Rng;
use std::path::{Path, PathBuf};

/// The kinds of file Spolu stores; the kind gives the file its extension, and so its content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Jpeg,
    /// A voice message, Opus in an Ogg file.
    OggOpus,
}

impl FileKind {
    fn extension(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpg",
            FileKind::OggOpus => "ogg",
        }
    }
}

#[async_trait]
pub trait FileStore: Send + Sync + std::fmt::Debug {
    /// Stores `bytes` under a new random name and returns the name.
    async fn put(&self, bytes: &[u8], kind: FileKind) -> Result<String, AppError>;
    /// Removes a stored file; a file already gone is not an error.
    async fn remove(&self, name: &str);
    /// The address a browser loads the file from.
    fn url(&self, name: &str) -> String;
    /// The folder the server itself serves files from, when they are on this machine.
    fn local_dir(&self) -> Option<&Path>;
    /// A stored file's bytes, for serving it when it is not in a local folder.
    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, AppError>;
}

/// The content type of a stored file, from the extension its kind gave it.
pub fn content_type(name: &str) -> Option<&'static str> {
    match name.rsplit_once('.')?.1 {
        "jpg" => Some("image/jpeg"),
        "ogg" => Some("audio/ogg"),
        _ => None,
    }
}

/// Files in a folder on this machine, served by the server under [`LOCAL_URL_PREFIX`].
#[derive(Debug, Clone)]
pub struct LocalFolder {
    dir: PathBuf,
}

pub const LOCAL_URL_PREFIX: &str = "/uploads";

impl LocalFolder {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }
}

/// 128 random bits: unguessable, so a photo of a proposal still waiting for approval is not found
/// by trying names.
fn random_name(kind: FileKind) -> String {
    let bits: u128 = rand::rng().random();
    format!("{bits:032x}.{}", kind.extension())
}

/// Only names this module made are ever joined to the folder.
fn is_our_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(stem, extension)| {
        stem.len() == 32
            && stem.bytes().all(|b| b.is_ascii_hexdigit())
            && extension.bytes().all(|b| b.is_ascii_lowercase())
    })
}

#[async_trait]
impl FileStore for LocalFolder {
    async fn put(&self, bytes: &[u8], kind: FileKind) -> Result<String, AppError> {
        let name = random_name(kind);
        // Written under a temporary name and renamed, so a half-written file is never served.
        let partial = self.dir.join(format!("{name}.partial"));
        let write = async {
            tokio::fs::write(&partial, bytes).await?;
            tokio::fs::rename(&partial, self.dir.join(&name)).await
        };
        if let Err(error) = write.await {
            tracing::error!(%error, dir = %self.dir.display(), "storing an upload failed");
            let _ = tokio::fs::remove_file(&partial).await;
            // A full or read-only disk: the member's photo was not saved and may be sent again.
            return Err(AppError::NotSaved);
        }
        Ok(name)
    }

    async fn remove(&self, name: &str) {
        if !is_our_name(name) {
            return;
        }
        match tokio::fs::remove_file(self.dir.join(name)).await {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => tracing::warn!(%error, name, "removing an upload failed"),
        }
    }

    fn url(&self, name: &str) -> String {
        format!("{LOCAL_URL_PREFIX}/{name}")
    }

    fn local_dir(&self) -> Option<&Path> {
        Some(&self.dir)
    }

    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, AppError> {
        if !is_our_name(name) {
            return Ok(None);
        }
        match tokio::fs::read(self.dir.join(name)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => {
                tracing::error!(%error, name, "reading an upload failed");
                Err(AppError::Internal)
            }
        }
    }
}

/// Files kept in the database, a row each: every instance on the same PostgreSQL serves every
/// photo (`--photo-store database`). Served under [`LOCAL_URL_PREFIX`] like a folder's.
#[derive(Debug, Clone)]
pub struct DatabaseFiles {
    db: sea_orm::DatabaseConnection,
}

impl DatabaseFiles {
    pub fn new(db: sea_orm::DatabaseConnection) -> Self {
        Self { db }
    }

    /// Takes in the files of `dir` that are not stored yet (after switching from a folder);
    /// answers how many. Running it again adds nothing twice.
    pub async fn import_folder(&self, dir: &Path) -> Result<usize, AppError> {
        let mut entries = match tokio::fs::read_dir(dir).await {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(error) => {
                tracing::error!(%error, dir = %dir.display(), "reading the uploads folder failed");
                return Err(AppError::Internal);
            }
        };
        let mut imported = 0;
        while let Ok(Some(entry)) = entries.next_entry().await {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_our_name(&name) || self.has(&name).await? {
                continue;
            }
            let Ok(bytes) = tokio::fs::read(entry.path()).await else {
                continue;
            };
            self.insert(&name, bytes).await?;
            imported += 1;
        }
        Ok(imported)
    }

    async fn has(&self, name: &str) -> Result<bool, AppError> {
        use crate::server::entities::stored_file;
        use sea_orm::{EntityTrait, QuerySelect};
        Ok(stored_file::Entity::find_by_id(name.to_owned())
            .select_only()
            .column(stored_file::Column::Name)
            .into_tuple::<String>()
            .one(&self.db)
            .await?
            .is_some())
    }

    async fn insert(&self, name: &str, bytes: Vec<u8>) -> Result<(), AppError> {
        use crate::server::entities::stored_file;
        use sea_orm::{EntityTrait, Set};
        stored_file::Entity::insert(stored_file::ActiveModel {
            name: Set(name.to_owned()),
            bytes: Set(bytes),
            created_at: Set(chrono::Utc::now()),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&self.db)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl FileStore for DatabaseFiles {
    async fn put(&self, bytes: &[u8], kind: FileKind) -> Result<String, AppError> {
        let name = random_name(kind);
        self.insert(&name, bytes.to_vec()).await?;
        Ok(name)
    }

    async fn remove(&self, name: &str) {
        use crate::server::entities::stored_file;
        use sea_orm::EntityTrait;
        if let Err(error) = stored_file::Entity::delete_by_id(name.to_owned())
            .exec(&self.db)
            .await
        {
            tracing::warn!(%error, name, "removing an upload failed");
        }
    }

    fn url(&self, name: &str) -> String {
        format!("{LOCAL_URL_PREFIX}/{name}")
    }

    fn local_dir(&self) -> Option<&Path> {
        None
    }

    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, AppError> {
        use crate::server::entities::stored_file;
        use sea_orm::EntityTrait;
        Ok(stored_file::Entity::find_by_id(name.to_owned())
            .one(&self.db)
            .await?
            .map(|file| file.bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_under_a_random_name_and_removes() {
        let dir = std::env::temp_dir().join(format!("spolu-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = LocalFolder::new(&dir);
        let a = store.put(b"one", FileKind::Jpeg).await.unwrap();
        let b = store.put(b"two", FileKind::Jpeg).await.unwrap();
        assert_ne!(a, b);
        assert!(is_our_name(&a) && a.ends_with(".jpg"));
        assert_eq!(std::fs::read(dir.join(&a)).unwrap(), b"one");
        assert_eq!(store.url(&a), format!("/uploads/{a}"));
        store.remove(&a).await;
        store.remove(&a).await;
        assert!(!dir.join(&a).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_from_elsewhere_are_never_joined_to_the_folder() {
        assert!(!is_our_name("../spolu.db"));
        assert!(!is_our_name("0123456789abcdef0123456789abcdef"));
        assert!(!is_our_name("0123456789abcdef0123456789abcdef./"));
        assert!(is_our_name("0123456789abcdef0123456789abcdef.jpg"));
    }
}
