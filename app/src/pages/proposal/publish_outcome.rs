//! Staff publish (or correct) what became of a decided proposal.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "publish_outcome")]
pub async fn publish_outcome(
    proposal: i32,
    summary: String,
    who_does: Option<String>,
    due_on: Option<String>,
    stage: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    crate::error::respond(
        run(
            proposal,
            summary,
            who_does.unwrap_or_default(),
            due_on.unwrap_or_default(),
            stage,
            reason.unwrap_or_default(),
        )
        .await,
    )
}

#[cfg(feature = "ssr")]
async fn run(
    proposal: i32,
    summary: String,
    who_does: String,
    due_on: String,
    stage: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::outcomes::{self, OutcomeForm};
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::PublishOutcomes)?;
    let state = app_state()?;
    let form = OutcomeForm {
        summary: &summary,
        who_does: &who_does,
        due_on: &due_on,
        stage: &stage,
        reason: &reason,
    };
    let published = match form.parse() {
        Ok(outcome) => outcomes::publish(&state.db, &staff, proposal, outcome).await,
        Err(error) => Err(error),
    };
    published.map_err(|error| {
        error.keeping(&[
            ("summary", &summary),
            ("who_does", &who_does),
            ("due_on", &due_on),
            ("stage", &stage),
            ("reason", &reason),
        ])
    })
}
