//! The words (locale keys) for a ballot's choices and a decision's results, the same on every page.
use crate::domain::{Choice, Outcome};

pub fn choice_key(choice: Choice) -> &'static str {
    match choice {
        Choice::Yes => "vote-yes",
        Choice::No => "vote-no",
        Choice::Abstain => "vote-abstain",
    }
}

/// The outcome in one sentence.
pub fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Accepted => "result-accepted",
        Outcome::Rejected => "result-rejected",
        Outcome::NoQuorum => "result-no-quorum",
        Outcome::Ranked => "result-ranked",
    }
}
