//! Staff record a vote counted in a meeting (yes / no / abstain, the day, a note).
// One argument per form field, as a form without JavaScript posts them.
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "record_meeting_tally")]
pub async fn record_meeting_tally(
    proposal: String,
    eligibility: String,
    held_on: String,
    yes: String,
    no: String,
    abstain: String,
    quorum: String,
    note: String,
) -> Result<i32, AppError> {
    let fields = [
        ("proposal", proposal.as_str()),
        ("eligibility", eligibility.as_str()),
        ("held_on", held_on.as_str()),
        ("yes", yes.as_str()),
        ("no", no.as_str()),
        ("abstain", abstain.as_str()),
        ("quorum", quorum.as_str()),
        ("note", note.as_str()),
    ];
    let result = run(&fields).await;
    crate::error::respond(result.map_err(|error: AppError| error.keeping(&fields[1..])))
}

/// `fields` in the order of the function's arguments.
#[cfg(feature = "ssr")]
async fn run(fields: &[(&str, &str); 8]) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::{self, forms::MeetingTallyForm};
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let [
        proposal,
        eligibility,
        held_on,
        yes,
        no,
        abstain,
        quorum,
        note,
    ] = fields.map(|(_, v)| v);
    let meeting = MeetingTallyForm {
        proposal,
        eligibility,
        held_on,
        yes,
        no,
        abstain,
        quorum,
        note,
    }
    .parse(state.settings.time_zone, now())?;
    let id = decisions::record_meeting(&state.db, &staff, meeting).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
