//! An admin changes someone's role: only admins make staff.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_role")]
pub async fn set_role(member: i32, role: String) -> Result<(), AppError> {
    use crate::domain::Role;
    use crate::permissions::Action;
    use crate::server::members;
    super::on_member(member, Action::ManageStaff, async |state, staff| {
        let role = Role::parse(&role).map_err(|message| AppError::field("role", message))?;
        members::set_role(&state.db, staff, member, role).await
    })
    .await
}
