//! The counting rules of decisions (DESIGN.md, "Decisions"): a yes / no / abstain vote on one
//! proposal, decided by a simple majority of yes + no with a quorum; and a priority poll, where
//! each voter spreads a number of dots over several proposals.
use serde::{Deserialize, Serialize};

/// Who may vote in a decision (DESIGN.md: the core group by default, or all members).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Eligibility {
    #[default]
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "core"))]
    CoreGroup,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "members"))]
    AllMembers,
}

impl Eligibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Eligibility::CoreGroup => "core",
            Eligibility::AllMembers => "members",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        [Eligibility::CoreGroup, Eligibility::AllMembers]
            .into_iter()
            .find(|e| e.as_str() == input)
    }
}

/// A yes / no / abstain vote on one proposal, or a priority poll over several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum DecisionKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "single"))]
    Single,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "priority"))]
    Priority,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Single => "single",
            DecisionKind::Priority => "priority",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        [DecisionKind::Single, DecisionKind::Priority]
            .into_iter()
            .find(|k| k.as_str() == input)
    }
}

/// How a decision is taken: members vote in Spolu, or staff record a tally counted in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum VotingMethod {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "online"))]
    Online,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "meeting"))]
    Meeting,
}

impl VotingMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            VotingMethod::Online => "online",
            VotingMethod::Meeting => "meeting",
        }
    }
}

/// One voter's choice on one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Choice {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "yes"))]
    Yes,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "no"))]
    No,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "abstain"))]
    Abstain,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Yes, Choice::No, Choice::Abstain];

    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == input)
    }

    /// The choice a ballot form sent, or the message for its field.
    pub fn chosen(input: &str) -> Result<Self, &'static str> {
        Self::parse(input).ok_or("error-vote-choice")
    }
}

/// The fewest people who must vote for a decision to count; 1 to 10 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u32")]
pub struct Quorum(u32);

impl Quorum {
    pub const MAX: u32 = 10_000;

    pub fn new(voters: u32) -> Result<Self, &'static str> {
        if (1..=Self::MAX).contains(&voters) {
            Ok(Self(voters))
        } else {
            Err("error-quorum-range")
        }
    }

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        input
            .trim()
            .parse::<u32>()
            .map_err(|_| "error-quorum-range")
            .and_then(Self::new)
    }

    pub fn voters(self) -> u32 {
        self.0
    }
}

/// How a yes / no / abstain decision ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Outcome {
    /// More than half of those who voted yes or no said yes, and enough people voted.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "accepted"))]
    Accepted,
    /// Enough people voted, but yes was not more than half of yes + no (a tie is not a yes).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "rejected"))]
    Rejected,
    /// Fewer people voted than the quorum: not accepted, whatever they chose.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "no_quorum"))]
    NoQuorum,
    /// A priority poll with enough voters: its result is the order of the dots.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "ranked"))]
    Ranked,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Rejected => "rejected",
            Outcome::NoQuorum => "no_quorum",
            Outcome::Ranked => "ranked",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        [
            Outcome::Accepted,
            Outcome::Rejected,
            Outcome::NoQuorum,
            Outcome::Ranked,
        ]
        .into_iter()
        .find(|o| o.as_str() == input)
    }

    pub fn is_accepted(self) -> bool {
        self == Outcome::Accepted
    }

    /// Where a yes / no / abstain decision leaves its proposal: accepted, or else rejected
    /// (too few voters is not a yes either).
    pub fn proposal_status(self) -> super::ProposalStatus {
        if self.is_accepted() {
            super::ProposalStatus::Accepted
        } else {
            super::ProposalStatus::Rejected
        }
    }

    /// A priority poll ranks; it counts once at least `quorum` people took part.
    pub fn of_poll(voters: u32, quorum: Quorum) -> Self {
        if voters >= quorum.voters() {
            Outcome::Ranked
        } else {
            Outcome::NoQuorum
        }
    }
}

/// The counted votes of a yes / no / abstain decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Tally {
    pub fn count(choices: impl IntoIterator<Item = Choice>) -> Self {
        choices
            .into_iter()
            .fold(Tally::default(), |tally, choice| tally.with(choice, 1))
    }

    /// This tally with `votes` more for `choice` (the database counts them when a decision
    /// closes); a count past `u32::MAX` stays there.
    #[must_use]
    pub fn with(mut self, choice: Choice, votes: u32) -> Self {
        let count = match choice {
            Choice::Yes => &mut self.yes,
            Choice::No => &mut self.no,
            Choice::Abstain => &mut self.abstain,
        };
        *count = count.saturating_add(votes);
        self
    }

    /// Everyone who voted, abstentions included: turnout and quorum count them.
    pub fn voters(self) -> u32 {
        self.yes + self.no + self.abstain
    }

    pub fn outcome(self, quorum: Quorum) -> Outcome {
        if self.voters() < quorum.voters() {
            Outcome::NoQuorum
        } else if self.yes > self.no {
            Outcome::Accepted
        } else {
            Outcome::Rejected
        }
    }
}

/// The dots of a priority poll: each voter has `per_voter` dots and may put at most
/// `per_proposal` of them on one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DotsFields")]
pub struct Dots {
    per_voter: u32,
    per_proposal: u32,
}

/// What [`Dots`] read from JSON, before `Dots::new` checks it.
#[derive(Deserialize)]
struct DotsFields {
    per_voter: u32,
    per_proposal: u32,
}

impl TryFrom<DotsFields> for Dots {
    type Error = &'static str;

    fn try_from(fields: DotsFields) -> Result<Self, Self::Error> {
        Self::new(fields.per_voter, fields.per_proposal)
    }
}

