//! The discussion of one proposal.
use crate::error::AppError;
use crate::views::proposals::CommentView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_comments")]
pub async fn list_comments(proposal: i32) -> Result<Vec<CommentView>, AppError> {
    crate::error::respond(run(proposal).await)
}

#[cfg(feature = "ssr")]
async fn run(proposal: i32) -> Result<Vec<CommentView>, AppError> {
    use crate::permissions::require_read;
    use crate::server::{
        app_state, current_member,
        proposals::{self, comments},
    };

    let state = app_state()?;
    let viewer = require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    // Only the discussion of a proposal the asker may see.
    proposals::find_visible(&state.db, viewer.as_ref(), proposal).await?;
    let language = crate::server::request_language();
    comments::list(
        &state.db,
        viewer.as_ref(),
        proposal,
        state.settings.time_zone,
        state.speech.can_speak().then_some(language.as_str()),
    )
    .await
}
