//! One proposal, as its page shows it.
use crate::error::AppError;
use crate::views::proposals::ProposalDetail;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_proposal")]
pub async fn get_proposal(id: i32) -> Result<ProposalDetail, AppError> {
    crate::error::respond(run(id).await)
}

#[cfg(feature = "ssr")]
async fn run(id: i32) -> Result<ProposalDetail, AppError> {
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, proposals, request_language};

    let state = app_state()?;
    let viewer = require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    proposals::detail(
        &state.db,
        state.files.as_ref(),
        viewer.as_ref(),
        id,
        &request_language(),
        state.settings.time_zone,
        state.speech.can_speak(),
    )
    .await
}
