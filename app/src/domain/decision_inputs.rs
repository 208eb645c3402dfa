//! What staff give when they open a decision or record one held in a meeting, checked: the
//! window it is open for votes, a poll's question, the numbers counted in the room and the
//! meeting's note. Forms turn into these at the edge (`server/decisions/forms.rs`); the services
//! that open and record decisions take nothing else.
use super::decision_rules::{Eligibility, Quorum};
use chrono::{DateTime, Utc};

/// The rule every decision is taken by: who may vote, and how many must take part for the
/// result to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionRule {
    pub eligibility: Eligibility,
    pub quorum: Quorum,
}

impl DecisionRule {
    /// A rule from a number of voters, refused when no quorum could be that number.
    pub fn new(eligibility: Eligibility, quorum: u32) -> Result<Self, &'static str> {
        Ok(Self {
            eligibility,
            quorum: Quorum::new(quorum)?,
        })
    }
}

/// A proposal's number, as a form or an address names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProposalId(pub i32);

impl ProposalId {
    pub fn parse(input: &str) -> Option<Self> {
        input.trim().parse().ok().map(Self)
    }
}

/// When an online decision takes votes: it closes after it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VotingWindow {
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
}

impl VotingWindow {
    pub fn new(opens_at: DateTime<Utc>, closes_at: DateTime<Utc>) -> Result<Self, &'static str> {
        if closes_at > opens_at {
            Ok(Self {
                opens_at,
                closes_at,
            })
        } else {
            Err("error-decision-closes-at")
        }
    }

    /// A decision scheduled to open later opens in the future, not in the past.
    pub fn later(
        opens_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, &'static str> {
        if opens_at > now {
            Ok(opens_at)
        } else {
            Err("error-decision-opens-at")
        }
    }

    pub fn opens_at(self) -> DateTime<Utc> {
        self.opens_at
    }

    pub fn closes_at(self) -> DateTime<Utc> {
        self.closes_at
    }
}

/// A number counted in a meeting (votes, dots, people): 0 to 10 000.
pub fn counted(input: &str) -> Result<u32, &'static str> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= super::Quorum::MAX)
        .ok_or("error-count-range")
}

/// Trimmed, and between one and `max` characters.
fn required(input: &str, max: usize) -> Option<String> {
    let text = input.trim();
    (!text.is_empty() && text.chars().count() <= max).then(|| text.to_owned())
}

/// A priority poll's question: required, at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollTitle(String);

impl PollTitle {
    pub const MAX: usize = 200;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        required(input, Self::MAX)
            .map(Self)
            .ok_or("error-poll-title")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a meeting's record says about it ("core-group meeting, 12 present"), shown with the
/// result: required, at most 500 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingNote(String);

impl MeetingNote {
    pub const MAX: usize = 500;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        required(input, Self::MAX)
            .map(Self)
            .ok_or("error-meeting-note")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why staff cancel a decision, shown to everyone: required, at most 500 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelReason(String);

impl CancelReason {
    pub const MAX: usize = 500;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        required(input, Self::MAX)
            .map(Self)
            .ok_or("error-cancel-reason")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A voter's dots as a ballot form sends them, one field per proposal in the poll's order; an
/// empty field is no dots.
pub fn dots_ballot(inputs: &[String]) -> Result<Vec<u32>, &'static str> {
    inputs
        .iter()
        .map(|d| match d.trim() {
            "" => Some(0),
            d => d.parse().ok(),
        })
        .collect::<Option<Vec<u32>>>()
        .ok_or("error-dots-too-many-on-one")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_window_closes_after_it_opens_and_a_later_opening_is_in_the_future() {
        let now = Utc::now();
        let tomorrow = now + Duration::days(1);
        assert!(VotingWindow::new(now, tomorrow).is_ok());
        assert_eq!(
            VotingWindow::new(tomorrow, now),
            Err("error-decision-closes-at")
        );
        assert_eq!(VotingWindow::new(now, now), Err("error-decision-closes-at"));
        assert_eq!(VotingWindow::later(tomorrow, now), Ok(tomorrow));
        assert_eq!(
            VotingWindow::later(now, now),
            Err("error-decision-opens-at")
        );
    }

    #[test]
    fn counts_are_whole_numbers_up_to_ten_thousand() {
        assert_eq!(counted(" 7 "), Ok(7));
        assert_eq!(counted("0"), Ok(0));
        assert_eq!(counted("10000"), Ok(10_000));
        for bad in ["-1", "10001", "", "sedm", "1.5"] {
            assert_eq!(counted(bad), Err("error-count-range"), "{bad}");
        }
    }

    #[test]
    fn titles_and_notes_are_required_and_short() {
        assert_eq!(
            PollTitle::parse("  Co dřív?  ").unwrap().as_str(),
            "Co dřív?"
        );
        assert_eq!(PollTitle::parse(" "), Err("error-poll-title"));
        assert!(PollTitle::parse(&"a".repeat(201)).is_err());
        assert!(PollTitle::parse(&"ž".repeat(200)).is_ok());
        assert_eq!(MeetingNote::parse(""), Err("error-meeting-note"));
        assert_eq!(CancelReason::parse("  "), Err("error-cancel-reason"));
        assert!(CancelReason::parse(&"a".repeat(500)).is_ok());
        let ballot = ["2".to_owned(), String::new(), " 1 ".to_owned()];
        assert_eq!(dots_ballot(&ballot), Ok(vec![2, 0, 1]));
        assert!(dots_ballot(&["-1".to_owned()]).is_err());
        assert!(MeetingNote::parse(&"a".repeat(501)).is_err());
        assert_eq!(ProposalId::parse(" 12 "), Some(ProposalId(12)));
        assert_eq!(ProposalId::parse("12a"), None);
    }
}
