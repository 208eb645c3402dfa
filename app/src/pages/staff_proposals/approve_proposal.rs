//! Staff approve a proposal that waits for moderation (when pre-moderation is on).
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "approve_proposal")]
pub async fn approve_proposal(proposal: i32) -> Result<(), AppError> {
    crate::error::respond(run(proposal).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, proposals};

    let staff = require(current_member(), Action::Moderate)?;
    let state = app_state()?;
    proposals::approve(&state.db, &staff, proposal).await
}
