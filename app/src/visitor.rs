//! Who is asking: the signed-in member (if any) and the language of this request. The server
//! works it out once per request (`server::visitor`); pages and server functions read it from here.
use crate::domain::Role;
use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A signed-in member, as the rest of the app sees them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Member {
    pub id: i32,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub core: bool,
    /// Suspended by staff until a date: may read, but not post, support, report or vote.
    pub suspended: bool,
}

/// Why and until when a member is suspended, shown to them on every page while it lasts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Suspension {
    /// The last day of the suspension, as `2026-12-24` in the estate's calendar.
    pub until_day: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct Visitor {
    pub member: Option<Member>,
    pub locale: Locale,
    pub suspension: Option<Suspension>,
    /// This device is the centre's shared tablet: members are signed out after this many idle
    /// seconds, and a big "Sign out" button shows.
    pub kiosk_idle_seconds: Option<u32>,
    /// How many of the member's notifications are unread (the number on the bottom bar).
    pub unread_notifications: u64,
}

/// The visitor of the request being rendered; a page without one (never on the server) is a
/// signed-out Czech visitor.
pub fn use_visitor() -> Visitor {
    use_context::<Visitor>().unwrap_or_default()
}

/// Puts the request's visitor into the reactive context for the page about to render.
pub fn provide_visitor() {
    #[cfg(feature = "ssr")]
    if let Some(visitor) = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Visitor>().cloned())
    {
        provide_context(visitor);
    }
}
