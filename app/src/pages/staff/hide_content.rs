//! Hiding a proposal or comment, with the reason everyone then sees in its place.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "hide_content")]
pub async fn hide_content(
    kind: String,
    id: i32,
    reason: Option<String>,
    written: Option<String>,
) -> Result<(), AppError> {
    crate::error::respond(run(kind, id, reason, written).await)
}

#[cfg(feature = "ssr")]
async fn run(
    kind: String,
    id: i32,
    reason: Option<String>,
    written: Option<String>,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    let reason = crate::domain::HideReason::parse(
        reason.as_deref().unwrap_or_default(),
        written.as_deref().unwrap_or_default(),
    )
    .map_err(|(field, message)| super::about(target, AppError::field(field, message)))?;
    moderation::hide(&state.db, &staff, target, &reason)
        .await
        .map_err(|error| super::about(target, error))
}
