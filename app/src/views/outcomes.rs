//! What pages show of outcomes: the timeline on a proposal's page and the "What changed" list.
//! Shared by the server (which fills them) and the pages (which render them).
use crate::domain::OutcomeStage;
use crate::views::proposals::{CategoryLabel, PhotoView};
use serde::{Deserialize, Serialize};

/// One outcome on "What changed" or on its proposal's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeView {
    /// The outcome's own id (its poster is `/outcomes/{id}/poster`).
    pub id: i32,
    pub proposal_id: i32,
    pub proposal_title: String,
    pub category: Option<CategoryLabel>,
    pub summary: String,
    pub who_does: Option<String>,
    /// `2026-12-24`, when a date was promised.
    pub due_on: Option<String>,
    pub stage: OutcomeStage,
    pub not_possible_reason: Option<String>,
    pub published_on: String,
    pub updated_on: String,
    /// Oldest first, as a timeline reads.
    pub updates: Vec<OutcomeUpdateView>,
    /// The proposal's first photo: how it looked before.
    pub before: Option<PhotoView>,
    /// The newest photo of an update: how it looks now.
    pub after: Option<PhotoView>,
    /// Where "Listen" loads the outcome and its updates read aloud; `None` when the server
    /// cannot speak.
    pub listen: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeUpdateView {
    pub id: i32,
    pub body: String,
    /// The stage the outcome moved to with this update, if it moved.
    pub stage: Option<OutcomeStage>,
    pub written_on: String,
    pub photos: Vec<PhotoView>,
}

/// The "What changed" page: the counts at the top, the filters, and the outcomes, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeList {
    pub done_this_year: u64,
    pub in_progress: u64,
    pub planned: u64,
    /// Said as plainly as the rest: what could not be done is part of what happened.
    pub not_possible: u64,
    pub outcomes: Vec<OutcomeView>,
    pub categories: Vec<CategoryLabel>,
    /// The next page's number, when there are more.
    pub next_page: Option<u64>,
}

/// What "What changed" is filtered by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeFilter {
    pub stage: Option<OutcomeStage>,
    pub category: Option<i32>,
    /// Counted from 0.
    pub page: u64,
}

pub const OUTCOMES_PER_PAGE: u64 = 20;
