//! A proposal's outcome and its updates, for its page.
use crate::error::AppError;
use crate::views::outcomes::OutcomeView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_outcome")]
pub async fn get_outcome(proposal: i32) -> Result<Option<OutcomeView>, AppError> {
    crate::error::respond(run(proposal).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32) -> Result<Option<OutcomeView>, AppError> {
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, outcomes, request_language};

    let state = app_state()?;
    require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    let language = request_language();
    let outcome = outcomes::views::for_proposal(
        &state.db,
        state.files.as_ref(),
        proposal,
        &language,
        state.settings.time_zone,
    )
    .await?;
    Ok(outcome.map(|mut outcome| {
        outcome.listen = state
            .speech
            .can_speak()
            .then(|| format!("/proposals/{proposal}/outcome/listen?lang={language}"));
        outcome
    }))
}
