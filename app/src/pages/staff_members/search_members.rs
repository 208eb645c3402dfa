//! Members whose name contains the words searched for.
use crate::error::AppError;
use leptos::prelude::*;

pub use crate::views::members::MemberRow;

#[server(prefix = "/api", endpoint = "search_members")]
pub async fn search_members(q: Option<String>) -> Result<Vec<MemberRow>, AppError> {
    crate::error::respond(run(q.unwrap_or_default()).await)
}

#[cfg(feature = "ssr")]
async fn run(q: String) -> Result<Vec<MemberRow>, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, members};

    let staff = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    members::search_members(&state.db, &staff, &q, state.settings.time_zone).await
}
