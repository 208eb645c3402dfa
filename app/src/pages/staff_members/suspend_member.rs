//! Suspending a member until a day, with a reason they will see.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "suspend_member")]
pub async fn suspend_member(member: i32, until: String, reason: String) -> Result<(), AppError> {
    crate::error::respond(
        run(member, until, reason)
            .await
            .map_err(|error| super::about(member, error)),
    )
}

#[cfg(feature = "ssr")]
async fn run(member: i32, until: String, reason: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, members};

    let staff = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    let zone = state.settings.time_zone;
    let suspended = match members::Suspension::parse(&until, &reason, zone) {
        Ok(suspension) => members::suspend(&state.db, &staff, member, suspension).await,
        Err(error) => Err(error),
    };
    suspended.map_err(|e| e.keeping(&[("until", until.as_str()), ("reason", reason.as_str())]))
}
