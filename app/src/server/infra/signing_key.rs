//! The site's secrets: the key for signatures (the kiosk cookie, form messages that travel in a
//! link) and, through [`kept_secret`], the phone notifications' VAPID key. Kept in the database,
//! so every instance signs and checks with the same key.
use crate::error::AppError;
use crate::server::entities::site_setting;
use cookie::Key;
use sea_orm::{DatabaseConnection, EntityTrait, Set};

const KEY_SETTING: &str = "cookie_key";

/// The signing key, made once (by whichever instance first needs it) and kept in the database.
pub async fn key(db: &DatabaseConnection) -> Result<Key, AppError> {
    let stored = kept_secret(db, KEY_SETTING, || {
        Key::generate()
            .master()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    })
    .await?;
    let bytes: Vec<u8> = (0..stored.len())
        .step_by(2)
        .filter_map(|i| u8::from_str_radix(stored.get(i..i + 2)?, 16).ok())
        .collect();
    Key::try_from(bytes.as_slice()).map_err(|_| AppError::Internal)
}

/// A secret kept as the site setting `name`, made by `fresh` on first use. Read first: only the
/// very first use writes, so later requests stay reads. Two instances racing here both insert;
/// the first one wins and both read it back, so every instance holds the same secret.
pub async fn kept_secret(
    db: &DatabaseConnection,
    name: &str,
    fresh: impl FnOnce() -> String,
) -> Result<String, AppError> {
    if let Some(stored) = stored(db, name).await? {
        return Ok(stored);
    }
    site_setting::Entity::insert(site_setting::ActiveModel {
        key: Set(name.into()),
        value: Set(fresh()),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    stored(db, name).await?.ok_or(AppError::Internal)
}

async fn stored(db: &DatabaseConnection, name: &str) -> Result<Option<String>, AppError> {
    Ok(site_setting::Entity::find_by_id(name)
        .one(db)
        .await?
        .map(|row| row.value))
}
