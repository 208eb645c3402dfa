//! Storing one event's notifications for everyone it concerns, in SQL: `INSERT … SELECT` from
//! `users`, a chunk of members at a time, so neither memory nor one statement grows with the
//! number of members, and other writers (votes) get their turn between chunks.
use super::Draft;
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{notification, user};
use crate::views::notifications::PushTopic;
use sea_orm::sea_query::{Expr, OnConflict, Query, SelectStatement};
use sea_orm::{ActiveEnum, ColumnTrait, ConnectionTrait, DatabaseConnection, Order};
use std::ops::RangeInclusive;

/// Members per chunk: a few tens of milliseconds of writing on SQLite.
const CHUNK: u64 = 5_000;

/// Stores the draft's notifications and queues their phone notifications and texts; returns how
/// many were new.
pub(super) async fn store(db: &DatabaseConnection, draft: &Draft) -> Result<u64, AppError> {
    let at = now();
    let mut told = 0;
    let mut after = 0;
    loop {
        let upto = chunk_end(db, draft, after).await?;
        let members = after.saturating_add(1)..=upto.unwrap_or(i32::MAX);
        let select = recipients(draft, &members)
            .expr(Expr::val(draft.event.clone()))
            .expr(Expr::val(draft.kind.to_value()))
            .expr(Expr::val(draft.proposal))
            .expr(Expr::val(draft.decision))
            .expr(Expr::val(draft.detail.clone()))
            .expr(Expr::val(at))
            .to_owned();
        let insert = Query::insert()
            .into_table(notification::Entity)
            .columns([
                notification::Column::MemberId,
                notification::Column::Event,
                notification::Column::Kind,
                notification::Column::ProposalId,
                notification::Column::DecisionId,
                notification::Column::Detail,
                notification::Column::CreatedAt,
            ])
            .select_from(select)
            .map_err(|_| AppError::Internal)?
            .on_conflict(
                OnConflict::columns([notification::Column::MemberId, notification::Column::Event])
                    .do_nothing()
                    .to_owned(),
            )
            .to_owned();
        told += db.execute(&insert).await?.rows_affected();
        crate::server::push::enqueue(db, &draft.event, PushTopic::of(draft.kind), &members).await?;
        crate::server::text_messages::enqueue(
            db,
            &draft.event,
            draft.kind,
            draft.proposal,
            &members,
        )
        .await?;
        match upto {
            Some(end) => after = end,
            None => return Ok(told),
        }
    }
}

/// `SELECT users.id FROM users` for the draft's living recipients among `members` (by id).
fn recipients(draft: &Draft, members: &RangeInclusive<i32>) -> SelectStatement {
    Query::select()
        .column((user::Entity, user::Column::Id))
        .from(user::Entity)
        .cond_where(draft.recipients.clone())
        // Deleted accounts hear nothing.
        .and_where(user::Column::DeletedAt.is_null())
        .and_where(user::Column::Id.between(*members.start(), *members.end()))
        .to_owned()
}

/// The id of the `CHUNK`-th recipient after `after`, or `None` when fewer are left (the last
/// chunk then runs to the end).
async fn chunk_end(
    db: &DatabaseConnection,
    draft: &Draft,
    after: i32,
) -> Result<Option<i32>, AppError> {
    let select = recipients(draft, &(after.saturating_add(1)..=i32::MAX))
        .order_by((user::Entity, user::Column::Id), Order::Asc)
        .offset(CHUNK - 1)
        .limit(1)
        .to_owned();
    match db.query_one(&select).await? {
        Some(row) => Ok(Some(row.try_get_by_index::<i32>(0)?)),
        None => Ok(None),
    }
}
