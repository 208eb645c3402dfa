//! The queue: one delivery per notification and device, claimed by one instance at a time,
//! retried with growing pauses, kept as sent once the push service took it.
use super::devices::remove;
use super::message::message;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::clock::now;
use crate::server::entities::{notification, push_delivery, push_device, push_muted, user};
use crate::server::infra::retry::{ATTEMPTS, CLAIM_FOR, pause_after};
use crate::server::infra::web_push::{Sent, Subscription, WebPush};
use crate::views::notifications::PushTopic;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::collections::HashSet;

/// Rows per statement: far under SQLite's limit of values in one statement.
const CHUNK: usize = 500;

/// Queues the notifications just stored for `event` to every device of `members` who have not
/// switched `topic` off. Again for the same event adds nothing.
pub async fn enqueue(
    db: &DatabaseConnection,
    event: &str,
    members: &[i32],
    topic: PushTopic,
) -> Result<(), AppError> {
    let at = now();
    for chunk in members.chunks(CHUNK) {
        let devices: Vec<(i32, i32)> = push_device::Entity::find()
            .select_only()
            .column(push_device::Column::Id)
            .column(push_device::Column::MemberId)
            .filter(push_device::Column::MemberId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        if devices.is_empty() {
            continue;
        }
        let muted: HashSet<i32> = push_muted::Entity::find()
            .select_only()
            .column(push_muted::Column::MemberId)
            .filter(push_muted::Column::MemberId.is_in(chunk.iter().copied()))
            .filter(push_muted::Column::Topic.eq(topic))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let notes: Vec<(i32, i32)> = notification::Entity::find()
            .select_only()
            .column(notification::Column::Id)
            .column(notification::Column::MemberId)
            .filter(notification::Column::Event.eq(event))
            .filter(notification::Column::MemberId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        let rows: Vec<push_delivery::ActiveModel> = devices
            .iter()
            .filter(|(_, member)| !muted.contains(member))
            .filter_map(|&(device, member)| {
                let (note, _) = notes.iter().find(|(_, m)| *m == member)?;
                Some(push_delivery::ActiveModel {
                    device_id: Set(device),
                    notification_id: Set(*note),
                    attempts: Set(0),
                    next_attempt_at: Set(at),
                    claimed_until: Set(None),
                    sent_at: Set(None),
                    created_at: Set(at),
                    ..Default::default()
                })
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        push_delivery::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    push_delivery::Column::DeviceId,
                    push_delivery::Column::NotificationId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Sends what is due, unless it is night in the estate; returns how many pushes went out.
/// Every instance may call it at once: each delivery goes out through the instance that claimed it.
pub async fn deliver_due(
    db: &DatabaseConnection,
    push: &WebPush,
    zone: Tz,
    default_locale: &Locale,
) -> Result<usize, AppError> {
    let at = now();
    if push.quiet.contains(at, zone) {
        return Ok(0);
    }
    let due = push_delivery::Entity::find()
        .filter(push_delivery::Column::SentAt.is_null())
        .filter(push_delivery::Column::NextAttemptAt.lte(at))
        .filter(free_at(at))
        .order_by_asc(push_delivery::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let mut sent = 0;
    for row in due {
        let claimed = push_delivery::Entity::update_many()
            .col_expr(
                push_delivery::Column::ClaimedUntil,
                Expr::value(at + CLAIM_FOR),
            )
            .filter(push_delivery::Column::Id.eq(row.id))
            .filter(push_delivery::Column::SentAt.is_null())
            .filter(free_at(at))
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 && deliver(db, push, &row, default_locale).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Not claimed, or the claim ran out.
fn free_at(at: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(push_delivery::Column::ClaimedUntil.is_null())
        .add(push_delivery::Column::ClaimedUntil.lt(at))
}

/// Posts one claimed delivery and records what became of it; `true` when it went out.
async fn deliver(
    db: &DatabaseConnection,
    push: &WebPush,
    row: &push_delivery::Model,
    default_locale: &Locale,
) -> Result<bool, AppError> {
    let device = push_device::Entity::find_by_id(row.device_id)
        .one(db)
        .await?;
    let note = notification::Entity::find_by_id(row.notification_id)
        .one(db)
        .await?;
    let (Some(device), Some(note)) = (device, note) else {
        give_up(db, row.id).await?;
        return Ok(false);
    };
    let member = user::Entity::find_by_id(note.member_id).one(db).await?;
    // The device changed hands (another member signed in on it) or its member left.
    let Some(member) = member.filter(|m| m.deleted_at.is_none() && m.id == device.member_id) else {
        give_up(db, row.id).await?;
        return Ok(false);
    };
    let payload = message(db, &note, &member, default_locale).await?;
    let to = Subscription {
        endpoint: &device.endpoint,
        p256dh: &device.p256dh,
        auth: &device.auth,
    };
    match push.send(&to, &payload).await {
        Sent::Delivered => {
            let at = now();
            push_delivery::Entity::update_many()
                .col_expr(push_delivery::Column::SentAt, Expr::value(at))
                .col_expr(
                    push_delivery::Column::ClaimedUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .filter(push_delivery::Column::Id.eq(row.id))
                .exec(db)
                .await?;
            push_device::Entity::update_many()
                .col_expr(push_device::Column::LastSentAt, Expr::value(at))
                .filter(push_device::Column::Id.eq(device.id))
                .exec(db)
                .await?;
            Ok(true)
        }
        Sent::Gone => {
            tracing::info!(
                device = device.id,
                "a browser unsubscribed; its device is forgotten"
            );
            remove(db, device.id).await?;
            Ok(false)
        }
        Sent::Refused(status) => {
            tracing::warn!(
                status,
                device = device.id,
                "a push service refused a notification"
            );
            give_up(db, row.id).await?;
            Ok(false)
        }
        Sent::Later if row.attempts + 1 >= ATTEMPTS => {
            tracing::warn!(
                device = device.id,
                "a notification could not be delivered; given up"
            );
            give_up(db, row.id).await?;
            Ok(false)
        }
        Sent::Later => {
            push_delivery::Entity::update_many()
                .col_expr(
                    push_delivery::Column::Attempts,
                    Expr::value(row.attempts + 1),
                )
                .col_expr(
                    push_delivery::Column::NextAttemptAt,
                    Expr::value(now() + pause_after(row.attempts + 1)),
                )
                .col_expr(
                    push_delivery::Column::ClaimedUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .filter(push_delivery::Column::Id.eq(row.id))
                .exec(db)
                .await?;
            Ok(false)
        }
    }
}

async fn give_up(db: &DatabaseConnection, id: i32) -> Result<(), AppError> {
    push_delivery::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
