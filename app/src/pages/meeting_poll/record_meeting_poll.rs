//! Staff record a priority poll counted in a meeting: the dots each proposal got in the room.
// One argument per form field, as a form without JavaScript posts them.
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "record_meeting_poll")]
pub async fn record_meeting_poll(
    title: String,
    proposals: Option<Vec<String>>,
    dots: Option<Vec<String>>,
    eligibility: String,
    held_on: String,
    voters: String,
    quorum: String,
    note: String,
) -> Result<i32, AppError> {
    let (proposals, dots) = (proposals.unwrap_or_default(), dots.unwrap_or_default());
    let fields = [
        ("title", title.as_str()),
        ("eligibility", eligibility.as_str()),
        ("held_on", held_on.as_str()),
        ("voters", voters.as_str()),
        ("quorum", quorum.as_str()),
        ("note", note.as_str()),
    ];
    // Each proposal's dots come back as `dots-<id>`, so the form can show them again.
    let typed_dots: Vec<(String, String)> = proposals
        .iter()
        .zip(&dots)
        .map(|(id, d)| (format!("dots-{id}"), d.clone()))
        .collect();
    let rows: Vec<(String, String)> = proposals.into_iter().zip(dots).collect();
    let result = run(&fields, &rows).await;
    crate::error::respond(result.map_err(|error: AppError| {
        let typed: Vec<(&str, &str)> = typed_dots
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        error.keeping(&fields).keeping(&typed)
    }))
}

/// `fields` in the order of the function's arguments, without the proposals' rows.
#[cfg(feature = "ssr")]
async fn run(fields: &[(&str, &str); 6], rows: &[(String, String)]) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::{forms::MeetingPollForm, polls};
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let [title, eligibility, held_on, voters, quorum, note] = fields.map(|(_, v)| v);
    let meeting = MeetingPollForm {
        title,
        rows,
        eligibility,
        held_on,
        voters,
        quorum,
        note,
    }
    .parse(state.settings.time_zone, now())?;
    let id = polls::record_meeting_poll(&state.db, &staff, meeting).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
