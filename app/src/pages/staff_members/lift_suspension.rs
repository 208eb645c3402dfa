//! Ending a member's suspension now.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "lift_suspension")]
pub async fn lift_suspension(member: i32) -> Result<(), AppError> {
    crate::error::respond(
        run(member)
            .await
            .map_err(|error| super::about(member, error)),
    )
}

#[cfg(feature = "ssr")]
async fn run(member: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, members};

    let staff = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    members::lift_suspension(&state.db, &staff, member).await
}
