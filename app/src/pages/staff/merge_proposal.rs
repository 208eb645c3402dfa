//! Merging a duplicate proposal into another; its supporters carry over, counted once.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "merge_proposal")]
pub async fn merge_proposal(kind: String, id: i32, into: String) -> Result<(), AppError> {
    crate::error::respond(run(kind, id, into).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32, into: String) -> Result<(), AppError> {
    use crate::domain::ProposalId;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    let crate::domain::Target::Proposal(proposal) = target else {
        return Err(AppError::BadRequest);
    };
    // A moderator may type the number as the list shows it, `#12`.
    let merged = match ProposalId::parse(into.trim().trim_start_matches('#')) {
        Some(target) => moderation::merge(&state.db, &staff, proposal, target).await,
        None => Err(AppError::field("into", "error-merge-target")),
    };
    merged.map_err(|error| super::about(target, error.keeping(&[("into", into.as_str())])))
}
