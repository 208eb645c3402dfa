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
    use crate::server::decisions::forms::{MeetingTallyForm, RuleFields};
    let form = MeetingTallyForm {
        proposal: &proposal,
        rule: RuleFields::new(&eligibility, &quorum),
        held_on: &held_on,
        yes: &yes,
        no: &no,
        abstain: &abstain,
        note: &note,
    };
    let result = run(&form).await;
    crate::error::respond(result.map_err(|error| error.keeping(&form.typed())))
}

#[cfg(feature = "ssr")]
async fn run(
    form: &crate::server::decisions::forms::MeetingTallyForm<'_>,
) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions;
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let meeting = form.parse(state.settings.time_zone, now())?;
    let id = decisions::record_meeting(&state.db, &staff, meeting).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
