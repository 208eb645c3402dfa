//! Changing one's own comment within 15 minutes of writing it.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "edit_comment")]
pub async fn edit_comment(comment: i32, text: String) -> Result<(), AppError> {
    crate::error::respond(run(comment, &text).await)
}

#[cfg(feature = "ssr")]
async fn run(comment: i32, text: &str) -> Result<(), AppError> {
    use crate::domain::CommentText;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, proposals::comments};

    let member = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    let text = CommentText::parse(text).map_err(|message| AppError::field("text", message))?;
    comments::edit(&state.db, &member, comment, text).await
}
