//! What the open-a-decision form starts with: the proposal's title and a closing time a week away.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormStart {
    pub title: String,
    /// Local time in the estate's zone, `2026-12-01T18:00`.
    pub closes_at: String,
}

#[server(prefix = "/api", endpoint = "decision_form_defaults")]
pub async fn decision_form_defaults(proposal: i32) -> Result<FormStart, AppError> {
    crate::error::respond(run(proposal).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32) -> Result<FormStart, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, clock, current_member, proposals};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let row = proposals::find_visible(&state.db, Some(&staff), proposal).await?;
    // A week from today at 20:00 estate time: after work, easy to say out loud.
    let in_a_week = clock::to_local(
        clock::now() + chrono::Duration::days(7),
        state.settings.time_zone,
    );
    let day = in_a_week.split('T').next().unwrap_or_default();
    Ok(FormStart {
        title: row.title,
        closes_at: format!("{day}T20:00"),
    })
}
