//! Staff open (or schedule) a yes / no / abstain decision on a proposal.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "open_decision")]
pub async fn open_decision(
    proposal: String,
    eligibility: String,
    opens: String,
    opens_at: String,
    closes_at: String,
    quorum: String,
) -> Result<i32, AppError> {
    let result = run(
        &proposal,
        &eligibility,
        &opens,
        &opens_at,
        &closes_at,
        &quorum,
    )
    .await;
    crate::error::respond(result.map_err(|error| {
        error.keeping(&[
            ("eligibility", &eligibility),
            ("opens", &opens),
            ("opens_at", &opens_at),
            ("closes_at", &closes_at),
            ("quorum", &quorum),
        ])
    }))
}

#[cfg(feature = "ssr")]
async fn run(
    proposal: &str,
    eligibility: &str,
    opens: &str,
    opens_at: &str,
    closes_at: &str,
    quorum: &str,
) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::{self, forms::DecisionForm};
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let decision = DecisionForm {
        proposal,
        eligibility,
        opens,
        opens_at,
        closes_at,
        quorum,
    }
    .parse(state.settings.time_zone, now())?;
    let id = decisions::open_single(&state.db, &staff, decision).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
