//! Showing a hidden proposal or comment again.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "restore_content")]
pub async fn restore_content(kind: String, id: i32) -> Result<(), AppError> {
    crate::error::respond(run(kind, id).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    moderation::restore(&state.db, &staff, target)
        .await
        .map_err(|error| super::about(target, error))
}
