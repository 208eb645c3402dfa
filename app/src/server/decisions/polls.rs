//! Priority polls: each voter spreads a number of dots (3 by default) over several proposals, at
//! most a set number on one. The result is the order of the dots; the proposals' statuses do not
//! change, since a poll ranks rather than decides. Voting, closing and the secret are the same as
//! for yes / no / abstain decisions (see `decisions`).
use super::store::{self, Basics, Held};
use crate::domain::{
    DecisionKind, DecisionRule, Dots, MeetingNote, Outcome, PollTitle, ProposalId, ProposalStatus,
    Tally, VotingWindow,
};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::decisions::{cast, count_i32, eligible_count, votable};
use crate::server::entities::{decision, proposal};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// A priority poll to open (see `forms::PollForm`).
pub struct NewPoll {
    pub title: PollTitle,
    /// The proposals to rank (at least two; each must be open for discussion).
    pub proposals: Vec<ProposalId>,
    pub rule: DecisionRule,
    pub window: VotingWindow,
    pub dots: Dots,
}

/// Every proposal a poll ranks is open for discussion.
async fn check_open_proposals(db: &DatabaseConnection, ids: &[i32]) -> Result<(), AppError> {
    let open = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(ids.iter().copied()))
        .filter(proposal::Column::Status.eq(ProposalStatus::Open))
        .count(db)
        .await?;
    if ids.len() < 2 || usize::try_from(open).ok() != Some(ids.len()) {
        return Err(AppError::field("proposals", "error-poll-proposals"));
    }
    Ok(())
}

pub async fn open_poll(
    db: &DatabaseConnection,
    staff: &Member,
    new: NewPoll,
) -> Result<i32, AppError> {
    let ids: Vec<i32> = new.proposals.iter().map(|id| id.0).collect();
    check_open_proposals(db, &ids).await?;
    let NewPoll {
        title,
        rule,
        window,
        dots,
        ..
    } = new;
    let basics = Basics::new(DecisionKind::Priority, title.as_str(), rule, staff, now());
    let txn = db.begin().await?;
    let row = decision::ActiveModel {
        dots_per_voter: Set(Some(count_i32(dots.per_voter()))),
        dots_per_proposal: Set(Some(count_i32(dots.per_proposal()))),
        ..basics.online(window)
    };
    let row = store::insert(&txn, row, &ids).await?;
    store::commit_online(db, txn, &row, &basics).await?;
    Ok(row.id)
}

/// Casts or changes `voter`'s dots: one number per proposal of the poll, in the poll's order.
pub async fn vote_dots(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    numbers: &[u32],
    assisted_by: Option<i32>,
) -> Result<(), AppError> {
    let row = votable(db, voter, decision_id, DecisionKind::Priority).await?;
    let proposals = crate::server::decisions::proposal_ids(db, decision_id).await?;
    if numbers.len() != proposals.len() {
        return Err(AppError::field("dots", "error-dots-too-many-on-one"));
    }
    let rules = Dots::new(
        u32::try_from(row.dots_per_voter.unwrap_or(0)).unwrap_or(0),
        u32::try_from(row.dots_per_proposal.unwrap_or(0)).unwrap_or(0),
    )
    .map_err(|_| AppError::Internal)?;
    rules
        .check_ballot(numbers)
        .map_err(|m| AppError::field("dots", m))?;
    let marks = proposals
        .into_iter()
        .zip(numbers.iter().copied())
        .filter(|(_, n)| *n > 0)
        .map(|(proposal, n)| (proposal, None, Some(n)))
        .collect();
    cast(db, voter, decision_id, marks, assisted_by).await
}

/// A priority poll counted in a meeting, to record (see `forms::MeetingPollForm`).
pub struct MeetingPoll {
    pub title: PollTitle,
    /// Each proposal put to the room, with the dots it got (at least two proposals).
    pub dots: Vec<(ProposalId, u32)>,
    pub rule: DecisionRule,
    /// When the meeting was held (noon of its day).
    pub held_at: DateTime<Utc>,
    /// How many people put dots in the room.
    pub voters: u32,
    pub note: MeetingNote,
}

/// Records a priority poll held in a meeting: the dots counted in the room become the result
/// at once (ranked if enough people took part); nobody votes in Spolu.
pub async fn record_meeting_poll(
    db: &DatabaseConnection,
    staff: &Member,
    meeting: MeetingPoll,
) -> Result<i32, AppError> {
    let at = now();
    let ids: Vec<i32> = meeting.dots.iter().map(|(id, _)| id.0).collect();
    check_open_proposals(db, &ids).await?;
    let MeetingPoll {
        title,
        dots: rows,
        rule,
        held_at,
        voters,
        note,
    } = meeting;
    let basics = Basics::new(DecisionKind::Priority, title.as_str(), rule, staff, at);
    // Read before the transaction: on SQLite a transaction must write first.
    let eligible = eligible_count(db, rule.eligibility).await?;
    let txn = db.begin().await?;
    let held = Held {
        held_at,
        eligible,
        voters,
        outcome: Outcome::of_poll(voters, rule.quorum),
        note: &note,
    };
    let row = store::insert(&txn, basics.held(held), &ids).await?;
    let counts = rows
        .iter()
        .map(|(id, dots)| (id.0, Tally::default(), *dots));
    store::insert_counts(&txn, row.id, counts).await?;
    txn.commit().await?;
    Ok(row.id)
}
