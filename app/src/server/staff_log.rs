//! The moderation log's one writer: every staff action appends a row here, inside the action's own
//! transaction, so the log never says something happened that did not (or misses what did).
use crate::domain::{LogAction, Target};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::moderation_log;
use crate::visitor::Member;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// One line for the moderation log: who did what, on what, for or about whom, and why.
pub struct LogEntry<'a> {
    pub staff: &'a Member,
    pub action: LogAction,
    pub target: Option<Target>,
    pub member: Option<i32>,
    pub reason: Option<&'a str>,
}

/// Appends to the log, inside the caller's transaction, and answers the new row's id. Nothing
/// ever changes or deletes a row.
pub async fn log(db: &impl ConnectionTrait, entry: LogEntry<'_>) -> Result<i32, AppError> {
    let row = moderation_log::ActiveModel {
        staff_id: Set(entry.staff.id),
        action: Set(entry.action),
        target_kind: Set(entry.target.map(Target::kind)),
        target_id: Set(entry.target.map(Target::id)),
        member_id: Set(entry.member),
        reason: Set(entry.reason.map(str::to_owned)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Logs a change of settings (`what` says which), inside the caller's transaction.
pub async fn log_setting(
    db: &impl ConnectionTrait,
    admin: &Member,
    what: &str,
) -> Result<(), AppError> {
    log(
        db,
        LogEntry {
            staff: admin,
            action: LogAction::ChangeSettings,
            target: None,
            member: None,
            reason: Some(what),
        },
    )
    .await
    .map(drop)
}

/// Records, inside the post's own transaction, that `helper` (if any) wrote `target` for `author`.
pub async fn log_help(
    db: &impl sea_orm::ConnectionTrait,
    helper: Option<&Member>,
    target: crate::domain::Target,
    author: i32,
) -> Result<(), AppError> {
    let Some(helper) = helper else {
        return Ok(());
    };
    crate::server::staff_log::log(
        db,
        crate::server::staff_log::LogEntry {
            staff: helper,
            action: crate::domain::LogAction::WriteForMember,
            target: Some(target),
            member: Some(author),
            reason: None,
        },
    )
    .await
    .map(drop)
}
