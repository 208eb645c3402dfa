//! Closing: counting the ballots into the tally in one transaction, on time, early or by cancelling.
use super::ballot::state_of;
use super::open::proposal_ids;
use super::open::start;
use crate::domain::{
    CancelReason, Choice, DecisionKind, Eligibility, Outcome, ProposalStatus, Quorum, Tally,
};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{
    decision, decision_participant, decision_tally, open_ballot_mark, user,
};
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::views::decisions::DecisionState;
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

/// Closes a decision whose time is up (or that staff close early, `by`): counts the open marks
/// into tallies, stores turnout and outcome, moves the proposals, and deletes the marks — all in one
/// transaction. Does nothing if it is already closed.
pub async fn close(
    db: &DatabaseConnection,
    decision_id: i32,
    by: Option<i32>,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    let closing = decision::Entity::update_many()
        .col_expr(decision::Column::ClosedAt, Expr::value(at))
        .filter(decision::Column::Id.eq(decision_id))
        .filter(decision::Column::ClosedAt.is_null())
        .filter(decision::Column::CancelledAt.is_null())
        .filter(decision::Column::ClosesAt.lte(at))
        .exec(&txn)
        .await?;
    if closing.rows_affected != 1 {
        return Ok(());
    }
    let row = decision::Entity::find_by_id(decision_id)
        .one(&txn)
        .await?
        .ok_or(AppError::Internal)?;
    // Counted by the database: a city's 250 000 marks never come into memory.
    let counts: Vec<(i32, Option<Choice>, i64, Option<i64>)> = open_ballot_mark::Entity::find()
        .select_only()
        .column(open_ballot_mark::Column::ProposalId)
        .column(open_ballot_mark::Column::Choice)
        .column_as(open_ballot_mark::Column::MemberId.count(), "marks")
        .column_as(open_ballot_mark::Column::Dots.sum(), "dots")
        .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
        .group_by(open_ballot_mark::Column::ProposalId)
        .group_by(open_ballot_mark::Column::Choice)
        .into_tuple()
        .all(&txn)
        .await?;
    let proposals = proposal_ids(&txn, decision_id).await?;
    let voters = decision_participant::Entity::find()
        .filter(decision_participant::Column::DecisionId.eq(decision_id))
        .count(&txn)
        .await?;
    let quorum =
        Quorum::new(u32::try_from(row.quorum).unwrap_or(0)).map_err(|_| AppError::Internal)?;
    // Replaced per proposal for a yes / no / abstain decision; a poll's stays.
    let mut outcome = Outcome::of_poll(u32::try_from(voters).unwrap_or(u32::MAX), quorum);
    for proposal_id in &proposals {
        let mine = counts.iter().filter(|c| c.0 == *proposal_id);
        let tally = mine.clone().fold(Tally::default(), |tally, c| match c.1 {
            Some(choice) => tally.with(choice, u32::try_from(c.2).unwrap_or(u32::MAX)),
            None => tally,
        });
        let dots: i64 = mine.filter_map(|c| c.3).sum();
        let dots = i32::try_from(dots).unwrap_or(i32::MAX);
        decision_tally::ActiveModel {
            decision_id: Set(decision_id),
            proposal_id: Set(*proposal_id),
            yes: Set(count_i32(tally.yes)),
            no: Set(count_i32(tally.no)),
            abstain: Set(count_i32(tally.abstain)),
            dots: Set(dots),
        }
        .insert(&txn)
        .await?;
        if row.kind == DecisionKind::Single {
            outcome = tally.outcome(quorum);
            let to = outcome.proposal_status();
            change_status(&txn, *proposal_id, &[ProposalStatus::Voting], to, at, by).await?;
        }
    }
    let eligible = eligible_count(&txn, row.eligibility).await?;
    decision::Entity::update_many()
        .col_expr(decision::Column::VoterCount, Expr::value(count64(voters)))
        .col_expr(
            decision::Column::EligibleCount,
            Expr::value(count64(eligible)),
        )
        .col_expr(decision::Column::Outcome, Expr::value(outcome))
        .filter(decision::Column::Id.eq(decision_id))
        .exec(&txn)
        .await?;
    // The secret: from here on, no row says who chose what.
    open_ballot_mark::Entity::delete_many()
        .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    notifications::send(db, Event::DecisionClosed(decision_id)).await;
    Ok(())
}

