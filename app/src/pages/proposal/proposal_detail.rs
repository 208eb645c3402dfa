//! One proposal, as its page shows it.
use crate::error::AppError;
use crate::proposals::ProposalDetail;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_proposal")]
pub async fn get_proposal(id: i32) -> Result<ProposalDetail, AppError> {
    crate::error::respond(run(id).await)
}

#[cfg(feature = "ssr")]
async fn run(id: i32) -> Result<ProposalDetail, AppError> {
    use crate::permissions::{Action, allows};
    use crate::server::{app_state, current_member, proposals, request_language};

    let state = app_state()?;
    let viewer = current_member();
    if !allows(viewer.as_ref(), Action::Read, state.settings.site_is_public) {
        return Err(AppError::NotSignedIn);
    }
    proposals::detail(&state.db, viewer.as_ref(), id, &request_language()).await
}
