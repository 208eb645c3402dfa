//! The edge of the decisions area: what staff typed into the forms that open or record a
//! decision, turned into typed commands. Every field is checked at once, each problem a
//! translated message on its field (through the one `FieldErrors`); the services behind take
//! only the commands, never a form's string.
use super::{MeetingPoll, MeetingTally, NewDecision, NewPoll};
use crate::domain::{
    Dots, Eligibility, MeetingNote, PollTitle, ProposalId, Quorum, Tally, VotingWindow, counted,
};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::parse_local;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The form that opens a yes / no / abstain decision on one proposal.
pub struct DecisionForm<'a> {
    pub proposal: &'a str,
    pub eligibility: &'a str,
    /// `now` or `later`.
    pub opens: &'a str,
    /// Local time in the estate's zone, `2026-11-24T18:00` (used when `opens` is `later`).
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub quorum: &'a str,
}

/// The form that opens a priority poll.
pub struct PollForm<'a> {
    pub title: &'a str,
    /// Ids of the proposals to rank.
    pub proposals: &'a [String],
    pub eligibility: &'a str,
    pub opens: &'a str,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub quorum: &'a str,
    pub dots: &'a str,
    pub dots_per_proposal: &'a str,
}

/// The form that records a yes / no / abstain vote counted in a meeting.
pub struct MeetingTallyForm<'a> {
    pub proposal: &'a str,
    pub eligibility: &'a str,
    /// The meeting's day, `2026-11-24`; not in the future.
    pub held_on: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
    pub abstain: &'a str,
    pub quorum: &'a str,
    pub note: &'a str,
}

/// The form that records a priority poll counted in a meeting.
pub struct MeetingPollForm<'a> {
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

impl DecisionForm<'_> {
    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<NewDecision, AppError> {
        let proposal = ProposalId::parse(self.proposal).ok_or(AppError::NotFound)?;
        let mut errors = FieldErrors::default();
        let (eligibility, quorum) = rule(self.eligibility, self.quorum, &mut errors);
        let window = window(
            self.opens,
            self.opens_at,
            self.closes_at,
            zone,
            now,
            &mut errors,
        );
        let (Some(eligibility), Some(quorum), Some(window)) = (eligibility, quorum, window) else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(NewDecision {
            proposal,
            eligibility,
            window,
            quorum,
        })
    }
}

impl PollForm<'_> {
    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<NewPoll, AppError> {
        let mut errors = FieldErrors::default();
        let title = errors.check("title", PollTitle::parse(self.title));
        let proposals = at_least_two(
            self.proposals
                .iter()
                .filter_map(|id| ProposalId::parse(id))
                .collect(),
            &mut errors,
        );
        let (eligibility, quorum) = rule(self.eligibility, self.quorum, &mut errors);
        let dots = match (counted(self.dots), counted(self.dots_per_proposal)) {
            (Ok(per_voter), Ok(per_proposal)) => {
                errors.check("dots", Dots::new(per_voter, per_proposal))
            }
            _ => {
                errors.add("dots", "error-dots-per-voter");
                None
            }
        };
        let window = window(
            self.opens,
            self.opens_at,
            self.closes_at,
            zone,
            now,
            &mut errors,
        );
        let (Some(title), Some(eligibility), Some(quorum), Some(dots), Some(window)) =
            (title, eligibility, quorum, dots, window)
        else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(NewPoll {
            title,
            proposals,
            eligibility,
            window,
            quorum,
            dots,
        })
    }
}

impl MeetingTallyForm<'_> {
    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<MeetingTally, AppError> {
        let proposal = ProposalId::parse(self.proposal).ok_or(AppError::NotFound)?;
        let mut errors = FieldErrors::default();
        let (eligibility, quorum) = rule(self.eligibility, self.quorum, &mut errors);
        let yes = errors.check("yes", counted(self.yes));
        let no = errors.check("no", counted(self.no));
        let abstain = errors.check("abstain", counted(self.abstain));
        let held_at = errors.check("held_on", meeting_day(self.held_on, zone, now));
        let note = errors.check("note", MeetingNote::parse(self.note));
        let (Some(eligibility), Some(quorum), Some(yes), Some(no), Some(abstain)) =
            (eligibility, quorum, yes, no, abstain)
        else {
            return Err(errors.into_error());
        };
        let (Some(held_at), Some(note)) = (held_at, note) else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(MeetingTally {
            proposal,
            eligibility,
            held_at,
            tally: Tally { yes, no, abstain },
            quorum,
            note,
        })
    }
}

