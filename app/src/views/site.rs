//! The settings admins change while Spolu runs (`/admin`): the estate's name, public reading,
//! pre-moderation, who votes by default, posting limits. The server reads them once per request
//! (`server::site_settings`); the start-up flags are their defaults until an admin saves.
use crate::domain::Eligibility;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// The site's own name in the header ("Spolu" unless the centre calls it otherwise).
    pub site_name: String,
    pub estate_name: String,
    /// Visitors who are not signed in may read (DESIGN.md: on by default).
    pub public_reading: bool,
    /// New proposals wait for staff approval.
    pub pre_moderation: bool,
    /// Preselected in the forms that open a decision.
    pub default_eligibility: Eligibility,
    pub proposals_per_day: u64,
    pub comments_per_hour: u64,
}

impl Site {
    /// The site's and the estate's names are shown in every header: short, and not empty.
    pub const NAME_MAX: usize = 60;
    pub const PROPOSALS_PER_DAY: std::ops::RangeInclusive<u64> = 1..=100;
    pub const COMMENTS_PER_HOUR: std::ops::RangeInclusive<u64> = 1..=500;
}

/// The site settings of the request being rendered (server only; None while routes are listed).
pub fn use_site() -> Option<Site> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Site>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
