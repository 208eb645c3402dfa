//! Taking back an unused code (lost, or given to the wrong person).
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "revoke_invite")]
pub async fn revoke_invite(invite: i32) -> Result<(), AppError> {
    crate::error::respond(run(invite).await)
}

#[cfg(feature = "ssr")]
async fn run(invite: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, invites};

    let staff = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    invites::batches::revoke(&state.db, &staff, invite).await
}
