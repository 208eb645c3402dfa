//! Supporting a proposal, and taking the support back.
use super::visibility::find_visible;
use crate::domain::ProposalStatus;
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{proposal, support};
use crate::visitor::Member;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
    TryInsertResult,
};

/// Gives or takes back the member's support; the count changes in the same transaction and only
/// when a row really changed, so many people tapping at once still gives an exact count.
pub async fn set_support(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
    want: bool,
) -> Result<i32, AppError> {
    let closed = || AppError::field("support", "error-support-closed");
    let row = find_visible(db, Some(member), proposal_id).await?;
    if row.author_id == member.id {
        return Err(AppError::field("support", "error-support-own"));
    }
    if !row.status.accepts_support() || row.hidden_at.is_some() {
        return Err(closed());
    }
    // The transaction starts with its write: SQLite then waits for the lock instead of failing
    // when a read lock would have to be upgraded while others write.
    let txn = db.begin().await?;
    let changed = if want {
        let inserted = support::Entity::insert(support::ActiveModel {
            proposal_id: Set(proposal_id),
            member_id: Set(member.id),
            created_at: Set(now()),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
        matches!(inserted, TryInsertResult::Inserted(1))
    } else {
        support::Entity::delete_by_id((proposal_id, member.id))
            .exec(&txn)
            .await?
            .rows_affected
            == 1
    };
    if changed {
        let step = if want { 1 } else { -1 };
        // Still open? (A vote may have opened since the check above; then nothing is stored.)
        let updated = proposal::Entity::update_many()
            .col_expr(
                proposal::Column::SupportCount,
                Expr::col(proposal::Column::SupportCount).add(step),
            )
            .filter(proposal::Column::Id.eq(proposal_id))
            .filter(proposal::Column::Status.eq(ProposalStatus::Open))
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            return Err(closed());
        }
    }
    let count = proposal::Entity::find_by_id(proposal_id)
        .one(&txn)
        .await?
        .map_or(0, |p| p.support_count);
    txn.commit().await?;
    Ok(count)
}
