//! Voting yes, no or abstain; voting again replaces the earlier choice until the close.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "cast_vote")]
pub async fn cast_vote(decision: i32, choice: String) -> Result<(), AppError> {
    crate::error::respond(run(decision, &choice).await)
}

#[cfg(feature = "ssr")]
async fn run(decision: i32, choice: &str) -> Result<(), AppError> {
    use crate::domain::Choice;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, decisions};

    // Who may vote depends on the decision (core group or all members); `vote` checks that.
    let voter = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    let choice = Choice::chosen(choice).map_err(|m| AppError::field("choice", m))?;
    decisions::vote(&state.db, &voter, decision, choice, None).await
}
