//! The edge of the decisions area: what staff typed into the forms that open or record a
//! decision, turned into typed commands. Every field is checked at once, each problem a
//! translated message on its field (through the one `FieldErrors`); the services behind take
//! only the commands, never a form's string.
use super::{MeetingPoll, MeetingTally, NewDecision, NewPoll};
use crate::domain::{
    DecisionRule, Dots, Eligibility, MeetingNote, PollTitle, ProposalId, Quorum, Tally,
    VotingWindow, counted,
};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::parse_local;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// What a refused form gets back, field by field (see `AppError::keeping`).
pub type Typed = Vec<(String, String)>;

fn owned<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Typed {
    pairs.map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

/// Who votes and how many must, as every decision form asks it.
#[derive(Clone, Copy)]
pub struct RuleFields<'a> {
    /// `core` or `members`.
    pub eligibility: &'a str,
    pub quorum: &'a str,
}

/// When an online decision opens and closes, as typed.
#[derive(Clone, Copy)]
pub struct WindowFields<'a> {
    /// `now` or `later`.
    pub opens: &'a str,
    /// Local time in the estate's zone, `2026-11-24T18:00` (used when `opens` is `later`).
    pub opens_at: &'a str,
    pub closes_at: &'a str,
}

/// The form that opens a yes / no / abstain decision on one proposal.
pub struct DecisionForm<'a> {
    pub proposal: &'a str,
    pub rule: RuleFields<'a>,
    pub window: WindowFields<'a>,
}

/// The form that opens a priority poll.
pub struct PollForm<'a> {
    pub title: &'a str,
    /// Ids of the proposals to rank.
    pub proposals: &'a [String],
    pub rule: RuleFields<'a>,
    pub window: WindowFields<'a>,
    pub dots: &'a str,
    pub dots_per_proposal: &'a str,
}

/// The form that records a yes / no / abstain vote counted in a meeting.
pub struct MeetingTallyForm<'a> {
    pub proposal: &'a str,
    pub rule: RuleFields<'a>,
    /// The meeting's day, `2026-11-24`; not in the future.
    pub held_on: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
    pub abstain: &'a str,
    pub note: &'a str,
}

/// The form that records a priority poll counted in a meeting.
pub struct MeetingPollForm<'a> {
    pub title: &'a str,
    /// (proposal id, dots counted in the room); an empty dots field leaves the proposal out.
    pub rows: &'a [(String, String)],
    pub rule: RuleFields<'a>,
    pub held_on: &'a str,
    /// How many people put dots in the room.
    pub voters: &'a str,
    pub note: &'a str,
}

impl<'a> RuleFields<'a> {
    pub fn new(eligibility: &'a str, quorum: &'a str) -> Self {
        Self {
            eligibility,
            quorum,
        }
    }

    fn typed(&self) -> [(&'static str, &str); 2] {
        [("eligibility", self.eligibility), ("quorum", self.quorum)]
    }
}

impl<'a> WindowFields<'a> {
    pub fn new(opens: &'a str, opens_at: &'a str, closes_at: &'a str) -> Self {
        Self {
            opens,
            opens_at,
            closes_at,
        }
    }

    fn typed(&self) -> [(&'static str, &str); 3] {
        [
            ("opens", self.opens),
            ("opens_at", self.opens_at),
            ("closes_at", self.closes_at),
        ]
    }
}

impl DecisionForm<'_> {
    /// What comes back to the form when it is refused (the proposal is in the address).
    pub fn typed(&self) -> Typed {
        owned(self.rule.typed().into_iter().chain(self.window.typed()))
    }

    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<NewDecision, AppError> {
        let proposal = ProposalId::parse(self.proposal).ok_or(AppError::NotFound)?;
        let mut errors = FieldErrors::default();
        let rule = rule(&self.rule, &mut errors);
        let window = window(&self.window, zone, now, &mut errors);
        let (Some(rule), Some(window)) = (rule, window) else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(NewDecision {
            proposal,
            rule,
            window,
        })
    }
}

impl PollForm<'_> {
    /// What comes back to the form when it is refused, the chosen proposals as `1,2,3`.
    pub fn typed(&self) -> Typed {
        let chosen = self.proposals.join(",");
        let fields = [
            ("title", self.title),
            ("dots", self.dots),
            ("dots_per_proposal", self.dots_per_proposal),
            ("proposals", chosen.as_str()),
        ];
        owned(
            fields
                .into_iter()
                .chain(self.rule.typed())
                .chain(self.window.typed()),
        )
    }

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
        let rule = rule(&self.rule, &mut errors);
        let dots = match (counted(self.dots), counted(self.dots_per_proposal)) {
            (Ok(per_voter), Ok(per_proposal)) => {
                errors.check("dots", Dots::new(per_voter, per_proposal))
            }
            _ => {
                errors.add("dots", "error-dots-per-voter");
                None
            }
        };
        let window = window(&self.window, zone, now, &mut errors);
        let (Some(title), Some(rule), Some(dots), Some(window)) = (title, rule, dots, window)
        else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(NewPoll {
            title,
            proposals,
            rule,
            window,
            dots,
        })
    }
}

