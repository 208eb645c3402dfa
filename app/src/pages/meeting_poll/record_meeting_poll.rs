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
    use crate::server::decisions::forms::{MeetingPollForm, RuleFields};
    let rows: Vec<(String, String)> = proposals
        .unwrap_or_default()
        .into_iter()
        .zip(dots.unwrap_or_default())
        .collect();
    let form = MeetingPollForm {
        title: &title,
        rows: &rows,
        rule: RuleFields::new(&eligibility, &quorum),
        held_on: &held_on,
        voters: &voters,
        note: &note,
    };
    let result = run(&form).await;
    crate::error::respond(result.map_err(|error| error.keeping(&form.typed())))
}

#[cfg(feature = "ssr")]
async fn run(form: &crate::server::decisions::forms::MeetingPollForm<'_>) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::polls;
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let meeting = form.parse(state.settings.time_zone, now())?;
    let id = polls::record_meeting_poll(&state.db, &staff, meeting).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
