//! Staff cancel a decision that has not closed, with a reason everyone sees.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "cancel_decision")]
pub async fn cancel_decision(decision: i32, reason: String) -> Result<(), AppError> {
    crate::error::respond(
        run(decision, &reason)
            .await
            .map_err(|e| e.keeping(&[("reason", &reason)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(decision: i32, reason: &str) -> Result<(), AppError> {
    use crate::domain::CancelReason;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, decisions};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let reason = CancelReason::parse(reason).map_err(|m| AppError::field("reason", m))?;
    decisions::cancel(&state.db, &staff, decision, &reason).await
}
