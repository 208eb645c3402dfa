//! The one password check. Signing in, a vote at the staff's desk, changing one's password and
//! deleting one's account all prove "I know this account's password" here, so every try counts
//! against the same limits and none of them can become a way to guess a password.
use super::members::find_by_username;
use super::sign_in_limit::{
    PER_ACCOUNT, PER_ADDRESS, account_key, address_key, forgive_account, reserve,
};
use crate::domain::Username;
use crate::error::AppError;
use crate::server::entities::user;
use crate::server::infra::passwords::{UNUSABLE_HASH, verify};
use crate::visitor::Member;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Whose password is being tried.
pub enum Claimant<'a> {
    /// Someone typing a username: at sign-in, or a resident at the staff's desk.
    Named(&'a Username),
    /// The signed-in member confirming it is them (the phone may have been found unlocked).
    SignedIn(&'a Member),
}

/// The account, if `password` is its password. The try is counted before the password is hashed,
/// under the account's limit and, when `address` is given (signing in from the open internet),
/// the address's: a wrong password stays counted; a right one is forgiven with the account's
/// earlier mistakes. An unknown username costs the same time as a wrong password. Too many tries
/// are refused with "try again in N minutes" without looking at the password.
pub async fn authenticate(
    db: &DatabaseConnection,
    claimant: Claimant<'_>,
    password: &str,
    address: Option<&str>,
) -> Result<Option<user::Model>, AppError> {
    let (username, found) = match claimant {
        Claimant::Named(username) => (
            username.as_str().to_owned(),
            find_by_username(db, username).await?,
        ),
        Claimant::SignedIn(member) => (
            member.username.clone(),
            user::Entity::find_by_id(member.id).one(db).await?,
        ),
    };
    let mut keys = vec![(account_key(&username), PER_ACCOUNT)];
    if let Some(address) = address {
        keys.push((address_key(address), PER_ADDRESS));
    }
    let reservation = reserve(db, &keys).await?;
    let stored = found
        .as_ref()
        .map_or(UNUSABLE_HASH, |row| row.password_hash.as_str());
    if !verify(password, stored).await {
        return Ok(None);
    }
    reservation.succeeded(db).await?;
    forgive_account(db, &username).await?;
    Ok(found)
}
