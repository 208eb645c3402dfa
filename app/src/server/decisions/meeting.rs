//! A decision taken in a meeting: staff record the tally counted in the room.
use super::close::eligible_count;
use super::open::open_proposal;
use super::store::{self, Basics, Held};
use crate::domain::{DecisionKind, DecisionRule, MeetingNote, ProposalId, ProposalStatus, Tally};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};

/// A yes / no / abstain vote counted in a meeting, to record (see `forms::MeetingTallyForm`).
pub struct MeetingTally {
    pub proposal: ProposalId,
    pub rule: DecisionRule,
    /// When the meeting was held (noon of its day).
    pub held_at: DateTime<Utc>,
    pub tally: Tally,
    /// E.g. "core-group meeting, 12 present"; shown with the result.
    pub note: MeetingNote,
}

/// Records a decision taken in a meeting: the tally counted in the room becomes the decision's
/// result at once, by the same rule and quorum as an online vote; nobody votes in Spolu.
pub async fn record_meeting(
    db: &DatabaseConnection,
    staff: &Member,
    meeting: MeetingTally,
) -> Result<i32, AppError> {
    let at = now();
    let proposal = open_proposal(db, meeting.proposal).await?;
    let MeetingTally {
        rule,
        held_at,
        tally,
        note,
        ..
    } = meeting;
    let outcome = tally.outcome(rule.quorum);
    let basics = Basics::new(DecisionKind::Single, &proposal.title, rule, staff, at);
    // Read before the transaction: on SQLite a transaction must write first.
    let eligible = eligible_count(db, rule.eligibility).await?;
    let txn = db.begin().await?;
    let held = Held {
        held_at,
        eligible,
        voters: tally.voters(),
        outcome,
        note: &note,
    };
    let row = store::insert(&txn, basics.held(held), &[proposal.id]).await?;
    store::insert_counts(&txn, row.id, [(proposal.id, tally, 0)]).await?;
    change_status(
        &txn,
        proposal.id,
        &[ProposalStatus::Open],
        outcome.proposal_status(),
        at,
        Some(staff.id),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::DecisionClosed(row.id)).await;
    Ok(row.id)
}