impl TryFrom<u32> for Quorum {
    type Error = &'static str;

    fn try_from(voters: u32) -> Result<Self, Self::Error> {
        Self::new(voters)
    }
}

impl Dots {
    pub const DEFAULT_PER_VOTER: u32 = 3;
    pub const MAX_PER_VOTER: u32 = 20;

    pub fn new(per_voter: u32, per_proposal: u32) -> Result<Self, &'static str> {
        if !(1..=Self::MAX_PER_VOTER).contains(&per_voter) {
            return Err("error-dots-per-voter");
        }
        if !(1..=per_voter).contains(&per_proposal) {
            return Err("error-dots-per-proposal");
        }
        Ok(Self {
            per_voter,
            per_proposal,
        })
    }

    pub fn per_voter(self) -> u32 {
        self.per_voter
    }

    pub fn per_proposal(self) -> u32 {
        self.per_proposal
    }

    /// Checks one voter's dots (one number per proposal of the poll).
    pub fn check_ballot(self, dots: &[u32]) -> Result<(), &'static str> {
        if dots.iter().any(|&d| d > self.per_proposal) {
            return Err("error-dots-too-many-on-one");
        }
        let total: u32 = dots.iter().sum();
        if total == 0 {
            return Err("error-dots-none");
        }
        if total > self.per_voter {
            return Err("error-dots-too-many");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Choice::{Abstain, No, Yes};

    fn quorum(n: u32) -> Quorum {
        Quorum::new(n).unwrap()
    }

    #[test]
    fn more_yes_than_no_is_accepted() {
        assert_eq!(
            Tally::count([Yes, Yes, No]).outcome(quorum(3)),
            Outcome::Accepted
        );
    }

    #[test]
    fn a_tie_is_not_a_yes() {
        assert_eq!(
            Tally::count([Yes, No]).outcome(quorum(1)),
            Outcome::Rejected
        );
    }

    #[test]
    fn abstentions_count_for_turnout_but_not_for_the_majority() {
        let tally = Tally::count([Yes, Abstain, Abstain, Abstain]);
        assert_eq!(tally.voters(), 4);
        assert_eq!(tally.outcome(quorum(4)), Outcome::Accepted, "1 yes, 0 no");
        assert_eq!(
            Tally::count([Abstain, Abstain]).outcome(quorum(1)),
            Outcome::Rejected,
            "nobody said yes"
        );
    }

    #[test]
    fn quorum_just_met_and_just_missed() {
        let votes = [Yes, Yes, Yes, Yes, No];
        assert_eq!(Tally::count(votes).outcome(quorum(5)), Outcome::Accepted);
        assert_eq!(Tally::count(votes).outcome(quorum(6)), Outcome::NoQuorum);
    }

    #[test]
    fn counts_from_the_database_add_up_like_single_votes() {
        let counted = Tally::default()
            .with(Yes, 120_000)
            .with(No, 90_000)
            .with(Abstain, 40_000)
            .with(Yes, 1);
        assert_eq!(
            (counted.yes, counted.no, counted.abstain),
            (120_001, 90_000, 40_000)
        );
        assert_eq!(counted.voters(), 250_001);
        assert_eq!(
            Tally::count([Yes, No, Yes]),
            Tally::default().with(Yes, 2).with(No, 1)
        );
        assert_eq!(Tally::default().with(No, u32::MAX).with(No, 5).no, u32::MAX);
    }

    #[test]
    fn a_poll_counts_once_enough_took_part() {
        assert_eq!(Outcome::of_poll(3, quorum(3)), Outcome::Ranked);
        assert_eq!(Outcome::of_poll(2, quorum(3)), Outcome::NoQuorum);
    }

    #[test]
    fn no_votes_at_all_miss_any_quorum() {
        assert_eq!(Tally::default().outcome(quorum(1)), Outcome::NoQuorum);
    }

    #[test]
    fn quorum_is_between_1_and_10000() {
        assert!(Quorum::parse("0").is_err());
        assert!(Quorum::parse("-1").is_err());
        assert!(Quorum::parse("pět").is_err());
        assert_eq!(Quorum::parse(" 5 ").unwrap().voters(), 5);
        assert!(Quorum::parse("10000").is_ok());
        assert!(Quorum::parse("10001").is_err());
    }

    #[test]
    fn dots_limits() {
        let dots = Dots::new(3, 2).unwrap();
        assert_eq!(dots.check_ballot(&[2, 1, 0]), Ok(()));
        assert_eq!(
            dots.check_ballot(&[1, 0, 0]),
            Ok(()),
            "fewer dots than allowed"
        );
        assert_eq!(
            dots.check_ballot(&[3, 0, 0]),
            Err("error-dots-too-many-on-one")
        );
        assert_eq!(dots.check_ballot(&[2, 2, 0]), Err("error-dots-too-many"));
        assert_eq!(dots.check_ballot(&[0, 0, 0]), Err("error-dots-none"));
        assert!(Dots::new(0, 0).is_err());
        assert!(Dots::new(3, 4).is_err(), "more on one than in all");
        assert!(Dots::new(21, 1).is_err());
    }

    #[test]
    fn choices_and_outcomes_round_trip() {
        for choice in Choice::ALL {
            assert_eq!(Choice::parse(choice.as_str()), Some(choice));
        }
        for outcome in [
            Outcome::Accepted,
            Outcome::Rejected,
            Outcome::NoQuorum,
            Outcome::Ranked,
        ] {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
        assert_eq!(Choice::parse("maybe"), None);
    }
}
