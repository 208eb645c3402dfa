//! Locking a proposal's discussion (no new comments), or opening it again.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "lock_discussion")]
pub async fn lock_discussion(kind: String, id: i32, lock: String) -> Result<(), AppError> {
    crate::error::respond(run(kind, id, lock).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32, lock: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    let crate::domain::Target::Proposal(proposal) = target else {
        return Err(AppError::BadRequest);
    };
    moderation::set_locked(&state.db, &staff, proposal, lock == "yes")
        .await
        .map_err(|error| super::about(target, error))
}
