//! Counting under a limit, one request after another. A limit checked by counting rows and then
//! inserting lets 40 requests sent at once all count the same number and all pass; so each limit
//! key ("account:anna", "proposals:12") has a gate row, written first in the transaction that
//! counts and inserts. On PostgreSQL the write takes the row's lock until commit; on SQLite the
//! first write takes the database's write lock. Either way the next request counts after this
//! one has committed, on every instance.
use crate::server::entities::sign_in_gate;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

/// Locks `key`'s gate for the rest of the transaction `txn`.
pub async fn lock(txn: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    sign_in_gate::Entity::insert(sign_in_gate::ActiveModel {
        key: Set(key.to_owned()),
        used_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(txn)
    .await?;
    sign_in_gate::Entity::update_many()
        .col_expr(sign_in_gate::Column::UsedAt, Expr::value(now))
        .filter(sign_in_gate::Column::Key.eq(key))
        .exec(txn)
        .await?;
    Ok(())
}

/// Drops gates not used since `before` (they only cost space).
pub async fn sweep(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<(), DbErr> {
    sign_in_gate::Entity::delete_many()
        .filter(sign_in_gate::Column::UsedAt.lte(before))
        .exec(db)
        .await?;
    Ok(())
}
