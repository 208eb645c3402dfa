//! A one-time code for a member who forgot their password and stands at the desk; the members
//! page shows it until it is used.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "make_reset_code")]
pub async fn make_reset_code(member: i32) -> Result<(), AppError> {
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
    members::reset_code(&state.db, &staff, member)
        .await
        .map(|_| ())
}
