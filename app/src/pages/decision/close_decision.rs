//! Staff close an open decision before its time; the results appear at once.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "close_decision")]
pub async fn close_decision(decision: i32) -> Result<(), AppError> {
    crate::error::respond(run(decision).await)
}

#[cfg(feature = "ssr")]
async fn run(decision: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, decisions};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    decisions::close_early(&state.db, &staff, decision).await
}
