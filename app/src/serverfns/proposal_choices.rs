//! The categories and places the new-proposal form offers.
use crate::error::AppError;
use crate::views::proposals::ProposalChoices;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_proposal_choices")]
pub async fn get_proposal_choices() -> Result<ProposalChoices, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<ProposalChoices, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog, current_member, request_language};

    require(current_member(), Action::Participate)?;
    let state = app_state()?;
    catalog::reads::choices(&state.db, &request_language()).await
}
