//! Decisions on the server: opening, voting, closing on time, results. The secret is kept by the
//! tables (see the migration): while a decision is open, each voter's current choice is a row of
//! `open_ballot_marks`; the close counts them into `decision_tallies` and deletes them in one
//! transaction. Who took part stays in `decision_participants`, without choices.
//!
//! Votes and the close are serialised on the decision's row: a vote begins by updating the row
//! only if the decision is still open, and the close begins by marking it closed. On PostgreSQL the
//! row lock orders them; on SQLite the first write takes the database's write lock. So a vote is
//! either counted or refused, never lost, even in the same second as the close.
pub mod polls;
use crate::decisions::{
    CannotVote, DecisionCard, DecisionResult, DecisionState, DecisionView, TallyRow,
};
use crate::domain::{Choice, DecisionKind, Eligibility, Outcome, ProposalStatus, Quorum, Tally};
use crate::error::{AppError, FieldError};
use crate::permissions::may_vote;
use crate::server::clock::{now, parse_local, to_local};
use crate::server::entities::{
    decision, decision_participant, decision_proposal, decision_tally, open_ballot_mark, proposal,
    user,
};
use crate::server::notifications::{self, Event};
use crate::server::proposal_words;
use crate::server::proposal_words::{decision_title, shown_titles};
use crate::server::proposals::change_status;
use crate::visitor::Member;
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

/// Members vote in Spolu; or staff record a tally counted in a meeting.
pub(crate) const METHOD_ONLINE: &str = "online";
pub(crate) const METHOD_MEETING: &str = "meeting";

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

pub(crate) fn field(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
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

const MAX_NOTE: usize = 500;

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

/// Who votes and how many must: what every kind of decision asks, a message on `eligibility` or
/// `quorum` for each problem.
pub(crate) fn check_rule(
    eligibility: &str,
    quorum: &str,
    errors: &mut Vec<FieldError>,
) -> (Option<Eligibility>, Option<Quorum>) {
    let eligibility = Eligibility::parse(eligibility);
    if eligibility.is_none() {
        errors.push(field("eligibility", "error-decision-eligibility"));
    }
    let quorum = Quorum::parse(quorum)
        .map_err(|m| errors.push(field("quorum", m)))
        .ok();
    (eligibility, quorum)
}

/// A number counted in a meeting (votes, dots, people): 0 to 10 000.
pub(crate) fn check_count(name: &str, input: &str, errors: &mut Vec<FieldError>) -> Option<u32> {
    let parsed = input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= Quorum::MAX);
    if parsed.is_none() {
        errors.push(field(name, "error-count-range"));
    }
    parsed
}

/// Where a yes / no / abstain decision leaves its proposal.
fn decided(outcome: Outcome) -> ProposalStatus {
    if outcome.is_accepted() {
        ProposalStatus::Accepted
    } else {
        ProposalStatus::Rejected
    }
}

/// When a decision opens (`now`, or `later` at `opens_at`) and closes, in the estate's local time;
/// a message on `opens_at` or `closes_at` for each problem.
pub(crate) fn check_schedule(
    opens: &str,
    opens_at: &str,
    closes_at: &str,
    zone: Tz,
    at: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let opens_at = if opens == "later" {
        let parsed = parse_local(opens_at, zone).filter(|t| *t > at);
        if parsed.is_none() {
            errors.push(field("opens_at", "error-decision-opens-at"));
        }
        parsed
    } else {
        Some(at)
    };
    let closes_at = match (parse_local(closes_at, zone), opens_at) {
        (Some(closes), Some(opens)) if closes > opens => Some(closes),
        (Some(_), None) => None,
        _ => {
            errors.push(field("closes_at", "error-decision-closes-at"));
            None
        }
    };
    (opens_at, closes_at)
}

/// The meeting's day (`2026-11-24`, not in the future) as noon of that day (today: now at the
/// latest), so it sorts among the day's events.
pub(crate) fn check_meeting_day(
    input: &str,
    zone: Tz,
    at: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> Option<DateTime<Utc>> {
    let today = at.with_timezone(&zone).date_naive();
    let held_at = chrono::NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .ok()
        .filter(|day| *day <= today)
        .and_then(|day| day.and_hms_opt(12, 0, 0))
        .and_then(|noon| zone.from_local_datetime(&noon).earliest())
        .map(|local| local.with_timezone(&Utc).min(at));
    if held_at.is_none() {
        errors.push(field("held_on", "error-meeting-date"));
    }
    held_at
}

/// The meeting's note, shown with the result: required, at most 500 characters.
pub(crate) fn check_note<'a>(input: &'a str, errors: &mut Vec<FieldError>) -> &'a str {
    let note = input.trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE {
        errors.push(field("note", "error-meeting-note"));
    }
    note
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

