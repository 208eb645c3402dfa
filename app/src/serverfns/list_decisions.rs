//! Decisions to take part in, and those already decided.
use crate::error::AppError;
use crate::views::decisions::DecisionCard;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_decisions")]
pub async fn list_decisions() -> Result<Vec<DecisionCard>, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<Vec<DecisionCard>, AppError> {
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, decisions};

    let state = app_state()?;
    let viewer = require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    decisions::list(&state.db, viewer.as_ref(), state.settings.time_zone).await
}
