//! Suspending a member until a day, with a reason they will see.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "suspend_member")]
pub async fn suspend_member(member: i32, until: String, reason: String) -> Result<(), AppError> {
    use crate::permissions::Action;
    use crate::server::members;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        let zone = state.settings.time_zone;
        let suspension = members::Suspension::parse(&until, &reason, zone);
        let suspended = match suspension {
            Ok(suspension) => members::suspend(&state.db, staff, member, suspension).await,
            Err(error) => Err(error),
        };
        suspended.map_err(|e| e.keeping(&[("until", until.as_str()), ("reason", reason.as_str())]))
    })
    .await
}
