//! Letting a waiting proposal or a held comment through.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "approve_content")]
pub async fn approve_content(kind: String, id: i32) -> Result<(), AppError> {
    crate::error::respond(run(kind, id).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    moderation::approve(&state.db, &staff, target)
        .await
        .map_err(|error| super::about(target, error))
}