impl MeetingPollForm<'_> {
    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<MeetingPoll, AppError> {
        let mut errors = FieldErrors::default();
        let title = errors.check("title", PollTitle::parse(self.title));
        let mut dots = Vec::new();
        for (id, counted_dots) in self.rows.iter().filter(|(_, d)| !d.trim().is_empty()) {
            match (
                ProposalId::parse(id),
                errors.check("dots", counted(counted_dots)),
            ) {
                (Some(id), Some(n)) => dots.push((id, n)),
                (None, Some(_)) => errors.add("dots", "error-count-range"),
                (_, None) => {}
            }
        }
        let ids = dots.iter().map(|(id, _)| *id).collect();
        at_least_two(ids, &mut errors);
        let (eligibility, quorum) = rule(self.eligibility, self.quorum, &mut errors);
        let voters = errors.check("voters", counted(self.voters));
        let held_at = errors.check("held_on", meeting_day(self.held_on, zone, now));
        let note = errors.check("note", MeetingNote::parse(self.note));
        let (Some(title), Some(eligibility), Some(quorum), Some(voters), Some(held_at), Some(note)) =
            (title, eligibility, quorum, voters, held_at, note)
        else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(MeetingPoll {
            title,
            dots,
            eligibility,
            held_at,
            voters,
            quorum,
            note,
        })
    }
}

/// Who votes and how many must: what every kind of decision asks.
fn rule(
    eligibility: &str,
    quorum: &str,
    errors: &mut FieldErrors,
) -> (Option<Eligibility>, Option<Quorum>) {
    let eligibility = errors.check(
        "eligibility",
        Eligibility::parse(eligibility).ok_or("error-decision-eligibility"),
    );
    (eligibility, errors.check("quorum", Quorum::parse(quorum)))
}

/// When an online decision opens (`now`, or `later` at `opens_at`) and closes, typed in the
/// estate's local time.
fn window(
    opens: &str,
    opens_at: &str,
    closes_at: &str,
    zone: Tz,
    now: DateTime<Utc>,
    errors: &mut FieldErrors,
) -> Option<VotingWindow> {
    let opens_at = if opens == "later" {
        let later = parse_local(opens_at, zone).ok_or("error-decision-opens-at");
        errors.check(
            "opens_at",
            later.and_then(|at| VotingWindow::later(at, now)),
        )
    } else {
        Some(now)
    };
    let closes_at = parse_local(closes_at, zone).ok_or("error-decision-closes-at");
    match (opens_at, closes_at) {
        (Some(opens_at), closes_at) => errors.check(
            "closes_at",
            closes_at.and_then(|closes_at| VotingWindow::new(opens_at, closes_at)),
        ),
        // Without a valid opening only an unreadable closing is worth a word.
        (None, closes_at) => {
            errors.check("closes_at", closes_at);
            None
        }
    }
}

/// A poll ranks at least two proposals.
fn at_least_two(ids: Vec<ProposalId>, errors: &mut FieldErrors) -> Vec<ProposalId> {
    if ids.len() < 2 {
        errors.add("proposals", "error-poll-proposals");
    }
    ids
}

/// The meeting's day (`2026-11-24`, not in the future) as noon of that day (today: now at the
/// latest), so it sorts among the day's events.
fn meeting_day(input: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, &'static str> {
    let today = now.with_timezone(&zone).date_naive();
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .ok()
        .filter(|day| *day <= today)
        .and_then(|day| day.and_hms_opt(12, 0, 0))
        .and_then(|noon| zone.from_local_datetime(&noon).earliest())
        .map(|local| local.with_timezone(&Utc).min(now))
        .ok_or("error-meeting-date")
}
