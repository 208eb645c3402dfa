//! Settling an item's reports without changing it: nothing wrong was found.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "dismiss_reports")]
pub async fn dismiss_reports(kind: String, id: i32) -> Result<(), AppError> {
    crate::error::respond(run(kind, id).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    moderation::dismiss(&state.db, &staff, target)
        .await
        .map_err(|error| super::about(target, error))
}
