//! A member changes the name others see.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "change_display_name")]
pub async fn change_display_name(display_name: String) -> Result<(), AppError> {
    crate::error::respond(run(display_name).await)
}

#[cfg(feature = "ssr")]
async fn run(display_name: String) -> Result<(), AppError> {
    use crate::domain::DisplayName;
    use crate::permissions::{Action, require};
    use crate::server::{accounts::my_account, app_state, current_member};

    // Their own account: a suspended member may still correct their name.
    let member = require(current_member(), Action::Read)?;
    let state = app_state()?;
    let renamed = match DisplayName::parse(&display_name) {
        Ok(name) => my_account::rename(&state.db, &member, &name).await,
        Err(message) => Err(AppError::field("display_name", message)),
    };
    renamed.map_err(|error| error.keeping(&[("display_name", &display_name)]))
}
