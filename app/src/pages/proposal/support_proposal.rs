//! "I want this too": giving or taking back one's support. Returns the new count.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "support_proposal")]
pub async fn support_proposal(proposal: i32, want: String) -> Result<i32, AppError> {
    crate::error::respond(run(proposal, &want).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32, want: &str) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, proposals};

    let member = require(current_member(), Action::Participate)?;
    let want = match want {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest),
    };
    let state = app_state()?;
    proposals::set_support(&state.db, &member, proposal, want).await
}
