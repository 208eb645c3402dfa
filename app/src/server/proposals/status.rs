//! A proposal's status: the one way it changes, each change recorded in its history.
use crate::domain::ProposalStatus;
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{decision_proposal, proposal, proposal_status_change};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

/// Moves a proposal to `to` if it is in one of `from`, and records the change in its history, in
/// one transaction. False when its status was not one of `from` (nothing is changed then).
pub(super) async fn move_status(
    db: &DatabaseConnection,
    proposal_id: i32,
    from: &[ProposalStatus],
    to: ProposalStatus,
    by: &Member,
) -> Result<bool, AppError> {
    let txn = db.begin().await?;
    if !change_status(&txn, proposal_id, from, to, now(), Some(by.id)).await? {
        return Ok(false);
    }
    txn.commit().await?;
    Ok(true)
}

/// Moves a proposal from one of `from` to `to` and records it in its history, inside the caller's
/// transaction. `by` is None when the clock did it (a decision closing on time). False when the
/// proposal was not in one of `from`.
pub async fn change_status(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    from: &[ProposalStatus],
    to: ProposalStatus,
    at: DateTime<Utc>,
    by: Option<i32>,
) -> Result<bool, AppError> {
    let changed = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::value(to))
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(proposal_id))
        .filter(proposal::Column::Status.is_in(from.iter().copied()))
        .exec(db)
        .await?;
    if changed.rows_affected != 1 {
        return Ok(false);
    }
    record_status(db, proposal_id, to, at, by).await?;
    Ok(true)
}

/// One line of a proposal's status history.
pub(super) async fn record_status(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    status: ProposalStatus,
    at: DateTime<Utc>,
    by: Option<i32>,
) -> Result<(), AppError> {
    proposal_status_change::ActiveModel {
        proposal_id: Set(proposal_id),
        status: Set(status),
        changed_at: Set(at),
        changed_by: Set(by),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The latest decision on a proposal, if any (for the proposal's page).
pub(super) async fn latest_for_proposal(
    db: &DatabaseConnection,
    proposal_id: i32,
) -> Result<Option<i32>, AppError> {
    Ok(decision_proposal::Entity::find()
        .filter(decision_proposal::Column::ProposalId.eq(proposal_id))
        .order_by_desc(decision_proposal::Column::DecisionId)
        .one(db)
        .await?
        .map(|d| d.decision_id))
}
