//! Writing a new decision, the same for every kind: its row, its proposals in the order staff
//! gave them and, for one held in a meeting, the counts from the room.
use super::close::{count_i32, count64};
use super::open::start;
use crate::domain::{
    DecisionKind, DecisionRule, MeetingNote, Outcome, Tally, VotingMethod, VotingWindow,
};
use crate::error::AppError;
use crate::server::entities::{decision, decision_proposal, decision_tally};
use crate::server::notifications::{self, Event};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, Set};

/// What every new decision's row says: its kind, question and rule, who made it and when.
pub(super) struct Basics<'a> {
    pub kind: DecisionKind,
    pub title: &'a str,
    pub rule: DecisionRule,
    pub staff: &'a Member,
    pub at: DateTime<Utc>,
}

/// What a meeting's record adds: the day, how many could and did take part, the result, the
/// note.
pub(super) struct Held<'a> {
    pub held_at: DateTime<Utc>,
    pub eligible: u64,
    pub voters: u32,
    pub outcome: Outcome,
    pub note: &'a MeetingNote,
}

impl<'a> Basics<'a> {
    pub(super) fn new(
        kind: DecisionKind,
        title: &'a str,
        rule: DecisionRule,
        staff: &'a Member,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            kind,
            title,
            rule,
            staff,
            at,
        }
    }

    fn row(&self, method: VotingMethod) -> decision::ActiveModel {
        decision::ActiveModel {
            kind: Set(self.kind),
            method: Set(method),
            title: Set(self.title.to_owned()),
            eligibility: Set(self.rule.eligibility),
            quorum: Set(count_i32(self.rule.quorum.voters())),
            created_by: Set(self.staff.id),
            created_at: Set(self.at),
            ..Default::default()
        }
    }

    /// The row of a decision members vote on in Spolu during `window`.
    pub(super) fn online(&self, window: VotingWindow) -> decision::ActiveModel {
        decision::ActiveModel {
            opens_at: Set(window.opens_at()),
            closes_at: Set(window.closes_at()),
            ..self.row(VotingMethod::Online)
        }
    }

    /// The row of a decision taken in a meeting: opened, closed and counted at once.
    pub(super) fn held(&self, held: Held<'_>) -> decision::ActiveModel {
        decision::ActiveModel {
            opens_at: Set(held.held_at),
            closes_at: Set(held.held_at),
            started_at: Set(Some(self.at)),
            closed_at: Set(Some(self.at)),
            eligible_count: Set(Some(count64(held.eligible))),
            voter_count: Set(Some(count_i32(held.voters))),
            outcome: Set(Some(held.outcome)),
            meeting_note: Set(Some(held.note.as_str().to_owned())),
            ..self.row(VotingMethod::Meeting)
        }
    }
}

/// Stores the decision's row and its proposals, in order.
pub(super) async fn insert(
    txn: &DatabaseTransaction,
    row: decision::ActiveModel,
    proposals: &[i32],
) -> Result<decision::Model, AppError> {
    let row = row.insert(txn).await?;
    decision_proposal::Entity::insert_many(proposals.iter().zip(0..).map(|(id, position)| {
        decision_proposal::ActiveModel {
            decision_id: Set(row.id),
            proposal_id: Set(*id),
            position: Set(position),
        }
    }))
    .exec(txn)
    .await?;
    Ok(row)
}

/// Stores what a meeting counted for each proposal: yes / no / abstain, or dots.
pub(super) async fn insert_counts(
    txn: &DatabaseTransaction,
    decision_id: i32,
    counts: impl IntoIterator<Item = (i32, Tally, u32)>,
) -> Result<(), AppError> {
    decision_tally::Entity::insert_many(counts.into_iter().map(|(proposal_id, tally, dots)| {
        decision_tally::ActiveModel {
            decision_id: Set(decision_id),
            proposal_id: Set(proposal_id),
            yes: Set(count_i32(tally.yes)),
            no: Set(count_i32(tally.no)),
            abstain: Set(count_i32(tally.abstain)),
            dots: Set(count_i32(dots)),
        }
    }))
    .exec(txn)
    .await?;
    Ok(())
}

/// Commits a new online decision, opening it at once when its window has begun, and tells its
/// voters after the commit.
pub(super) async fn commit_online(
    db: &DatabaseConnection,
    txn: DatabaseTransaction,
    row: &decision::Model,
    basics: &Basics<'_>,
) -> Result<(), AppError> {
    let started =
        row.opens_at <= basics.at && start(&txn, row, basics.at, Some(basics.staff.id)).await?;
    txn.commit().await?;
    if started {
        notifications::send(db, Event::DecisionOpened(row.id)).await;
    }
    Ok(())
}