fn eligibility_of(row: &decision::Model) -> Eligibility {
    Eligibility::parse(&row.eligibility).unwrap_or_default()
}

fn state_of(row: &decision::Model, at: DateTime<Utc>) -> DecisionState {
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

fn cannot_vote(
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
        Some(member) if !may_vote(Some(member), eligibility_of(row)) => {
            Some(CannotVote::OnlyCoreGroup)
        }
        Some(_) => None,
    }
}

/// Casts or changes `voter`'s vote on a yes / no / abstain decision. `assisted_by` is the staff
/// member at whose device a member voted; it is recorded, the choice is not tied to it.
pub async fn vote(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    choice: &str,
    assisted_by: Option<i32>,
) -> Result<(), AppError> {
    let choice =
        Choice::parse(choice).ok_or_else(|| AppError::field("choice", "error-vote-choice"))?;
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
    if row.kind != kind.as_str() || row.method != METHOD_ONLINE {
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
            choice: Set(choice.map(|c| c.as_str().to_owned())),
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
    let marks = open_ballot_mark::Entity::find()
        .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
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
        let tally = Tally::count(
            marks
                .iter()
                .filter(|m| m.proposal_id == *proposal_id)
                .filter_map(|m| m.choice.as_deref().and_then(Choice::parse)),
        );
        let dots: i32 = marks
            .iter()
            .filter(|m| m.proposal_id == *proposal_id)
            .filter_map(|m| m.dots)
            .sum();
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
        if row.kind == DecisionKind::Single.as_str() {
            outcome = tally.outcome(quorum);
            let to = decided(outcome);
            change_status(&txn, *proposal_id, &[ProposalStatus::Voting], to, at, by).await?;
        }
    }
    let eligible = eligible_count(&txn, eligibility_of(&row)).await?;
    decision::Entity::update_many()
        .col_expr(decision::Column::VoterCount, Expr::value(count64(voters)))
        .col_expr(
            decision::Column::EligibleCount,
            Expr::value(count64(eligible)),
        )
        .col_expr(decision::Column::Outcome, Expr::value(outcome.as_str()))
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
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::field("reason", "error-cancel-reason"));
    }
    let at = now();
    let txn = db.begin().await?;
    let cancelled = decision::Entity::update_many()
        .col_expr(decision::Column::CancelledAt, Expr::value(at))
        .col_expr(decision::Column::CancelReason, Expr::value(reason))
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
    Ok(())
}

