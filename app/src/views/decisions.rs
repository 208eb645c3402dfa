//! What pages show of decisions. Shared by the server (which fills them) and the pages (which
//! render them). Nothing here ever says how another person voted.
use crate::domain::{Choice, DecisionKind, Eligibility, Outcome};
use serde::{Deserialize, Serialize};

/// Where a decision is in its life, worked out from its times and marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionState {
    /// Opens later.
    Scheduled,
    Open,
    Closed,
    Cancelled,
}

impl DecisionState {
    pub fn label_key(self) -> &'static str {
        match self {
            DecisionState::Scheduled => "decision-scheduled",
            DecisionState::Open => "decision-open",
            DecisionState::Closed => "decision-closed",
            DecisionState::Cancelled => "decision-cancelled",
        }
    }
}

/// Why a member may not vote in a decision, as a locale key; None when they may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CannotVote {
    NotSignedIn,
    OnlyCoreGroup,
    Suspended,
    NotOpenYet,
    Over,
}

impl CannotVote {
    pub fn message_key(self) -> &'static str {
        match self {
            CannotVote::NotSignedIn => "vote-sign-in",
            CannotVote::OnlyCoreGroup => "vote-only-core",
            CannotVote::Suspended => "error-suspended",
            CannotVote::NotOpenYet => "vote-not-open-yet",
            CannotVote::Over => "vote-over",
        }
    }
}

/// The counted result of one proposal in a closed decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyRow {
    pub proposal_id: i32,
    /// `None` where the proposal is hidden from the viewer.
    pub title: Option<String>,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub dots: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionResult {
    /// How many could vote when it closed.
    pub eligible: u32,
    /// How many did.
    pub voters: u32,
    pub quorum_met: bool,
    pub outcome: Outcome,
    pub tallies: Vec<TallyRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub id: i32,
    /// `None` where it is named after a proposal hidden from the viewer.
    pub title: Option<String>,
    pub kind: DecisionKind,
    pub eligibility: Eligibility,
    pub quorum: u32,
    /// Local times in the estate's zone, `2026-11-24T18:00`.
    pub opens_at: String,
    pub closes_at: String,
    pub state: DecisionState,
    /// (id, title) of the proposals decided on; no title where one is hidden from the viewer.
    pub proposals: Vec<(i32, Option<String>)>,
    /// The viewer's own choice while the decision is open; nobody else's, ever.
    pub my_choice: Option<Choice>,
    /// For a priority poll: (dots each voter has, most on one proposal).
    pub dots: Option<(u32, u32)>,
    /// The viewer's own dots while the poll is open, one per proposal in `proposals`' order.
    pub my_dots: Vec<u32>,
    /// Whether the viewer has taken part (still known after the close; the choice is not).
    pub took_part: bool,
    pub cannot_vote: Option<CannotVote>,
    /// Staff may close early or cancel.
    pub can_manage: bool,
    pub result: Option<DecisionResult>,
    pub cancel_reason: Option<String>,
    /// For a tally counted in a meeting: the meeting's local time and the staff's note.
    pub decided_at_meeting: Option<(String, String)>,
    /// Where "Listen" loads the decision read aloud; `None` when the server cannot speak.
    pub listen: Option<String>,
}

/// A decision in a list: enough to find it and see whether to act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionCard {
    pub id: i32,
    /// `None` where it is named after a proposal hidden from the viewer.
    pub title: Option<String>,
    pub state: DecisionState,
    pub closes_at: String,
    /// The viewer may vote and has not yet.
    pub waiting_for_me: bool,
    pub outcome: Option<Outcome>,
}
