//! The settings as they stand, for the admin form.
use crate::error::AppError;
use crate::views::site::Site;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "site_settings_form")]
pub async fn site_settings_form() -> Result<Site, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<Site, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{current_member, current_site};

    require(current_member(), Action::Administer)?;
    current_site()
}