/// One decision as `viewer` may see it.
pub async fn detail(
    db: &DatabaseConnection,
    viewer: Option<&Member>,
    decision_id: i32,
    zone: Tz,
) -> Result<DecisionView, AppError> {
    let at = now();
    let mut row = decision::Entity::find_by_id(decision_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    // Results never wait for the clock: a decision past its time is closed before it is shown.
    if row.closed_at.is_none() && row.cancelled_at.is_none() && row.closes_at <= at {
        close(db, decision_id, None).await?;
        row = decision::Entity::find_by_id(decision_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    let ids = proposal_ids(db, decision_id).await?;
    let titles = proposal_words::titles_for(db, ids.iter().copied(), viewer).await?;
    let title_of = |id: &i32| titles.get(id).cloned().flatten();
    let proposals: Vec<(i32, Option<String>)> = ids.iter().map(|id| (*id, title_of(id))).collect();
    let state = state_of(&row, at);
    let (my_marks, took_part) = match viewer {
        Some(member) => {
            let took_part = decision_participant::Entity::find_by_id((decision_id, member.id))
                .one(db)
                .await?
                .is_some();
            // Only one's own marks, and only while they still exist (until the close).
            let my_marks = open_ballot_mark::Entity::find()
                .filter(open_ballot_mark::Column::DecisionId.eq(decision_id))
                .filter(open_ballot_mark::Column::MemberId.eq(member.id))
                .all(db)
                .await?;
            (my_marks, took_part)
        }
        None => (Vec::new(), false),
    };
    let my_choice = my_marks
        .iter()
        .find_map(|m| m.choice.as_deref().and_then(Choice::parse));
    let my_dots = ids
        .iter()
        .map(|id| {
            my_marks
                .iter()
                .find(|m| m.proposal_id == *id)
                .and_then(|m| m.dots)
                .and_then(|d| u32::try_from(d).ok())
                .unwrap_or(0)
        })
        .collect();
    let dots = match (row.dots_per_voter, row.dots_per_proposal) {
        (Some(per_voter), Some(per_proposal)) => Some((
            u32::try_from(per_voter).unwrap_or(0),
            u32::try_from(per_proposal).unwrap_or(0),
        )),
        _ => None,
    };
    let result = if state == DecisionState::Closed {
        let tallies = decision_tally::Entity::find()
            .filter(decision_tally::Column::DecisionId.eq(decision_id))
            .all(db)
            .await?;
        let quorum = u32::try_from(row.quorum).unwrap_or(0);
        let voters = u32::try_from(row.voter_count.unwrap_or(0)).unwrap_or(0);
        Some(DecisionResult {
            eligible: u32::try_from(row.eligible_count.unwrap_or(0)).unwrap_or(0),
            voters,
            quorum_met: voters >= quorum,
            outcome: row
                .outcome
                .as_deref()
                .and_then(Outcome::parse)
                .unwrap_or(Outcome::NoQuorum),
            tallies: ids
                .iter()
                .filter_map(|id| tallies.iter().find(|t| t.proposal_id == *id))
                .map(|t| TallyRow {
                    proposal_id: t.proposal_id,
                    title: title_of(&t.proposal_id),
                    yes: u32::try_from(t.yes).unwrap_or(0),
                    no: u32::try_from(t.no).unwrap_or(0),
                    abstain: u32::try_from(t.abstain).unwrap_or(0),
                    dots: u32::try_from(t.dots).unwrap_or(0),
                })
                .collect(),
        })
    } else {
        None
    };
    Ok(DecisionView {
        id: row.id,
        title: decision_title(&row, &proposals),
        kind: DecisionKind::parse(&row.kind).unwrap_or(DecisionKind::Single),
        eligibility: eligibility_of(&row),
        quorum: u32::try_from(row.quorum).unwrap_or(0),
        opens_at: to_local(row.opens_at, zone),
        closes_at: to_local(row.closes_at, zone),
        state,
        proposals,
        my_choice,
        dots,
        my_dots,
        took_part,
        cannot_vote: cannot_vote(&row, viewer, at),
        can_manage: crate::permissions::allows(
            viewer,
            crate::permissions::Action::ManageDecisions,
            true,
        ) && matches!(state, DecisionState::Open | DecisionState::Scheduled),
        result,
        cancel_reason: row.cancel_reason.clone(),
        decided_at_meeting: (row.method == METHOD_MEETING).then(|| {
            (
                to_local(row.opens_at, zone),
                row.meeting_note.clone().unwrap_or_default(),
            )
        }),
    })
}

/// Decisions newest first: those still to come or open, then the closed and cancelled ones.
pub async fn list(
    db: &DatabaseConnection,
    viewer: Option<&Member>,
    zone: Tz,
) -> Result<Vec<DecisionCard>, AppError> {
    let at = now();
    let rows = decision::Entity::find()
        .order_by_desc(decision::Column::ClosesAt)
        .order_by_desc(decision::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let mine: Vec<i32> = match viewer {
        Some(member) => {
            decision_participant::Entity::find()
                .select_only()
                .column(decision_participant::Column::DecisionId)
                .filter(decision_participant::Column::MemberId.eq(member.id))
                .filter(decision_participant::Column::DecisionId.is_in(rows.iter().map(|r| r.id)))
                .into_tuple()
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let titles = shown_titles(db, &rows, viewer).await?;
    let mut cards: Vec<DecisionCard> = rows
        .iter()
        .map(|row| DecisionCard {
            id: row.id,
            title: titles.get(&row.id).cloned().flatten(),
            state: state_of(row, at),
            closes_at: to_local(row.closes_at, zone),
            waiting_for_me: viewer.is_some()
                && cannot_vote(row, viewer, at).is_none()
                && !mine.contains(&row.id),
            outcome: row.outcome.as_deref().and_then(Outcome::parse),
        })
        .collect();
    cards.sort_by_key(|c| !matches!(c.state, DecisionState::Open | DecisionState::Scheduled));
    Ok(cards)
}
