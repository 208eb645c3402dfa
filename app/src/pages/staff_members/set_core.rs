//! Adding a member to the core group, or taking them out of it.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_core")]
pub async fn set_core(member: i32, core: String) -> Result<(), AppError> {
    crate::error::respond(
        run(member, core)
            .await
            .map_err(|error| super::about(member, error)),
    )
}

#[cfg(feature = "ssr")]
async fn run(member: i32, core: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, members};

    let staff = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    members::set_core(&state.db, &staff, member, core == "yes").await
}
