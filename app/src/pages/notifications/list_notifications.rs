//! The signed-in member's notifications, newest first.
use crate::error::AppError;
use crate::views::notifications::NotificationList;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_notifications")]
pub async fn list_notifications() -> Result<NotificationList, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<NotificationList, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, notifications};

    // Suspended members read theirs too: it is where they learn what happened.
    let member = require(current_member(), Action::Read)?;
    let state = app_state()?;
    // Counted once per request, for the bottom bar.
    let unread = crate::server::request_visitor().map_or(0, |v| v.unread_notifications);
    notifications::list(&state.db, &member, unread, state.settings.time_zone).await
}
