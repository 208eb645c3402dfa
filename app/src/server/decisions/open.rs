//! Opening a decision: a yes / no / abstain vote on one proposal, now or at a set time.
use super::checks::METHOD_ONLINE;
use super::checks::check_rule;
use super::checks::check_schedule;
use super::checks::field;
use super::close::count_i32;
use crate::domain::{DecisionKind, ProposalStatus};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{decision, decision_proposal, proposal};
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

/// What staff typed in the form that opens a decision on one proposal.
pub struct NewDecision<'a> {
    pub proposal: &'a str,
    pub eligibility: &'a str,
    /// `now` or `later`.
    pub opens: &'a str,
    /// Local time in the estate's zone, `2026-11-24T18:00` (used when `opens` is `later`).
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub quorum: &'a str,
}

/// Opens (or schedules) a yes / no / abstain decision on one proposal. Every field is checked
/// at once; the proposal must be open for discussion.
pub async fn open_single(
    db: &DatabaseConnection,
    staff: &Member,
    new: NewDecision<'_>,
    zone: Tz,
) -> Result<i32, AppError> {
    let at = now();
    let mut errors = Vec::new();
    let proposal = match new.proposal.trim().parse::<i32>() {
        Ok(id) => proposal::Entity::find_by_id(id).one(db).await?,
        Err(_) => None,
    };
    let proposal = match proposal {
        Some(p) if p.status == ProposalStatus::Open.as_str() => Some(p),
        Some(_) => {
            errors.push(field("proposal", "error-decision-proposal-not-open"));
            None
        }
        None => return Err(AppError::NotFound),
    };
    let (eligibility, quorum) = check_rule(new.eligibility, new.quorum, &mut errors);
    let (opens_at, closes_at) = check_schedule(
        new.opens,
        new.opens_at,
        new.closes_at,
        zone,
        at,
        &mut errors,
    );
    let (Some(proposal), Some(eligibility), Some(quorum), Some(opens_at), Some(closes_at)) =
        (proposal, eligibility, quorum, opens_at, closes_at)
    else {
        return Err(AppError::fields(errors));
    };

    let txn = db.begin().await?;
    let row = decision::ActiveModel {
        kind: Set(DecisionKind::Single.as_str().into()),
        method: Set(METHOD_ONLINE.into()),
        title: Set(proposal.title.clone()),
        eligibility: Set(eligibility.as_str().into()),
        quorum: Set(count_i32(quorum.voters())),
        opens_at: Set(opens_at),
        closes_at: Set(closes_at),
        created_by: Set(staff.id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    decision_proposal::ActiveModel {
        decision_id: Set(row.id),
        proposal_id: Set(proposal.id),
        position: Set(0),
    }
    .insert(&txn)
    .await?;
    let started = opens_at <= at && start(&txn, &row, at, Some(staff.id)).await?;
    txn.commit().await?;
    if started {
        notifications::send(db, Event::DecisionOpened(row.id)).await;
    }
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
    if started.rows_affected == 1 && decision.kind == DecisionKind::Single.as_str() {
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
