//! What the decision pages read: one decision with its result, and the list.
use super::ballot::cannot_vote;
use super::ballot::state_of;
use super::close::close;
use super::open::proposal_ids;
use crate::domain::{Outcome, VotingMethod};
use crate::error::AppError;
use crate::server::clock::{now, to_local};
use crate::server::entities::{decision, decision_participant, decision_tally, open_ballot_mark};
use crate::server::proposal_words;
use crate::server::proposal_words::{decision_title, shown_titles};
use crate::views::decisions::{
    DecisionCard, DecisionResult, DecisionState, DecisionView, TallyRow,
};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

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
    let my_choice = my_marks.iter().find_map(|m| m.choice);
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
            outcome: row.outcome.unwrap_or(Outcome::NoQuorum),
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
        kind: row.kind,
        eligibility: row.eligibility,
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
        decided_at_meeting: (row.method == VotingMethod::Meeting).then(|| {
            (
                to_local(row.opens_at, zone),
                row.meeting_note.clone().unwrap_or_default(),
            )
        }),
        // The page's server function knows whether the server can speak, and in what language.
        listen: None,
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
            outcome: row.outcome,
        })
        .collect();
    cards.sort_by_key(|c| !matches!(c.state, DecisionState::Open | DecisionState::Scheduled));
    Ok(cards)
}

/// What "Listen" reads of a decision: the sentences its page shows, in `locale`, to exactly who
/// may read the page (a proposal hidden from them is named "hidden proposal" here too).
pub async fn spoken_text(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    decision_id: i32,
    zone: Tz,
    locale: &crate::i18n::Locale,
) -> Result<String, AppError> {
    let viewer = crate::permissions::require_read(viewer, public_reading)?;
    let decision = detail(db, viewer.as_ref(), decision_id, zone).await?;
    Ok(crate::components::DecisionWords::new(&decision, locale).spoken())
}
