//! Merging two proposals that ask for the same thing: supports, comments and photos move to the one kept.
use super::author_of;
use super::resolve_reports;
use crate::domain::Target;
use crate::domain::{LogAction, ProposalId, ProposalStatus};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{proposal, support};
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::server::staff_log::{LogEntry, log};
use crate::visitor::Member;
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

/// Merges a duplicate proposal into another: the duplicate becomes `merged` and points at the
/// other; its supporters (and its author) support the other, each counted once.
pub async fn merge(
    db: &DatabaseConnection,
    staff: &Member,
    from: i32,
    into: ProposalId,
) -> Result<(), AppError> {
    let ProposalId(into) = into;
    if into == from {
        return Err(AppError::field("into", "error-merge-self"));
    }
    let at = now();
    let txn = db.begin().await?;
    // Lock the target first (a write), so supports given meanwhile wait for the count below.
    let target_open = proposal::Entity::update_many()
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(into))
        .filter(proposal::Column::Status.eq(ProposalStatus::Open))
        .filter(proposal::Column::HiddenAt.is_null())
        .exec(&txn)
        .await?;
    if target_open.rows_affected != 1 {
        return Err(AppError::field("into", "error-merge-target"));
    }
    let from_states = [ProposalStatus::Submitted, ProposalStatus::Open];
    if !change_status(
        &txn,
        from,
        &from_states,
        ProposalStatus::Merged,
        at,
        Some(staff.id),
    )
    .await?
    {
        author_of(&txn, Target::Proposal(from)).await?;
        return Err(AppError::field("into", "error-merge-late"));
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::MergedInto, Expr::value(into))
        .filter(proposal::Column::Id.eq(from))
        .exec(&txn)
        .await?;
    let target = proposal::Entity::find_by_id(into)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let duplicate = proposal::Entity::find_by_id(from)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Everyone who supported the duplicate, carried over in one statement; a member who already
    // supports the target is not counted twice, and its author cannot support their own.
    let carry = Query::insert()
        .into_table(support::Entity)
        .columns([
            support::Column::ProposalId,
            support::Column::MemberId,
            support::Column::CreatedAt,
        ])
        .select_from(
            Query::select()
                .expr(Expr::value(into))
                .column(support::Column::MemberId)
                .expr(Expr::value(at))
                .from(support::Entity)
                .and_where(support::Column::ProposalId.eq(from))
                .and_where(support::Column::MemberId.ne(target.author_id))
                .to_owned(),
        )
        .map_err(|error| {
            tracing::error!(%error, "building the merge query");
            AppError::Internal
        })?
        .on_conflict(
            OnConflict::columns([support::Column::ProposalId, support::Column::MemberId])
                .do_nothing()
                .to_owned(),
        )
        .to_owned();
    txn.execute(&carry).await?;
    if duplicate.author_id != target.author_id {
        support::Entity::insert(support::ActiveModel {
            proposal_id: Set(into),
            member_id: Set(duplicate.author_id),
            created_at: Set(at),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
    }
    let count = support::Entity::find()
        .filter(support::Column::ProposalId.eq(into))
        .count(&txn)
        .await?;
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::SupportCount,
            Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .filter(proposal::Column::Id.eq(into))
        .exec(&txn)
        .await?;
    resolve_reports(&txn, Target::Proposal(from), at).await?;
    let reason = format!("#{into}");
    let logged = log(
        &txn,
        LogEntry {
            staff,
            action: LogAction::Merge,
            target: Some(Target::Proposal(from)),
            member: Some(duplicate.author_id),
            reason: Some(&reason),
        },
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}
