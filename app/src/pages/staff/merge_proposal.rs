//! Merging a duplicate proposal into another; its supporters carry over, counted once.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "merge_proposal")]
pub async fn merge_proposal(kind: String, id: i32, into: String) -> Result<(), AppError> {
    crate::error::respond(run(kind, id, into).await)
}

#[cfg(feature = "ssr")]
async fn run(kind: String, id: i32, into: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    let staff = require(current_member(), Action::Moderate)?;
    let target = super::target(&kind, id)?;
    let state = app_state()?;
    let crate::domain::Target::Proposal(proposal) = target else {
        return Err(AppError::BadRequest);
    };
    moderation::merge(&state.db, &staff, proposal, &into)
        .await
        .map_err(|error| super::about(target, error.keeping(&[("into", into.as_str())])))
}
