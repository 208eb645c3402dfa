//! Ending a member's suspension now.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "lift_suspension")]
pub async fn lift_suspension(member: i32) -> Result<(), AppError> {
    use crate::permissions::Action;
    use crate::server::members;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        members::lift_suspension(&state.db, staff, member).await
    })
    .await
}
