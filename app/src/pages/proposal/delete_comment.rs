//! Deleting one's own comment; it stays as "deleted by its author".
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "delete_comment")]
pub async fn delete_comment(comment: i32) -> Result<(), AppError> {
    crate::error::respond(run(comment).await)
}

#[cfg(feature = "ssr")]
async fn run(comment: i32) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, proposals::comments};

    let member = require(current_member(), Action::Participate)?;
    let state = app_state()?;
    comments::delete(&state.db, state.files.as_ref(), &member, comment).await
}
