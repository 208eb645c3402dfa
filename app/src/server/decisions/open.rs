//! Opening a decision: a yes / no / abstain vote on one proposal, now or at a set time.
use super::store::{self, Basics};
use crate::domain::{DecisionKind, DecisionRule, ProposalId, ProposalStatus, VotingWindow};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{decision, decision_proposal, proposal};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

/// A yes / no / abstain decision to open on one proposal (see `forms::DecisionForm`).
pub struct NewDecision {
    pub proposal: ProposalId,
    pub rule: DecisionRule,
    pub window: VotingWindow,
}

/// Opens (or schedules) a yes / no / abstain decision on one proposal, which must be open for
/// discussion.
pub async fn open_single(
    db: &DatabaseConnection,
    staff: &Member,
    new: NewDecision,
) -> Result<i32, AppError> {
    let proposal = open_proposal(db, new.proposal).await?;
    let basics = Basics::new(
        DecisionKind::Single,
        &proposal.title,
        new.rule,
        staff,
        now(),
    );
    let txn = db.begin().await?;
    let row = store::insert(&txn, basics.online(new.window), &[proposal.id]).await?;
    store::commit_online(db, txn, &row, &basics).await?;
    Ok(row.id)
}

/// Carries out the opening: the proposals of a yes / no / abstain decision go to `voting` (a
/// priority poll only ranks them, so theirs stay as they are).
pub(crate) async fn start(
    db: &impl ConnectionTrait,
    decision: &decision::Model,
    at: DateTime<Utc>,
    by: Option<i32>,
) -> Result<bool, AppError> {
    let started = decision::Entity::update_many()
        .col_expr(decision::Column::StartedAt, Expr::value(at))
        .filter(decision::Column::Id.eq(decision.id))
        .filter(decision::Column::StartedAt.is_null())
        .exec(db)
        .await?;
    if started.rows_affected == 1 && decision.kind == DecisionKind::Single {
        for proposal_id in proposal_ids(db, decision.id).await? {
            change_status(
                db,
                proposal_id,
                &[ProposalStatus::Open],
                ProposalStatus::Voting,
                at,
                by,
            )
            .await?;
        }
    }
    Ok(started.rows_affected == 1)
}

/// The proposal a decision is about: it exists, and is open for discussion (a proposal being
/// voted on, or already decided, cannot get another decision).
pub(super) async fn open_proposal(
    db: &impl ConnectionTrait,
    id: ProposalId,
) -> Result<proposal::Model, AppError> {
    let proposal = proposal::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if proposal.status == ProposalStatus::Open {
        Ok(proposal)
    } else {
        Err(AppError::field(
            "proposal",
            "error-decision-proposal-not-open",
        ))
    }
}

pub(crate) async fn proposal_ids(
    db: &impl ConnectionTrait,
    decision_id: i32,
) -> Result<Vec<i32>, AppError> {
    Ok(decision_proposal::Entity::find()
        .filter(decision_proposal::Column::DecisionId.eq(decision_id))
        .order_by_asc(decision_proposal::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.proposal_id)
        .collect())
}
