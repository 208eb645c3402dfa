//! Writing a comment, or a reply to one.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "add_comment")]
pub async fn add_comment(
    proposal: i32,
    text: String,
    parent: Option<String>,
    for_member: Option<String>,
) -> Result<i32, AppError> {
    let parent_field = parent.clone().unwrap_or_default();
    let result = run(proposal, &text, parent, for_member).await;
    crate::error::respond(
        result.map_err(|e| e.keeping(&[("text", &text), ("parent", &parent_field)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(
    proposal: i32,
    text: &str,
    parent: Option<String>,
    for_member: Option<String>,
) -> Result<i32, AppError> {
    use crate::domain::CommentText;
    use crate::server::{accounts::assisted, app_state, current_member, proposals::comments};

    let state = app_state()?;
    // Staff may write it for a member at the centre (assisted entry).
    let (member, helper) =
        assisted::author_and_helper(&state.db, current_member(), for_member.as_deref()).await?;
    let parent = match parent.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(id.parse::<i32>().map_err(|_| AppError::BadRequest)?),
    };
    let text = CommentText::parse(text).map_err(|message| AppError::field("text", message))?;
    let id = comments::add(
        &state.db,
        &member,
        proposal,
        parent,
        text,
        &crate::server::current_site()?.limits(),
        helper.as_ref(),
    )
    .await?;
    if helper.is_some() {
        // Written at the centre's desk: show it where it now stands.
        leptos_axum::redirect(&format!("/proposals/{proposal}#comment-{id}"));
    }
    Ok(id)
}
