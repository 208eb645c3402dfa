//! A decision taken in a meeting: staff record the tally counted in the room.
use super::checks::METHOD_MEETING;
use super::checks::check_count;
use super::checks::check_meeting_day;
use super::checks::check_note;
use super::checks::check_rule;
use super::checks::decided;
use super::checks::field;
use super::close::count_i32;
use super::close::count64;
use super::close::eligible_count;
use crate::domain::{DecisionKind, ProposalStatus, Tally};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{decision, decision_proposal, decision_tally, proposal};
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};

/// What staff typed to record a yes / no / abstain vote counted in a meeting.
pub struct MeetingTally<'a> {
    pub proposal: &'a str,
    pub eligibility: &'a str,
    /// The meeting's day, `2026-11-24`; not in the future.
    pub held_on: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
    pub abstain: &'a str,
    pub quorum: &'a str,
    /// E.g. "core-group meeting, 12 present"; shown with the result.
    pub note: &'a str,
}

/// Records a decision taken in a meeting: the tally counted in the room becomes the decision's
/// result at once, by the same rule and quorum as an online vote; nobody votes in Spolu.
pub async fn record_meeting(
    db: &DatabaseConnection,
    staff: &Member,
    meeting: MeetingTally<'_>,
    zone: Tz,
) -> Result<i32, AppError> {
    let at = now();
    let mut errors = Vec::new();
    let proposal = match meeting.proposal.trim().parse::<i32>() {
        Ok(id) => proposal::Entity::find_by_id(id).one(db).await?,
        Err(_) => None,
    }
    .ok_or(AppError::NotFound)?;
    if proposal.status != ProposalStatus::Open.as_str() {
        errors.push(field("proposal", "error-decision-proposal-not-open"));
    }
    let (eligibility, quorum) = check_rule(meeting.eligibility, meeting.quorum, &mut errors);
    let (yes, no, abstain) = (
        check_count("yes", meeting.yes, &mut errors),
        check_count("no", meeting.no, &mut errors),
        check_count("abstain", meeting.abstain, &mut errors),
    );
    let held_at = check_meeting_day(meeting.held_on, zone, at, &mut errors);
    let note = check_note(meeting.note, &mut errors);
    let (true, Some(eligibility), Some(quorum), Some(yes), Some(no), Some(abstain), Some(held_at)) = (
        errors.is_empty(),
        eligibility,
        quorum,
        yes,
        no,
        abstain,
        held_at,
    ) else {
        return Err(AppError::fields(errors));
    };
    let tally = Tally { yes, no, abstain };
    let outcome = tally.outcome(quorum);

    // Read before the transaction: on SQLite a transaction must write first.
    let eligible = eligible_count(db, eligibility).await?;
    let txn = db.begin().await?;
    let row = decision::ActiveModel {
        kind: Set(DecisionKind::Single.as_str().into()),
        method: Set(METHOD_MEETING.into()),
        title: Set(proposal.title.clone()),
        eligibility: Set(eligibility.as_str().into()),
        quorum: Set(count_i32(quorum.voters())),
        opens_at: Set(held_at),
        closes_at: Set(held_at),
        started_at: Set(Some(at)),
        closed_at: Set(Some(at)),
        eligible_count: Set(Some(count64(eligible))),
        voter_count: Set(Some(count_i32(tally.voters()))),
        outcome: Set(Some(outcome.as_str().into())),
        meeting_note: Set(Some(note.into())),
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
    decision_tally::ActiveModel {
        decision_id: Set(row.id),
        proposal_id: Set(proposal.id),
        yes: Set(count_i32(yes)),
        no: Set(count_i32(no)),
        abstain: Set(count_i32(abstain)),
        dots: Set(0),
    }
    .insert(&txn)
    .await?;
    change_status(
        &txn,
        proposal.id,
        &[ProposalStatus::Open],
        decided(outcome),
        at,
        Some(staff.id),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::DecisionClosed(row.id)).await;
    Ok(row.id)
}
