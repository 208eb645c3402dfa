//! Staff open (or schedule) a priority poll over several open proposals.
// One argument per form field, as a form without JavaScript posts them.
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "open_poll")]
pub async fn open_poll(
    title: String,
    proposals: Option<Vec<String>>,
    eligibility: String,
    opens: String,
    opens_at: String,
    closes_at: String,
    quorum: String,
    dots: String,
    dots_per_proposal: String,
) -> Result<i32, AppError> {
    let proposals = proposals.unwrap_or_default();
    let fields = [
        ("title", title.as_str()),
        ("eligibility", eligibility.as_str()),
        ("opens", opens.as_str()),
        ("opens_at", opens_at.as_str()),
        ("closes_at", closes_at.as_str()),
        ("quorum", quorum.as_str()),
        ("dots", dots.as_str()),
        ("dots_per_proposal", dots_per_proposal.as_str()),
    ];
    let chosen = proposals.join(",");
    let result = run(&fields, &proposals).await;
    crate::error::respond(result.map_err(|error: AppError| {
        error
            .keeping(&fields)
            .keeping(&[("proposals", chosen.as_str())])
    }))
}

/// `fields` in the order of the function's arguments, without `proposals`.
#[cfg(feature = "ssr")]
async fn run(fields: &[(&str, &str); 8], proposals: &[String]) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::{forms::PollForm, polls};
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let [
        title,
        eligibility,
        opens,
        opens_at,
        closes_at,
        quorum,
        dots,
        dots_per_proposal,
    ] = fields.map(|(_, v)| v);
    let poll = PollForm {
        title,
        proposals,
        eligibility,
        opens,
        opens_at,
        closes_at,
        quorum,
        dots,
        dots_per_proposal,
    }
    .parse(state.settings.time_zone, now())?;
    let id = polls::open_poll(&state.db, &staff, poll).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
