//! The moderation queue, or one item of it (`item` = `proposal-12`, `comment-40`).
use crate::error::AppError;
use crate::views::moderation::Queue;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "moderation_queue")]
pub async fn moderation_queue(item: Option<String>) -> Result<Queue, AppError> {
    crate::error::respond(run(item).await)
}

#[cfg(feature = "ssr")]
async fn run(item: Option<String>) -> Result<Queue, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, moderation};

    require(current_member(), Action::Moderate)?;
    let only = match item.as_deref().filter(|i| !i.is_empty()) {
        Some(item) => {
            let (kind, id) = item.split_once('-').ok_or(AppError::NotFound)?;
            let id = id.parse().map_err(|_| AppError::NotFound)?;
            Some(super::target(kind, id)?)
        }
        None => None,
    };
    let state = app_state()?;
    moderation::queue::queue(&state.db, state.settings.time_zone, only).await
}
