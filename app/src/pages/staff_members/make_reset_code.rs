//! A one-time code for a member who forgot their password and stands at the desk; the members
//! page shows it until it is used.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "make_reset_code")]
pub async fn make_reset_code(member: i32) -> Result<(), AppError> {
    use crate::permissions::Action;
    use crate::server::members;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        members::reset_code(&state.db, staff, member)
            .await
            .map(|_| ())
    })
    .await
}
