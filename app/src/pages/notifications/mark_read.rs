//! Marks one of the member's notifications as read, or all of them.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read(id: Option<i32>) -> Result<(), AppError> {
    crate::error::respond(run(id).await)
}

#[cfg(feature = "ssr")]
async fn run(id: Option<i32>) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, notifications};

    let member = require(current_member(), Action::Read)?;
    let state = app_state()?;
    notifications::mark_read(&state.db, member.id, id).await
}
