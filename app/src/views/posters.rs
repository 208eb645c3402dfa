//! What a poster for the stairwell shows: only what any visitor may read, with a QR code (drawn
//! on the server) that opens the page it is about.
use crate::views::decisions::DecisionView;
use crate::views::outcomes::OutcomeView;
use crate::views::proposals::ProposalCard;
use serde::{Deserialize, Serialize};

/// The address a poster's QR code opens, written under it too, and the code itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PosterLink {
    pub address: String,
    pub qr_svg: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionPoster {
    pub decision: DecisionView,
    pub link: PosterLink,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomePoster {
    pub outcome: OutcomeView,
    pub link: PosterLink,
}

/// "What's new": the newest proposals anyone can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekPoster {
    pub proposals: Vec<ProposalCard>,
    pub link: PosterLink,
}
