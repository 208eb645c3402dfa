//! Saving the site settings; every field is checked at once and nothing is stored half-way.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "save_site_settings")]
pub async fn save_site_settings(
    site_name: Option<String>,
    estate_name: String,
    public_reading: Option<String>,
    pre_moderation: Option<String>,
    default_eligibility: String,
    proposals_per_day: String,
    comments_per_hour: String,
) -> Result<(), AppError> {
    let site_name = site_name.unwrap_or_default();
    let typed = [
        ("site_name", site_name.clone()),
        ("estate_name", estate_name.clone()),
        ("proposals_per_day", proposals_per_day.clone()),
        ("comments_per_hour", comments_per_hour.clone()),
    ];
    let result = run(
        &site_name,
        &estate_name,
        public_reading.is_some(),
        pre_moderation.is_some(),
        &default_eligibility,
        &proposals_per_day,
        &comments_per_hour,
    )
    .await;
    crate::error::respond(result.map_err(|error| {
        let typed: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
        error.keeping(&typed)
    }))
}

#[cfg(feature = "ssr")]
async fn run(
    site_name: &str,
    estate_name: &str,
    public_reading: bool,
    pre_moderation: bool,
    default_eligibility: &str,
    proposals_per_day: &str,
    comments_per_hour: &str,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::infra::site_settings::{self, SiteForm};
    use crate::server::{app_state, current_member};

    let admin = require(current_member(), Action::Administer)?;
    let site = site_settings::check(&SiteForm {
        site_name,
        estate_name,
        public_reading,
        pre_moderation,
        default_eligibility,
        proposals_per_day,
        comments_per_hour,
    })?;
    let state = app_state()?;
    // Every instance reads the new settings with its next request: saving raised the data
    // version (see `infra::data_version`).
    site_settings::save(&state.db, &admin, &site).await
}
