//! Adding a member to the core group, or taking them out of it.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_core")]
pub async fn set_core(member: i32, core: String) -> Result<(), AppError> {
    use crate::permissions::Action;
    use crate::server::members;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        members::set_core(&state.db, staff, member, core == "yes").await
    })
    .await
}
