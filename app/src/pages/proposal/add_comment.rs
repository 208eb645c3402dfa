//! Writing a comment, or a reply to one.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "add_comment")]
pub async fn add_comment(
    proposal: i32,
    text: String,
    parent: Option<String>,
) -> Result<i32, AppError> {
    let parent_field = parent.clone().unwrap_or_default();
    let result = run(proposal, &text, parent).await;
    crate::error::respond(
        result.map_err(|e| e.keeping(&[("text", &text), ("parent", &parent_field)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32, text: &str, parent: Option<String>) -> Result<i32, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, comments, current_member};

    let member = require(current_member(), Action::Participate)?;
    let parent = match parent.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(id.parse::<i32>().map_err(|_| AppError::BadRequest)?),
    };
    let state = app_state()?;
    comments::add(
        &state.db,
        &member,
        proposal,
        parent,
        text,
        &state.settings.limits,
    )
    .await
}