pub(crate) fn count_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) fn count64(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub(crate) async fn eligible_count(
    db: &impl ConnectionTrait,
    eligibility: Eligibility,
) -> Result<u64, AppError> {
    let query = user::Entity::find();
    let query = match eligibility {
        Eligibility::CoreGroup => query.filter(user::Column::Core.eq(true)),
        Eligibility::AllMembers => query,
    };
    Ok(query.count(db).await?)
}

/// Staff close a decision now, before its time.
pub async fn close_early(
    db: &DatabaseConnection,
    staff: &Member,
    decision_id: i32,
) -> Result<(), AppError> {
    let at = now();
    let row = decision::Entity::find_by_id(decision_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if state_of(&row, at) != DecisionState::Open {
        return Err(AppError::field("decision", "error-decision-not-open"));
    }
    decision::Entity::update_many()
        .col_expr(decision::Column::ClosesAt, Expr::value(at))
        .filter(decision::Column::Id.eq(decision_id))
        .filter(decision::Column::ClosedAt.is_null())
        .exec(db)
        .await?;
    close(db, decision_id, Some(staff.id)).await
}

/// Staff cancel a decision that has not closed, with a reason shown to everyone. Choices made so
/// far are deleted uncounted; the proposals go back to discussion.
pub async fn cancel(
    db: &DatabaseConnection,
    staff: &Member,
    decision_id: i32,
    reason: &CancelReason,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    let cancelled = decision::Entity::update_many()
        .col_expr(decision::Column::CancelledAt, Expr::value(at))
        .col_expr(decision::Column::CancelReason, Expr::value(reason.as_str()))
        .filter(decision::Column::Id.eq(decision_id))
        .filter(decision::Column::ClosedAt.is_null())
        .filter(decision::Column::CancelledAt.is_null())
        .exec(&txn)
        .await?;
    if cancelled.rows_affected != 1 {
        return Err(AppError::field("reason", "error-decision-not-open"));
    }
    open_ballot_mark::Entity::delete_many()
        .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
        .exec(&txn)
        .await?;
    for proposal_id in proposal_ids(&txn, decision_id).await? {
        change_status(
            &txn,
            proposal_id,
            &[ProposalStatus::Voting],
            ProposalStatus::Open,
            at,
            Some(staff.id),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Opens the decisions whose time has come and closes those whose time is up. Run by the server's
/// clock every second, whether or not anyone visits; safe on several instances at once.
pub async fn run_due(db: &DatabaseConnection) -> Result<(), AppError> {
    let at = now();
    let unfinished = Condition::all()
        .add(decision::Column::ClosedAt.is_null())
        .add(decision::Column::CancelledAt.is_null());
    let to_start = decision::Entity::find()
        .filter(unfinished.clone())
        .filter(decision::Column::StartedAt.is_null())
        .filter(decision::Column::OpensAt.lte(at))
        .all(db)
        .await?;
    for row in to_start {
        let txn = db.begin().await?;
        let started = start(&txn, &row, at, None).await?;
        txn.commit().await?;
        if started {
            notifications::send(db, Event::DecisionOpened(row.id)).await;
        }
    }
    let to_close: Vec<i32> = decision::Entity::find()
        .select_only()
        .column(decision::Column::Id)
        .filter(unfinished)
        .filter(decision::Column::ClosesAt.lte(at))
        .into_tuple()
        .all(db)
        .await?;
    for id in to_close {
        close(db, id, None).await?;
    }
    remind_due(db, at).await
}

/// A day before an open decision closes, those who have not voted hear it once (whichever
/// instance gets there first marks it). A vote that lasts a day or less has its opening news
/// and needs no reminder.
async fn remind_due(db: &DatabaseConnection, at: DateTime<Utc>) -> Result<(), AppError> {
    let day = chrono::Duration::hours(24);
    let closing = decision::Entity::find()
        .filter(decision::Column::ClosedAt.is_null())
        .filter(decision::Column::CancelledAt.is_null())
        .filter(decision::Column::StartedAt.is_not_null())
        .filter(decision::Column::RemindedAt.is_null())
        .filter(decision::Column::ClosesAt.gt(at))
        .filter(decision::Column::ClosesAt.lte(at + day))
        .all(db)
        .await?;
    for row in closing {
        if row
            .started_at
            .is_some_and(|started| started > row.closes_at - day)
        {
            continue;
        }
        let marked = decision::Entity::update_many()
            .col_expr(decision::Column::RemindedAt, Expr::value(at))
            .filter(decision::Column::Id.eq(row.id))
            .filter(decision::Column::RemindedAt.is_null())
            .exec(db)
            .await?;
        if marked.rows_affected == 1 {
            notifications::send(db, Event::DecisionClosing(row.id)).await;
        }
    }
    Ok(())
}
