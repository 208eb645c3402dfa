//! Saving changes to a proposal (its author or staff, before a vote opens).
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "edit_proposal")]
pub async fn edit_proposal(
    proposal: i32,
    title: String,
    body: String,
    category: Option<String>,
    place: Option<String>,
) -> Result<(), AppError> {
    let category = category.unwrap_or_default();
    let place = place.unwrap_or_default();
    let result = run(proposal, &title, &body, &category, &place).await;
    crate::error::respond(result.map_err(|error| {
        error.keeping(&[
            ("title", &title),
            ("body", &body),
            ("category", &category),
            ("place", &place),
        ])
    }))
}

#[cfg(feature = "ssr")]
async fn run(
    proposal: i32,
    title: &str,
    body: &str,
    category: &str,
    place: &str,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::proposals::{self, ProposalForm};
    use crate::server::{app_state, current_member};

    let member = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    let new = ProposalForm {
        title,
        body,
        category,
        place,
    }
    .parse()?;
    let ready = proposals::find_choices(&state.db, new).await?;
    proposals::edit(&state.db, &member, proposal, ready).await?;
    leptos_axum::redirect(&format!("/proposals/{proposal}"));
    Ok(())
}
