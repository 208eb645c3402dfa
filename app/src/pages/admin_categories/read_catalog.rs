//! Every category and place, archived ones too, for the admin page.
use crate::error::AppError;
use crate::views::catalog::Catalog;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "read_catalog")]
pub async fn read_catalog() -> Result<Catalog, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<Catalog, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog, current_member};

    require(current_member(), Action::Administer)?;
    catalog::catalog(&app_state()?.db).await
}
