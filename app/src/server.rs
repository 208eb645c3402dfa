//! Everything that runs only on the server: the database, sessions, passwords, invites, the demo.
pub mod account_deletion;
pub mod assisted;
pub mod attachment;
pub mod catalog;
pub mod catalog_reads;
pub mod categories;
pub mod client_address;
pub mod clock;
pub mod comments;
pub mod cookies;
pub mod database;
pub mod decisions;
pub mod demo;
pub mod demo_decisions;
pub mod demo_outcomes;
pub mod demo_photos;
pub mod demo_proposals;
pub mod entities;
pub mod exports;
pub mod file_store;
pub mod form_errors;
pub mod invite_batches;
pub mod invites;
pub mod kiosk;
pub mod limit_gate;
pub mod member_admin;
pub mod members;
pub mod moderation;
pub mod moderation_queue;
pub mod multipart_form;
pub mod my_account;
pub mod my_data;
pub mod notifications;
pub mod open_data;
pub mod outcome_views;
pub mod outcomes;
pub mod passwords;
pub mod photo_access;
pub mod photos;
pub mod posting_limits;
pub mod priority_polls;
pub mod proposal_words;
pub mod proposals;
pub mod reports;
pub mod same_origin;
pub mod search;
pub mod session_store;
pub mod sign_in_limit;
pub mod signing_key;
pub mod site_settings;
pub mod staff_log;
pub mod state;
pub mod visitor;
pub mod word_list;

pub use state::{AppState, PostingLimits, Settings};

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

/// Who is making this request (worked out by `visitor::load_visitor`).
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
pub fn current_site() -> Result<crate::site::Site, AppError> {
    if let Some(site) = crate::site::use_site() {
        return Ok(site);
    }
    Ok(site_settings::defaults(&app_state()?.settings))
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
