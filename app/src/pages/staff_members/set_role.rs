//! An admin changes someone's role: only admins make staff.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_role")]
pub async fn set_role(member: i32, role: String) -> Result<(), AppError> {
    crate::error::respond(
        run(member, role)
            .await
            .map_err(|error| super::about(member, error)),
    )
}

#[cfg(feature = "ssr")]
async fn run(member: i32, role: String) -> Result<(), AppError> {
    use crate::domain::Role;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, members};

    let staff = require(current_member(), Action::ManageStaff)?;
    let state = app_state()?;
    let role = Role::parse(&role).map_err(|message| AppError::field("role", message))?;
    members::set_role(&state.db, &staff, member, role).await
}
