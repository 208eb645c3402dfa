//! Everything that runs only on the server: the database, sessions, passwords, invites, the demo.
pub mod accounts;
pub mod catalog;
pub mod clock;
pub mod decisions;
pub mod demo;
pub mod entities;
pub mod infra;
pub mod invites;
pub mod members;
pub mod moderation;
pub mod notification_words;
pub mod notifications;
pub mod outcomes;
pub mod posters;
pub mod proposal_words;
pub mod proposals;
pub mod push;
pub mod readings;
pub mod staff_log;
pub mod text_messages;

pub use infra::state::{AppState, PostingLimits, Settings};

use crate::error::AppError;
use crate::visitor::{Member, Visitor};
use leptos::prelude::*;

/// The shared state, provided to every page render and server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the context");
        AppError::Internal
    })
}

/// Who is making this request (worked out by `accounts::visitor::load_visitor`).
pub fn request_visitor() -> Option<Visitor> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Visitor>().cloned())
}

/// The language tag of this request (`cs` when unknown), for names stored per language.
pub fn request_language() -> String {
    request_visitor().map_or_else(|| "cs".into(), |v| v.locale.tag())
}

/// The settings admins changed at run time, as read for this request (the start-up defaults
/// when there is no request, e.g. in a background task).
pub fn current_site() -> Result<crate::views::site::Site, AppError> {
    if let Some(site) = crate::views::site::use_site() {
        return Ok(site);
    }
    Ok(infra::site_settings::defaults(&app_state()?.settings))
}

/// The signed-in member making this request, if any. Every server function starts here.
pub fn current_member() -> Option<Member> {
    request_visitor().and_then(|visitor| visitor.member)
}

/// The tower-sessions session of this request.
pub async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>()
        .await
        .map_err(|error| {
            tracing::error!(%error, "no session layer");
            AppError::Internal
        })
}

/// Signs `member_id` in on this browser: a new session id first, so an id planted before cannot
/// ride along (session fixation). Sign-in, joining and a password reset all end here.
pub async fn start_session(member_id: i32) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(|_| AppError::Internal)?;
    session
        .insert(infra::session_store::MEMBER_ID, member_id)
        .await
        .map_err(|_| AppError::Internal)
}
