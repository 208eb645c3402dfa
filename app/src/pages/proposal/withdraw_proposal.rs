//! Withdrawing a proposal: its author (or staff) takes it back before a vote opens.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "withdraw_proposal")]
pub async fn withdraw_proposal(proposal: i32) -> Result<(), AppError> {
    crate::error::respond(run(proposal).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, proposals};

    let member = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    proposals::withdraw(&state.db, &member, proposal).await
}
