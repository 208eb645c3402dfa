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
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::ops::RangeInclusive;

/// Queues the notifications just stored for `event` to every device of `members` (an id range
/// from `notifications`' chunks) who have not switched `topic` off, in one `INSERT … SELECT`.
/// Again for the same event adds nothing.
pub async fn enqueue(
    db: &DatabaseConnection,
    event: &str,
    topic: PushTopic,
    members: &RangeInclusive<i32>,
) -> Result<(), AppError> {
    let at = now();
    let muted = Query::select()
        .expr(Expr::val(1))
        .from(push_muted::Entity)
        .and_where(
            Expr::col((push_muted::Entity, push_muted::Column::MemberId))
                .equals((notification::Entity, notification::Column::MemberId)),
        )
        .and_where(push_muted::Column::Topic.eq(topic))
        .to_owned();
    let select = Query::select()
        .column((push_device::Entity, push_device::Column::Id))
        .column((notification::Entity, notification::Column::Id))
        .expr(Expr::val(0))
        .expr(Expr::val(at))
        .expr(Expr::val(at))
        .from(notification::Entity)
        .inner_join(
            push_device::Entity,
            Expr::col((push_device::Entity, push_device::Column::MemberId))
                .equals((notification::Entity, notification::Column::MemberId)),
        )
        .and_where(notification::Column::Event.eq(event))
        .and_where(notification::Column::MemberId.between(*members.start(), *members.end()))
        .and_where(Expr::exists(muted).not())
        .to_owned();
    let insert = Query::insert()
        .into_table(push_delivery::Entity)
        .columns([
            push_delivery::Column::DeviceId,
            push_delivery::Column::NotificationId,
            push_delivery::Column::Attempts,
            push_delivery::Column::NextAttemptAt,
            push_delivery::Column::CreatedAt,
        ])
        .select_from(select)
        .map_err(|_| AppError::Internal)?
        .on_conflict(
            OnConflict::columns([
                push_delivery::Column::DeviceId,
                push_delivery::Column::NotificationId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .to_owned();
    db.execute(&insert).await?;
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
