//! Storing a new proposal from the form; on success the person lands on its page.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "create_proposal")]
pub async fn create_proposal(
    title: String,
    body: String,
    category: Option<String>,
    place: Option<String>,
) -> Result<i32, AppError> {
    let category = category.unwrap_or_default();
    let place = place.unwrap_or_default();
    let result = run(&title, &body, &category, &place).await;
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
async fn run(title: &str, body: &str, category: &str, place: &str) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::proposals::{self, NewProposal};
    use crate::server::{app_state, current_member};

    let author = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    let id = proposals::create(
        &state.db,
        &author,
        NewProposal {
            title,
            body,
            category,
            place,
        },
        &state.settings.limits,
        state.settings.pre_moderation,
    )
    .await?;
    leptos_axum::redirect(&format!("/proposals/{id}"));
    Ok(id)
}
