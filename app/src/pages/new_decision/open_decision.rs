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
    use crate::server::decisions::forms::{DecisionForm, RuleFields, WindowFields};
    let form = DecisionForm {
        proposal: &proposal,
        rule: RuleFields::new(&eligibility, &quorum),
        window: WindowFields::new(&opens, &opens_at, &closes_at),
    };
    let result = run(&form).await;
    crate::error::respond(result.map_err(|error| error.keeping(&form.typed())))
}

#[cfg(feature = "ssr")]
async fn run(form: &crate::server::decisions::forms::DecisionForm<'_>) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::clock::now;
    use crate::server::decisions;
    use crate::server::{app_state, current_member};

    let staff = require(current_member(), Action::ManageDecisions)?;
    let state = app_state()?;
    let decision = form.parse(state.settings.time_zone, now())?;
    let id = decisions::open_single(&state.db, &staff, decision).await?;
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
