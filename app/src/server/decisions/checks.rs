//! The checks of the forms that open or record a decision: each adds a translated message on its field.
use crate::domain::{Eligibility, Outcome, ProposalStatus, Quorum};
use crate::error::FieldError;
use crate::server::clock::parse_local;
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Members vote in Spolu; or staff record a tally counted in a meeting.
pub(crate) const METHOD_ONLINE: &str = "online";
pub(crate) const METHOD_MEETING: &str = "meeting";

pub(crate) fn field(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

const MAX_NOTE: usize = 500;

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
pub(super) fn decided(outcome: Outcome) -> ProposalStatus {
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
