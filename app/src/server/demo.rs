//! The demo estate for trying Spolu out and for tests: `spolu --demo`. Running it twice changes nothing.
pub mod decisions;
pub mod outcomes;
pub mod photos;
pub mod proposals;
use crate::domain::{DisplayName, Password, Role, Username};
use crate::error::AppError;
use crate::server::accounts::members::{self, NewMember};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::passwords;
use sea_orm::DatabaseConnection;

pub const PASSWORD: &str = "spolu-demo";

/// (username, display name, role, core group)
pub const ACCOUNTS: [(&str, &str, Role, bool); 6] = [
    ("dana", "Dana Horáková", Role::Admin, false),
    ("cyril", "Cyril Novák", Role::Staff, false),
    ("boris", "Boris Dužda", Role::Resident, true),
    ("eva", "Eva Lakatošová", Role::Resident, true),
    ("anna", "Anna Černá", Role::Resident, false),
    ("filip", "Filip Kováč", Role::Resident, false),
];

/// What one run of the demo seed added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub accounts: usize,
    pub categories: usize,
    pub places: usize,
    pub proposals: usize,
    pub decisions: usize,
    pub outcomes: usize,
}

/// Adds whatever of the demo estate is missing: accounts, the default categories, places and
/// proposals with supports, decisions, and outcomes (their notifications follow from them).
pub async fn seed(db: &DatabaseConnection, files: &dyn FileStore) -> Result<Seeded, AppError> {
    let accounts = seed_accounts(db).await?;
    let categories = crate::server::catalog::categories::add_missing_defaults(db).await?;
    let places = crate::server::demo::proposals::seed_places(db).await?;
    let proposals = crate::server::demo::proposals::seed_proposals(db, files).await?;
    let decisions = crate::server::demo::decisions::seed_decisions(db).await?;
    let outcomes = crate::server::demo::outcomes::seed_outcomes(db, files).await?;
    Ok(Seeded {
        accounts,
        categories,
        places,
        proposals,
        decisions,
        outcomes,
    })
}

async fn seed_accounts(db: &DatabaseConnection) -> Result<usize, AppError> {
    let password = Password::parse(PASSWORD).map_err(|_| AppError::Internal)?;
    let mut hash = None;
    let mut added = 0;
    for (username, display_name, role, core) in ACCOUNTS {
        let username = Username::parse(username).map_err(|_| AppError::Internal)?;
        if members::find_by_username(db, &username).await?.is_some() {
            continue;
        }
        // One hash serves every demo account: they share the password, and Argon2 is slow.
        let password_hash = match &hash {
            Some(hash) => String::clone(hash),
            None => hash.insert(passwords::hash(&password).await?).clone(),
        };
        let display_name = DisplayName::parse(display_name).map_err(|_| AppError::Internal)?;
        members::create(
            db,
            NewMember {
                username: &username,
                display_name: &display_name,
                password_hash,
                role,
                core,
                language: None,
            },
        )
        .await?;
        added += 1;
    }
    Ok(added)
}