impl MeetingTallyForm<'_> {
    /// What comes back to the form when it is refused (the proposal is in the address).
    pub fn typed(&self) -> Typed {
        let fields = [
            ("held_on", self.held_on),
            ("yes", self.yes),
            ("no", self.no),
            ("abstain", self.abstain),
            ("note", self.note),
        ];
        owned(fields.into_iter().chain(self.rule.typed()))
    }

    pub fn parse(&self, zone: Tz, now: DateTime<Utc>) -> Result<MeetingTally, AppError> {
        let proposal = ProposalId::parse(self.proposal).ok_or(AppError::NotFound)?;
        let mut errors = FieldErrors::default();
        let rule = rule(&self.rule, &mut errors);
        let yes = errors.check("yes", counted(self.yes));
        let no = errors.check("no", counted(self.no));
        let abstain = errors.check("abstain", counted(self.abstain));
        let held_at = errors.check("held_on", meeting_day(self.held_on, zone, now));
        let note = errors.check("note", MeetingNote::parse(self.note));
        let (Some(rule), Some(yes), Some(no), Some(abstain), Some(held_at), Some(note)) =
            (rule, yes, no, abstain, held_at, note)
        else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(MeetingTally {
            proposal,
            rule,
            held_at,
            tally: Tally { yes, no, abstain },
            note,
        })
    }
}

impl MeetingPollForm<'_> {
    /// What comes back to the form when it is refused; each proposal's dots as `dots-<id>`,
    /// so the form can show them again.
    pub fn typed(&self) -> Typed {
        let fields = [
            ("title", self.title),
            ("held_on", self.held_on),
            ("voters", self.voters),
            ("note", self.note),
        ];
        let mut typed = owned(fields.into_iter().chain(self.rule.typed()));
        typed.extend(
            self.rows
                .iter()
                .map(|(id, dots)| (format!("dots-{id}"), dots.clone())),
        );
        typed
    }

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
        let rule = rule(&self.rule, &mut errors);
        let voters = errors.check("voters", counted(self.voters));
        let held_at = errors.check("held_on", meeting_day(self.held_on, zone, now));
        let note = errors.check("note", MeetingNote::parse(self.note));
        let (Some(title), Some(rule), Some(voters), Some(held_at), Some(note)) =
            (title, rule, voters, held_at, note)
        else {
            return Err(errors.into_error());
        };
        errors.finish()?;
        Ok(MeetingPoll {
            title,
            dots,
            rule,
            held_at,
            voters,
            note,
        })
    }
}

/// Who votes and how many must: what every kind of decision asks.
fn rule(fields: &RuleFields<'_>, errors: &mut FieldErrors) -> Option<DecisionRule> {
    let eligibility = errors.check(
        "eligibility",
        Eligibility::parse(fields.eligibility).ok_or("error-decision-eligibility"),
    );
    let quorum = errors.check("quorum", Quorum::parse(fields.quorum));
    Some(DecisionRule {
        eligibility: eligibility?,
        quorum: quorum?,
    })
}

/// When an online decision opens (`now`, or `later` at `opens_at`) and closes, typed in the
/// estate's local time.
fn window(
    fields: &WindowFields<'_>,
    zone: Tz,
    now: DateTime<Utc>,
    errors: &mut FieldErrors,
) -> Option<VotingWindow> {
    let WindowFields {
        opens,
        opens_at,
        closes_at,
    } = *fields;
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
