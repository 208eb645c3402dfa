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
    use crate::server::decisions::forms::{PollForm, RuleFields, WindowFields};
    let proposals = proposals.unwrap_or_default();
    let form = PollForm {
        title: &title,
        proposals: &proposals,
        rule: RuleFields::new(&eligibility, &quorum),
        window: WindowFields::new(&opens, &opens_at, &closes_at),
        dots: &dots,
        dots_per_proposal: &dots_per_proposal,
    };
    let result = run(&form).await;
    crate::error::respond(result.map_err(|error| error.keeping(&form.typed())))
}

#[cfg(feature = "ssr")]
async fn run(form: &crate::server::decisions::forms::PollForm<'_>) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions::polls;
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let poll = form.parse(state.settings.time_zone, now())?;
    let id = polls::open_poll(&state.db, &staff, poll).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
