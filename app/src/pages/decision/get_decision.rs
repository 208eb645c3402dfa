//! One decision, as its page shows it: the viewer's own choice while open, results once closed.
use crate::error::AppError;
use crate::views::decisions::DecisionView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_decision")]
pub async fn get_decision(id: i32) -> Result<DecisionView, AppError> {
    crate::error::respond(run(id).await)
}

#[cfg(feature = "ssr")]
async fn run(id: i32) -> Result<DecisionView, AppError> {
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, decisions, request_language};

    let state = app_state()?;
    let viewer = require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    let mut decision =
        decisions::detail(&state.db, viewer.as_ref(), id, state.settings.time_zone).await?;
    decision.listen = state
        .speech
        .can_speak()
        .then(|| format!("/decisions/{id}/listen?lang={}", request_language()));
    Ok(decision)
}
