//! Making a batch of invite codes. Staff invite residents and core members; only admins make staff.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "create_invites")]
pub async fn create_invites(role: String, count: String) -> Result<Vec<String>, AppError> {
    crate::error::respond(run(role, count).await)
}

#[cfg(feature = "ssr")]
async fn run(role: String, count: String) -> Result<Vec<String>, AppError> {
    use crate::domain::Role;
    use crate::permissions::{Action, require};
    use crate::server::invites::{self, DEFAULT_VALIDITY, InviteBatch};
    use crate::server::{app_state, current_member};

    let member = require(current_member(), Action::ManageMembers)?;
    let (role, core) = parse_invite_role(&role)?;
    if role != Role::Resident {
        require(Some(member.clone()), Action::ManageStaff)?;
    }
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=50).contains(n))
        .ok_or_else(|| AppError::field("count", "error-invite-count"))?;
    let state = app_state()?;
    let batch = InviteBatch {
        role,
        core,
        count,
        created_by: Some(member.id),
        valid_for: DEFAULT_VALIDITY,
        note: None,
        reset_for: None,
    };
    let codes = invites::create(&state.db, &batch).await?;
    Ok(codes.iter().map(ToString::to_string).collect())
}

#[cfg(feature = "ssr")]
/// What staff picked: a role, plus the core-group flag for "core".
fn parse_invite_role(value: &str) -> Result<(crate::domain::Role, bool), AppError> {
    match value {
        "core" => Ok((crate::domain::Role::Resident, true)),
        other => crate::domain::Role::parse(other)
            .map(|role| (role, false))
            .map_err(|message| AppError::field("role", message)),
    }
}
