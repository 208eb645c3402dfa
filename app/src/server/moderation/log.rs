//! The moderation log as staff read it: newest first, filtered by action, a page at a time.
use crate::domain::{LogAction, Role};
use crate::error::AppError;
use crate::server::accounts::members::names;
use crate::server::clock::parse_local;
use crate::server::entities::{moderation_log, user};
use crate::views::moderation::{LogPage, LogRow};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

const LOG_PAGE: u64 = 50;

/// What the log page filters by; every part is optional.
#[derive(Debug, Default)]
pub struct LogFilter {
    pub staff: Option<i32>,
    pub action: Option<LogAction>,
    /// Days in the estate's calendar, `2026-11-25`, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Show rows older than this id (the next page).
    pub before: Option<i32>,
}

/// One page of the log, newest first.
pub async fn log_page(
    db: &DatabaseConnection,
    zone: Tz,
    filter: &LogFilter,
) -> Result<LogPage, AppError> {
    let mut query = moderation_log::Entity::find();
    if let Some(staff) = filter.staff {
        query = query.filter(moderation_log::Column::StaffId.eq(staff));
    }
    if let Some(action) = filter.action {
        query = query.filter(moderation_log::Column::Action.eq(action));
    }
    let day_start = |day: &str| parse_local(&format!("{day}T00:00"), zone);
    if let Some(from) = filter.from.as_deref().and_then(day_start) {
        query = query.filter(moderation_log::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.to.as_deref().and_then(day_start) {
        query = query.filter(moderation_log::Column::CreatedAt.lt(to + chrono::Duration::days(1)));
    }
    if let Some(before) = filter.before {
        query = query.filter(moderation_log::Column::Id.lt(before));
    }
    let mut rows = query
        .order_by_desc(moderation_log::Column::Id)
        .limit(LOG_PAGE + 1)
        .all(db)
        .await?;
    let next = (rows.len() > LOG_PAGE as usize).then(|| {
        rows.truncate(LOG_PAGE as usize);
        rows.last().map(|r| r.id)
    });
    let mut people: Vec<i32> = Vec::new();
    for row in &rows {
        people.extend([Some(row.staff_id), row.member_id].into_iter().flatten());
    }
    let names = names(db, people.into_iter()).await?;
    let staff = user::Entity::find()
        .filter(
            Condition::any()
                .add(user::Column::Role.eq(Role::Staff))
                .add(user::Column::Role.eq(Role::Admin)),
        )
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, crate::server::accounts::members::shown_name(&u)))
        .collect();
    let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
    Ok(LogPage {
        rows: rows
            .into_iter()
            .map(|row| LogRow {
                id: row.id,
                at: row
                    .created_at
                    .with_timezone(&zone)
                    .format("%Y-%m-%dT%H:%M")
                    .to_string(),
                staff: name(row.staff_id),
                action_key: row.action.label_key(),
                target: row
                    .target_kind
                    .zip(row.target_id)
                    .map(|(kind, id)| (format!("log-target-{}", kind.as_str()), id)),
                member: row.member_id.map(name),
                reason: row.reason,
            })
            .collect(),
        staff,
        next: next.flatten(),
    })
}
