//! The newest batches of invite codes, and where each code stands.
use crate::error::AppError;
use crate::views::invites::BatchView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_invites")]
pub async fn list_invites() -> Result<Vec<BatchView>, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<Vec<BatchView>, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, invites};

    let member = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    invites::batches::batches(&state.db, &member, state.settings.time_zone).await
}
