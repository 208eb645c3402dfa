//! Kiosk mode for the centre's shared tablet: an admin marks the device with a signed cookie
//! holding an idle limit; on that device a signed-in member is signed out once that long has
//! passed without a request. Signed, so nobody can set another limit by hand; the key lives in
//! the database, so every instance checks the same signature.
use crate::error::AppError;
use crate::server::infra::signing_key::key;
use cookie::{Cookie, CookieJar};
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

pub const COOKIE: &str = "kiosk";
const LAST_SEEN: &str = "kiosk_last_seen";
/// What admins may choose, in minutes.
pub const MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

/// The idle limit in seconds this device carries, if its cookie is there and truly signed.
pub async fn idle_seconds(db: &DatabaseConnection, cookie_header: &str) -> Option<i64> {
    let mut jar = CookieJar::new();
    for cookie in Cookie::split_parse(cookie_header.to_owned()).flatten() {
        if cookie.name() == COOKIE {
            jar.add_original(cookie.into_owned());
        }
    }
    jar.get(COOKIE)?;
    let key = match key(db).await {
        Ok(key) => key,
        Err(error) => {
            tracing::error!(?error, "no kiosk key");
            return None;
        }
    };
    jar.signed(&key)
        .get(COOKIE)?
        .value()
        .parse()
        .ok()
        .filter(|seconds| *seconds > 0)
}

/// The cookie that marks this device (`Some(minutes)`) or unmarks it (`None`).
pub async fn cookie(
    db: &DatabaseConnection,
    minutes: Option<u32>,
    secure: bool,
) -> Result<Cookie<'static>, AppError> {
    let Some(minutes) = minutes else {
        let mut gone = Cookie::build((COOKIE, "")).path("/").build();
        gone.make_removal();
        return Ok(gone);
    };
    let mut jar = CookieJar::new();
    let plain = Cookie::build((COOKIE, (i64::from(minutes) * 60).to_string()))
        .path("/")
        .max_age(time::Duration::days(3650))
        .same_site(cookie::SameSite::Lax)
        .http_only(true)
        .secure(secure)
        .build();
    jar.signed_mut(&key(db).await?).add(plain);
    jar.get(COOKIE).cloned().ok_or(AppError::Internal)
}

/// On a kiosk device: false (and the session is emptied) when the member was idle too long;
/// otherwise notes this request as the latest activity.
pub async fn still_active(session: &Session, idle_seconds: i64) -> bool {
    let now = chrono::Utc::now().timestamp();
    let last = session.get::<i64>(LAST_SEEN).await.ok().flatten();
    if last.is_some_and(|last| now - last > idle_seconds) {
        if let Err(error) = session.flush().await {
            tracing::warn!(%error, "could not end an idle kiosk session");
        }
        return false;
    }
    if let Err(error) = session.insert(LAST_SEEN, now).await {
        tracing::warn!(%error, "could not note kiosk activity");
    }
    true
}
