//! Priority polls: each voter spreads a number of dots (3 by default) over several proposals, at
//! most a set number on one. The result is the order of the dots; the proposals' statuses do not
//! change, since a poll ranks rather than decides. Voting, closing and the secret are the same as
//! for yes / no / abstain decisions (see `decisions`).
use crate::domain::{DecisionKind, Dots, Outcome, ProposalStatus};
use crate::error::{AppError, FieldError};
use crate::server::clock::now;
use crate::server::decisions::{
    METHOD_MEETING, METHOD_ONLINE, cast, check_count, check_meeting_day, check_note, check_rule,
    check_schedule, count_i32, count64, eligible_count, field, start, votable,
};
use crate::server::entities::{decision, decision_proposal, decision_tally, proposal};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

/// What staff typed in the form that opens a priority poll.
pub struct NewPoll<'a> {
    pub title: &'a str,
    /// Ids of the proposals to rank (at least two, all open for discussion).
    pub proposals: &'a [String],
    pub eligibility: &'a str,
    pub opens: &'a str,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub quorum: &'a str,
    pub dots: &'a str,
    pub dots_per_proposal: &'a str,
}

const MAX_TITLE: usize = 200;

/// The poll's question: required, at most 200 characters.
fn check_title<'a>(input: &'a str, errors: &mut Vec<FieldError>) -> &'a str {
    let title = input.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        errors.push(field("title", "error-poll-title"));
    }
    title
}

/// A poll ranks at least two proposals, every one of them open for discussion.
async fn check_open_proposals(
    db: &DatabaseConnection,
    ids: &[i32],
    errors: &mut Vec<FieldError>,
) -> Result<(), AppError> {
    let open = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(ids.iter().copied()))
        .filter(proposal::Column::Status.eq(ProposalStatus::Open.as_str()))
        .count(db)
        .await?;
    if ids.len() < 2 || usize::try_from(open).ok() != Some(ids.len()) {
        errors.push(field("proposals", "error-poll-proposals"));
    }
    Ok(())
}

