//! The site's secret for signatures (the kiosk cookie, form messages that travel in a link).
//! Kept in the database, so every instance signs and checks with the same key.
use crate::error::AppError;
use crate::server::entities::site_setting;
use cookie::Key;
use sea_orm::{DatabaseConnection, EntityTrait, Set};

const KEY_SETTING: &str = "cookie_key";

/// The signing key, made once (by whichever instance first needs it) and kept in the database.
/// Read first: only the very first use writes, so the tablet's requests stay reads.
pub async fn key(db: &DatabaseConnection) -> Result<Key, AppError> {
    let stored = match stored_key(db).await? {
        Some(stored) => stored,
        None => {
            let fresh: String = Key::generate()
                .master()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect();
            // Two instances racing here both insert; the first one wins and both read it back.
            site_setting::Entity::insert(site_setting::ActiveModel {
                key: Set(KEY_SETTING.into()),
                value: Set(fresh),
            })
            .on_conflict_do_nothing()
            .exec_without_returning(db)
            .await?;
            stored_key(db).await?.ok_or(AppError::Internal)?
        }
    };
    let bytes: Vec<u8> = (0..stored.len())
        .step_by(2)
        .filter_map(|i| u8::from_str_radix(stored.get(i..i + 2)?, 16).ok())
        .collect();
    Key::try_from(bytes.as_slice()).map_err(|_| AppError::Internal)
}

async fn stored_key(db: &DatabaseConnection) -> Result<Option<String>, AppError> {
    Ok(site_setting::Entity::find_by_id(KEY_SETTING)
        .one(db)
        .await?
        .map(|row| row.value))
}
