//! Password hashing with Argon2id, off the async threads (it is slow on purpose). At most one
//! hash per core runs at a time: each takes 19 MiB and a core for a while, so 40 sign-ins at once
//! wait their turn instead of taking gigabytes.
use crate::domain::Password;
use crate::error::AppError;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;

static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from))
});

/// Runs `work` when a hashing slot is free.
async fn in_turn<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _slot = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "hashing task failed");
        AppError::Internal
    })
}

pub async fn hash(password: &Password) -> Result<String, AppError> {
    let password = password.clone();
    in_turn(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt)?;
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await?
    .map_err(|error| {
        tracing::error!(%error, "hashing failed");
        AppError::Internal
    })
}

/// True when `password` matches `stored`; a malformed stored hash never matches.
pub async fn verify(password: &str, stored: &str) -> bool {
    let password = password.to_owned();
    let stored = stored.to_owned();
    in_turn(move || {
        PasswordHash::new(&stored)
            .map(|hash| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash that no password matches, verified against when a username does not exist so that
/// timing does not tell which usernames are taken.
pub const UNUSABLE_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c3BvbHVzcG9sdXNwb2x1$0Xl9kqSgJ5PPm8hnu3rNJIGz2qZ3AxBC2f33dR2/I7E";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_unusable_hash_is_a_valid_argon2id_hash_that_nothing_matches() {
        // If it did not parse, unknown usernames would answer faster than wrong passwords.
        assert!(PasswordHash::new(UNUSABLE_HASH).is_ok());
        assert!(!verify("spolu-demo", UNUSABLE_HASH).await);
        assert!(!verify("", UNUSABLE_HASH).await);
    }

    #[tokio::test]
    async fn a_hash_verifies_its_own_password_only() {
        let password = Password::parse("dlouhé heslo").expect("valid");
        let stored = hash(&password).await.expect("hashed");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("dlouhé heslo", &stored).await);
        assert!(!verify("dlouhe heslo", &stored).await);
    }
}