pub async fn open_poll(
    db: &DatabaseConnection,
    staff: &Member,
    new: NewPoll<'_>,
    zone: Tz,
) -> Result<i32, AppError> {
    let at = now();
    let mut errors = Vec::new();
    let title = check_title(new.title, &mut errors);
    let ids: Vec<i32> = new
        .proposals
        .iter()
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    check_open_proposals(db, &ids, &mut errors).await?;
    let (eligibility, quorum) = check_rule(new.eligibility, new.quorum, &mut errors);
    let dots = match (
        new.dots.trim().parse::<u32>(),
        new.dots_per_proposal.trim().parse::<u32>(),
    ) {
        (Ok(per_voter), Ok(per_proposal)) => Dots::new(per_voter, per_proposal)
            .map_err(|m| errors.push(field("dots", m)))
            .ok(),
        _ => {
            errors.push(field("dots", "error-dots-per-voter"));
            None
        }
    };
    let (opens_at, closes_at) = check_schedule(
        new.opens,
        new.opens_at,
        new.closes_at,
        zone,
        at,
        &mut errors,
    );
    let (true, Some(eligibility), Some(quorum), Some(dots), Some(opens_at), Some(closes_at)) = (
        errors.is_empty(),
        eligibility,
        quorum,
        dots,
        opens_at,
        closes_at,
    ) else {
        return Err(AppError::fields(errors));
    };

    let txn = db.begin().await?;
    let row = decision::ActiveModel {
        kind: Set(DecisionKind::Priority.as_str().into()),
        method: Set(METHOD_ONLINE.into()),
        title: Set(title.into()),
        eligibility: Set(eligibility.as_str().into()),
        quorum: Set(count_i32(quorum.voters())),
        dots_per_voter: Set(Some(count_i32(dots.per_voter()))),
        dots_per_proposal: Set(Some(count_i32(dots.per_proposal()))),
        opens_at: Set(opens_at),
        closes_at: Set(closes_at),
        created_by: Set(staff.id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    decision_proposal::Entity::insert_many(ids.iter().zip(0..).map(|(id, position)| {
        decision_proposal::ActiveModel {
            decision_id: Set(row.id),
            proposal_id: Set(*id),
            position: Set(position),
        }
    }))
    .exec(&txn)
    .await?;
    let started = opens_at <= at && start(&txn, &row, at, Some(staff.id)).await?;
    txn.commit().await?;
    if started {
        crate::server::notifications::send(
            db,
            crate::server::notifications::Event::DecisionOpened(row.id),
        )
        .await;
    }
    Ok(row.id)
}

/// Casts or changes `voter`'s dots: one number per proposal of the poll, in the poll's order.
pub async fn vote_dots(
    db: &DatabaseConnection,
    voter: &Member,
    decision_id: i32,
    dots: &[String],
    assisted_by: Option<i32>,
) -> Result<(), AppError> {
    let row = votable(db, voter, decision_id, DecisionKind::Priority).await?;
    let proposals = crate::server::decisions::proposal_ids(db, decision_id).await?;
    let numbers: Option<Vec<u32>> = dots
        .iter()
        .map(|d| match d.trim() {
            "" => Some(0),
            d => d.parse().ok(),
        })
        .collect();
    let numbers = numbers
        .filter(|n| n.len() == proposals.len())
        .ok_or_else(|| AppError::field("dots", "error-dots-too-many-on-one"))?;
    let rules = Dots::new(
        u32::try_from(row.dots_per_voter.unwrap_or(0)).unwrap_or(0),
        u32::try_from(row.dots_per_proposal.unwrap_or(0)).unwrap_or(0),
    )
    .map_err(|_| AppError::Internal)?;
    rules
        .check_ballot(&numbers)
        .map_err(|m| AppError::field("dots", m))?;
    let marks = proposals
        .into_iter()
        .zip(numbers)
        .filter(|(_, n)| *n > 0)
        .map(|(proposal, n)| (proposal, None, Some(n)))
        .collect();
    cast(db, voter, decision_id, marks, assisted_by).await
}

/// What staff typed to record a priority poll counted in a meeting.
pub struct MeetingPoll<'a> {
    pub title: &'a str,
    /// (proposal id, dots counted in the room); an empty dots field leaves the proposal out.
    pub rows: &'a [(String, String)],
    pub eligibility: &'a str,
    pub held_on: &'a str,
    /// How many people put dots in the room.
    pub voters: &'a str,
    pub quorum: &'a str,
    pub note: &'a str,
}

/// Records a priority poll held in a meeting: the dots counted in the room become the result
/// at once (ranked if enough people took part); nobody votes in Spolu.
pub async fn record_meeting_poll(
    db: &DatabaseConnection,
    staff: &Member,
    meeting: MeetingPoll<'_>,
    zone: Tz,
) -> Result<i32, AppError> {
    let at = now();
    let mut errors = Vec::new();
    let title = check_title(meeting.title, &mut errors);
    let mut rows = Vec::new();
    for (id, dots) in meeting
        .rows
        .iter()
        .filter(|(_, dots)| !dots.trim().is_empty())
    {
        match (
            id.trim().parse::<i32>(),
            check_count("dots", dots, &mut errors),
        ) {
            (Ok(id), Some(dots)) => rows.push((id, dots)),
            (Err(_), Some(_)) => errors.push(field("dots", "error-count-range")),
            (_, None) => {}
        }
    }
    let ids: Vec<i32> = rows.iter().map(|(id, _)| *id).collect();
    check_open_proposals(db, &ids, &mut errors).await?;
    let (eligibility, quorum) = check_rule(meeting.eligibility, meeting.quorum, &mut errors);
    let voters = check_count("voters", meeting.voters, &mut errors);
    let held_at = check_meeting_day(meeting.held_on, zone, at, &mut errors);
    let note = check_note(meeting.note, &mut errors);
    let (true, Some(eligibility), Some(voters), Some(quorum), Some(held_at)) =
        (errors.is_empty(), eligibility, voters, quorum, held_at)
    else {
        return Err(AppError::fields(errors));
    };
    let outcome = Outcome::of_poll(voters, quorum);
    // Read before the transaction: on SQLite a transaction must write first.
    let eligible = eligible_count(db, eligibility).await?;
    let txn = db.begin().await?;
    let row = decision::ActiveModel {
        kind: Set(DecisionKind::Priority.as_str().into()),
        method: Set(METHOD_MEETING.into()),
        title: Set(title.into()),
        eligibility: Set(eligibility.as_str().into()),
        quorum: Set(count_i32(quorum.voters())),
        opens_at: Set(held_at),
        closes_at: Set(held_at),
        started_at: Set(Some(at)),
        closed_at: Set(Some(at)),
        eligible_count: Set(Some(count64(eligible))),
        voter_count: Set(Some(count_i32(voters))),
        outcome: Set(Some(outcome.as_str().into())),
        meeting_note: Set(Some(note.into())),
        created_by: Set(staff.id),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    decision_proposal::Entity::insert_many(rows.iter().zip(0..).map(|((id, _), position)| {
        decision_proposal::ActiveModel {
            decision_id: Set(row.id),
            proposal_id: Set(*id),
            position: Set(position),
        }
    }))
    .exec(&txn)
    .await?;
    decision_tally::Entity::insert_many(rows.iter().map(|(id, dots)| {
        decision_tally::ActiveModel {
            decision_id: Set(row.id),
            proposal_id: Set(*id),
            yes: Set(0),
            no: Set(0),
            abstain: Set(0),
            dots: Set(count_i32(*dots)),
        }
    }))
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(row.id)
}
