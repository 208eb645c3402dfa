//! Making a batch of invite codes. Staff invite residents and core members; only admins make staff.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "create_invites")]
pub async fn create_invites(
    role: String,
    count: String,
    valid_days: Option<String>,
    note: Option<String>,
) -> Result<Vec<String>, AppError> {
    let note = note.unwrap_or_default();
    crate::error::respond(
        run(role, &count, valid_days, &note)
            .await
            .map_err(|e| e.keeping(&[("count", &count), ("note", &note)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(
    role: String,
    count: &str,
    valid_days: Option<String>,
    note: &str,
) -> Result<Vec<String>, AppError> {
    use crate::domain::{LogAction, StaffNote};
    use crate::permissions::{Action, require};
    use crate::server::invites::{self, InviteBatch};
    use crate::server::staff_log::LogEntry;
    use crate::server::staff_log::log;
    use crate::server::{app_state, current_member};
    use sea_orm::TransactionTrait;

    let member = require(current_member(), Action::ManageMembers)?;
    let (role, core) = parse_invite_role(&role)?;
    if !crate::permissions::may_handle_code_for(&member, role) {
        return Err(AppError::Forbidden);
    }
    let count = count
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=50).contains(n))
        .ok_or_else(|| AppError::field("count", "error-invite-count"));
    let note = match note.trim() {
        "" => Ok(None),
        text => StaffNote::parse(text)
            .map(Some)
            .map_err(|m| AppError::field("note", m)),
    };
    let (count, note) = AppError::both(count, note)?;
    // A code lives a week, a month (the default) or three months.
    let days = match valid_days.as_deref() {
        Some("7") => 7,
        Some("90") => 90,
        _ => 30,
    };
    let state = app_state()?;
    let batch = InviteBatch {
        role,
        core,
        count,
        created_by: Some(member.id),
        valid_for: chrono::Duration::days(days),
        note: note.as_ref().map(|n| n.as_str().to_owned()),
        reset_for: None,
    };
    let txn = state.db.begin().await?;
    let codes = invites::create(&txn, &batch).await?;
    let what = format!("{count} × {}", if core { "core" } else { role.as_str() });
    log(
        &txn,
        LogEntry {
            staff: &member,
            action: LogAction::CreateInvites,
            target: None,
            member: None,
            reason: Some(&what),
        },
    )
    .await?;
    txn.commit().await?;
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
