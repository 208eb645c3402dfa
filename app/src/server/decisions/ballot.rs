//! Voting: who may, and casting a ballot whose choice only the open-ballot table holds until the close.
use super::close::count_i32;
use super::open::proposal_ids;
use crate::domain::{Choice, DecisionKind, VotingMethod};
use crate::error::AppError;
use crate::permissions::may_vote;
use crate::server::clock::now;
use crate::server::entities::{decision, decision_participant, open_ballot_mark};
use crate::views::decisions::{CannotVote, DecisionState};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

pub(super) fn state_of(row: &decision::Model, at: DateTime<Utc>) -> DecisionState {
    if row.cancelled_at.is_some() {
        DecisionState::Cancelled
    } else if row.closed_at.is_some() || row.closes_at <= at {
        DecisionState::Closed
    } else if row.opens_at > at {
        DecisionState::Scheduled
    } else {
        DecisionState::Open
    }
}

pub(super) fn cannot_vote(
    row: &decision::Model,
    member: Option<&Member>,
    at: DateTime<Utc>,
) -> Option<CannotVote> {
    match state_of(row, at) {
        DecisionState::Scheduled => return Some(CannotVote::NotOpenYet),
        DecisionState::Closed | DecisionState::Cancelled => return Some(CannotVote::Over),
        DecisionState::Open => {}
    }
    match member {
        None => Some(CannotVote::NotSignedIn),
        Some(member) if member.suspended => Some(CannotVote::Suspended),
        Some(member) if !may_vote(Some(member), row.eligibility) => Some(CannotVote::OnlyCoreGroup),
        Some(_) => None,
    }
}

/// Casts or changes `voter`'s vote on a yes / no / abstain decision. `assisted_by` is the staff
/// member at whose device a member voted; it is recorded, the choice is not tied to it.
pub async fn vote(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    choice: Choice,
    assisted_by: Option<i32>,
) -> Result<(), AppError> {
    votable(db, voter, decision_id, DecisionKind::Single).await?;
    let proposal_id = proposal_ids(db, decision_id)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::Internal)?;

    cast(
        db,
        voter,
        decision_id,
        vec![(proposal_id, Some(choice), None)],
        assisted_by,
    )
    .await
}

/// The decision `voter` wants to vote in, if it is of `kind`, voted on in Spolu, open, and theirs to
/// vote in (the last two are checked again, atomically, by [`cast`]).
pub(crate) async fn votable(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    kind: DecisionKind,
) -> Result<decision::Model, AppError> {
    let row = decision::Entity::find_by_id(decision_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.kind != kind || row.method != VotingMethod::Online {
        return Err(AppError::BadRequest);
    }
    match cannot_vote(&row, Some(voter), now()) {
        None => Ok(row),
        Some(CannotVote::OnlyCoreGroup | CannotVote::NotSignedIn) => Err(AppError::Forbidden),
        Some(CannotVote::Suspended) => Err(AppError::Suspended),
        Some(_) => Err(AppError::field("choice", "error-vote-closed")),
    }
}

/// Replaces `voter`'s marks on an open decision with `marks` (proposal, choice, dots) and records
/// that they took part — one transaction, ordered against the close.
pub(crate) async fn cast(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    marks: Vec<(i32, Option<Choice>, Option<u32>)>,
    assisted_by: Option<i32>,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    // The first statement writes the decision's row, and only while it is open: this orders the
    // vote against the close (see the module's comment).
    let still_open = decision::Entity::update_many()
        .col_expr(
            decision::Column::ClosesAt,
            Expr::col(decision::Column::ClosesAt),
        )
        .filter(decision::Column::Id.eq(decision_id))
        .filter(decision::Column::ClosedAt.is_null())
        .filter(decision::Column::CancelledAt.is_null())
        .filter(decision::Column::OpensAt.lte(at))
        .filter(decision::Column::ClosesAt.gt(at))
        .exec(&txn)
        .await?;
    if still_open.rows_affected != 1 {
        return Err(AppError::field("choice", "error-vote-closed"));
    }
    open_ballot_mark::Entity::delete_many()
        .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
        .filter(open_ballot_mark::Column::MemberId.eq(voter.id))
        .exec(&txn)
        .await?;
    open_ballot_mark::Entity::insert_many(marks.into_iter().map(|(proposal_id, choice, dots)| {
        open_ballot_mark::ActiveModel {
            decision_id: Set(decision_id),
            member_id: Set(voter.id),
            proposal_id: Set(proposal_id),
            choice: Set(choice),
            dots: Set(dots.map(count_i32)),
        }
    }))
    .exec(&txn)
    .await?;
    let taken_part = decision_participant::Entity::find_by_id((decision_id, voter.id))
        .one(&txn)
        .await?;
    match taken_part {
        Some(row) => {
            let mut participant: decision_participant::ActiveModel = row.into();
            participant.voted_at = Set(at);
            participant.assisted_by = Set(assisted_by);
            participant.update(&txn).await?;
        }
        None => {
            decision_participant::ActiveModel {
                decision_id: Set(decision_id),
                member_id: Set(voter.id),
                assisted_by: Set(assisted_by),
                voted_at: Set(at),
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    // Counted once stored; never which way.
    metrics::counter!("spolu_votes_cast_total").increment(1);
    Ok(())
}
