//! The queue of news for many people: the action adds one row (cheap, inside its request), and a
//! background task on every instance hands it out. Each row is claimed by one instance for a
//! while, so instances share the work; handing out twice tells nobody twice, so a claim that ran
//! out (an instance stopped mid-way) is simply taken over.
use super::{Event, hand_out};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::notification_event;
use crate::server::infra::retry::CLAIM_FOR;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::time::Duration;
use tokio::sync::Notify;

/// Wakes this instance's background task when something was queued here, so news goes out
/// within moments; other instances find it on their next look.
static QUEUED: Notify = Notify::const_new();

/// Queues `kind` about row `subject`; queuing it again while it waits adds nothing.
pub(super) async fn add(db: &DatabaseConnection, kind: &str, subject: i32) -> Result<(), AppError> {
    notification_event::Entity::insert(notification_event::ActiveModel {
        kind: Set(kind.to_owned()),
        subject_id: Set(subject),
        created_at: Set(now()),
        claimed_until: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            notification_event::Column::Kind,
            notification_event::Column::SubjectId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    QUEUED.notify_one();
    Ok(())
}

/// Waits until something is queued on this instance, or `at_most` has passed.
pub async fn wait_for_queued(at_most: Duration) {
    let _ = tokio::time::timeout(at_most, QUEUED.notified()).await;
}

/// Hands out what is queued; returns how many members were told. Every instance may call it at
/// once: each event is claimed by one, and deleted once handed out.
pub async fn fan_out_due(db: &DatabaseConnection) -> Result<u64, AppError> {
    let at = now();
    let free = Condition::any()
        .add(notification_event::Column::ClaimedUntil.is_null())
        .add(notification_event::Column::ClaimedUntil.lt(at));
    let due = notification_event::Entity::find()
        .filter(free.clone())
        .order_by_asc(notification_event::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    let mut told = 0;
    for row in due {
        let claimed = notification_event::Entity::update_many()
            .col_expr(
                notification_event::Column::ClaimedUntil,
                Expr::value(at + CLAIM_FOR),
            )
            .filter(notification_event::Column::Id.eq(row.id))
            .filter(free.clone())
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        match Event::from_queued(&row.kind, row.subject_id) {
            Some(event) => told += hand_out(db, event).await?,
            None => tracing::warn!(kind = row.kind, "an unknown kind of news was queued"),
        }
        notification_event::Entity::delete_by_id(row.id)
            .exec(db)
            .await?;
    }
    Ok(told)
}
