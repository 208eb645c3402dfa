//! What moderation looks like to the pages: the marks staff leave on a proposal or comment, the
//! queue, and the log. Shared by the server (which fills them) and the pages (which show them).
use serde::{Deserialize, Serialize};

/// What moderators did to one proposal or comment, as everyone sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Hidden: the stored reason (a code from `HideReason::CODES` or staff's words). The text is
    /// then not sent to anyone but staff.
    pub hidden_reason: Option<String>,
    /// Edited by moderators, with their note.
    pub moderator_note: Option<String>,
    /// Held by the word list: only its author and staff see it, until staff let it through.
    pub held: bool,
    /// Written at the centre by this staff member, for its author.
    pub helped_by: Option<String>,
}

/// One reported, held or hidden item in the moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// `proposal` or `comment`.
    pub kind: String,
    pub id: i32,
    /// The proposal itself, or the one the comment is on.
    pub proposal_id: i32,
    pub proposal_title: String,
    /// The full text (staff see hidden text too).
    pub text: String,
    pub author: String,
    pub author_id: i32,
    pub marks: Marks,
    /// The proposal's discussion is locked.
    pub locked: bool,
    /// A proposal that may still be merged into another (waiting or open).
    pub mergeable: bool,
    /// Waiting for approval (pre-moderation) or held by the word list.
    pub waiting: bool,
    /// Open reports: the locale key of each reason with how many gave it, and their notes.
    pub reasons: Vec<(String, u32)>,
    pub notes: Vec<String>,
    /// The day of the newest open report (or of writing, for held items).
    pub on: String,
    /// The author's recording, for staff to listen to before letting it through.
    pub voice: Option<crate::views::proposals::VoiceView>,
    /// Sent only as a voice: staff write its words (the edit form) before approving it.
    pub awaiting_text: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    pub reported: Vec<QueueItem>,
    pub waiting: Vec<QueueItem>,
    pub hidden: Vec<QueueItem>,
}

/// One line of the moderation log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRow {
    pub id: i32,
    /// `2026-11-25T14:03` in the estate's time.
    pub at: String,
    pub staff: String,
    /// Locale key of the action.
    pub action_key: String,
    /// "proposal 12", "comment 40": the kind's locale key and the id.
    pub target: Option<(String, i32)>,
    /// The member it concerned or was done for.
    pub member: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPage {
    pub rows: Vec<LogRow>,
    /// Staff who appear in the log, for the filter: (id, name).
    pub staff: Vec<(i32, String)>,
    /// The id to continue after, when there are older rows.
    pub next: Option<i32>,
}
