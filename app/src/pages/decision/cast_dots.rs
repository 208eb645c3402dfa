//! Spreading one's dots in a priority poll; saving again replaces them until the close.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "cast_dots")]
pub async fn cast_dots(decision: i32, dots: Option<Vec<String>>) -> Result<(), AppError> {
    crate::error::respond(run(decision, dots.unwrap_or_default()).await)
}

#[cfg(feature = "ssr")]
async fn run(decision: i32, dots: Vec<String>) -> Result<(), AppError> {
    use crate::domain::dots_ballot;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, decisions};

    // Who may vote depends on the poll (core group or all members); `vote_dots` checks that.
    let voter = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    let dots = dots_ballot(&dots).map_err(|m| AppError::field("dots", m))?;
    decisions::polls::vote_dots(&state.db, &voter, decision, &dots, None).await
}
