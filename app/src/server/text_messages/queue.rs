//! The text-message queue: one message per notification and member, claimed by one instance at a
//! time, counted against the month's cap, retried with growing pauses, kept once sent.
use super::gateway_settings::load;
use super::numbers::number_of;
use crate::domain::text_message::fitted;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::clock::now;
use crate::server::entities::{notification, proposal, sms_message, sms_month, sms_number, user};
use crate::server::infra::retry::{ATTEMPTS, CLAIM_FOR, pause_after};
use crate::server::infra::text_gateway::{TextChannel, TextGateway, Texted};
use crate::server::notification_words::sentence;
use crate::views::notifications::NotificationKind;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::ops::RangeInclusive;

/// News that could not go out for this long (the gateway was off, it was night) is not sent.
const STALE_AFTER: Duration = Duration::days(2);

/// Queues a text for those of `members` (an id range from `notifications`' chunks) who gave a
/// number, when `kind` is news worth one: a decision they may vote in opened, its result, an
/// outcome on a proposal they wrote. One `INSERT … SELECT`; again for the same event adds nothing.
pub async fn enqueue(
    db: &DatabaseConnection,
    event: &str,
    kind: NotificationKind,
    proposal_id: Option<i32>,
    members: &RangeInclusive<i32>,
) -> Result<(), AppError> {
    let mut select = Query::select()
        .column((sms_number::Entity, sms_number::Column::MemberId))
        .column((notification::Entity, notification::Column::Id))
        .expr(Expr::val(0))
        .expr(Expr::val(now()))
        .expr(Expr::val(now()))
        .from(notification::Entity)
        .inner_join(
            sms_number::Entity,
            Expr::col((sms_number::Entity, sms_number::Column::MemberId))
                .equals((notification::Entity, notification::Column::MemberId)),
        )
        .and_where(notification::Column::Event.eq(event))
        .and_where(notification::Column::MemberId.between(*members.start(), *members.end()))
        .to_owned();
    match kind {
        NotificationKind::DecisionOpened | NotificationKind::DecisionClosed => {}
        // Only the proposal's author hears of its outcome by text.
        NotificationKind::OutcomePublished => {
            let Some(proposal_id) = proposal_id else {
                return Ok(());
            };
            let author = Query::select()
                .column(proposal::Column::AuthorId)
                .from(proposal::Entity)
                .and_where(proposal::Column::Id.eq(proposal_id))
                .to_owned();
            select.and_where(notification::Column::MemberId.in_subquery(author));
        }
        _ => return Ok(()),
    }
    let insert = Query::insert()
        .into_table(sms_message::Entity)
        .columns([
            sms_message::Column::MemberId,
            sms_message::Column::NotificationId,
            sms_message::Column::Attempts,
            sms_message::Column::NextAttemptAt,
            sms_message::Column::CreatedAt,
        ])
        .select_from(select)
        .map_err(|_| AppError::Internal)?
        .on_conflict(
            OnConflict::columns([
                sms_message::Column::MemberId,
                sms_message::Column::NotificationId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .to_owned();
    db.execute(&insert).await?;
    Ok(())
}

/// This month in the estate, `2026-12`: the cap counts per calendar month there.
pub(super) fn month_of(zone: Tz) -> String {
    now().with_timezone(&zone).format("%Y-%m").to_string()
}

/// Sends what is due, unless it is night in the estate or no gateway is set up; returns how many
/// texts went out. Every instance may call it at once: each message goes out through the instance
/// that claimed it, and the cap is counted in one guarded update, so it holds across instances.
pub async fn deliver_due(
    db: &DatabaseConnection,
    channel: &TextChannel,
    zone: Tz,
    default_locale: &Locale,
) -> Result<usize, AppError> {
    let at = now();
    if channel.quiet.contains(at, zone) {
        return Ok(0);
    }
    // Also while no gateway is set up, so a queue without one does not grow.
    sms_message::Entity::delete_many()
        .filter(sms_message::Column::SentAt.is_null())
        .filter(sms_message::Column::CreatedAt.lt(at - STALE_AFTER))
        .exec(db)
        .await?;
    let settings = load(db).await?;
    let Some(gateway) = channel.gateway(&settings.gateway) else {
        return Ok(0);
    };
    let due = sms_message::Entity::find()
        .filter(sms_message::Column::SentAt.is_null())
        .filter(sms_message::Column::NextAttemptAt.lte(at))
        .filter(free_at(at))
        .order_by_asc(sms_message::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let month = month_of(zone);
    let mut sent = 0;
    for row in due {
        let claimed = sms_message::Entity::update_many()
            .col_expr(
                sms_message::Column::ClaimedUntil,
                Expr::value(at + CLAIM_FOR),
            )
            .filter(sms_message::Column::Id.eq(row.id))
            .filter(sms_message::Column::SentAt.is_null())
            .filter(free_at(at))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        if !take_from_cap(db, &month, settings.monthly_cap).await? {
            tracing::warn!("this month's text messages are used up; a message is not sent");
            give_up(db, row.id).await?;
            continue;
        }
        if send(db, gateway.as_ref(), &row, default_locale).await? {
            sent += 1;
        } else {
            give_back_to_cap(db, &month).await?;
        }
    }
    Ok(sent)
}

/// Not claimed, or the claim ran out.
fn free_at(at: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(sms_message::Column::ClaimedUntil.is_null())
        .add(sms_message::Column::ClaimedUntil.lt(at))
}

/// Counts one message against the month, if the cap allows it. One guarded update, so two
/// instances cannot both take the last one.
async fn take_from_cap(db: &DatabaseConnection, month: &str, cap: u32) -> Result<bool, AppError> {
    sms_month::Entity::insert(sms_month::ActiveModel {
        month: Set(month.to_owned()),
        sent: Set(0),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    let taken = sms_month::Entity::update_many()
        .col_expr(
            sms_month::Column::Sent,
            Expr::col(sms_month::Column::Sent).add(1),
        )
        .filter(sms_month::Column::Month.eq(month))
        .filter(sms_month::Column::Sent.lt(i64::from(cap)))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// A message that did not go out does not count.
async fn give_back_to_cap(db: &DatabaseConnection, month: &str) -> Result<(), AppError> {
    sms_month::Entity::update_many()
        .col_expr(
            sms_month::Column::Sent,
            Expr::col(sms_month::Column::Sent).sub(1),
        )
        .filter(sms_month::Column::Month.eq(month))
        .filter(sms_month::Column::Sent.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Sends one claimed message and records what became of it; `true` when it went out.
async fn send(
    db: &DatabaseConnection,
    gateway: &dyn TextGateway,
    row: &sms_message::Model,
    default_locale: &Locale,
) -> Result<bool, AppError> {
    let note = notification::Entity::find_by_id(row.notification_id)
        .one(db)
        .await?;
    let member = user::Entity::find_by_id(row.member_id).one(db).await?;
    let number = number_of(db, row.member_id).await?;
    let (Some(note), Some(member), Some(number)) = (note, member, number) else {
        give_up(db, row.id).await?;
        return Ok(false);
    };
    if member.deleted_at.is_some() || note.member_id != member.id {
        give_up(db, row.id).await?;
        return Ok(false);
    }
    let (locale, told) = sentence(db, &note, &member, default_locale).await?;
    let text = fitted(&format!("{}: {told}", locale.text("push-title")));
    match gateway.send(&number, &text).await {
        Texted::Sent => {
            sms_message::Entity::update_many()
                .col_expr(sms_message::Column::SentAt, Expr::value(now()))
                .col_expr(
                    sms_message::Column::ClaimedUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .filter(sms_message::Column::Id.eq(row.id))
                .exec(db)
                .await?;
            Ok(true)
        }
        Texted::Refused(status) => {
            tracing::warn!(status, "the SMS gateway refused a message");
            give_up(db, row.id).await?;
            Ok(false)
        }
        Texted::Later if row.attempts + 1 >= ATTEMPTS => {
            tracing::warn!("a text message could not be sent; given up");
            give_up(db, row.id).await?;
            Ok(false)
        }
        Texted::Later => {
            sms_message::Entity::update_many()
                .col_expr(sms_message::Column::Attempts, Expr::value(row.attempts + 1))
                .col_expr(
                    sms_message::Column::NextAttemptAt,
                    Expr::value(now() + pause_after(row.attempts + 1)),
                )
                .col_expr(
                    sms_message::Column::ClaimedUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .filter(sms_message::Column::Id.eq(row.id))
                .exec(db)
                .await?;
            Ok(false)
        }
    }
}

async fn give_up(db: &DatabaseConnection, id: i32) -> Result<(), AppError> {
    sms_message::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
