//! What pages show of proposals: list cards, the detail, the list's filters. Shared by the server
//! (which fills them) and the pages (which render them).
use crate::domain::ProposalStatus;
use serde::{Deserialize, Serialize};

/// How many cards one list page shows.
pub const PAGE_SIZE: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Sort {
    #[default]
    Newest,
    MostSupported,
    RecentlyDiscussed,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::MostSupported, Sort::RecentlyDiscussed];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::MostSupported => "supported",
            Sort::RecentlyDiscussed => "discussed",
        }
    }

    pub fn parse(input: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == input)
            .unwrap_or_default()
    }

    pub fn label_key(self) -> String {
        format!("sort-{}", self.as_str())
    }
}

/// The list's filters, as they come from the address (`/proposals?q=…&status=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListFilter {
    pub q: String,
    pub status: Option<ProposalStatus>,
    pub category: Option<i32>,
    /// Only what the viewer supports ("What I support"); ignored for a visitor.
    pub supported_by_me: bool,
    pub sort: Sort,
    /// The keyset cursor of the page to show: the last card of the previous page.
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLabel {
    pub id: i32,
    pub icon: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalCard {
    pub id: i32,
    /// The first photo's thumbnail, if the proposal has photos.
    pub thumbnail: Option<String>,
    pub title: String,
    pub status: ProposalStatus,
    pub category: Option<CategoryLabel>,
    pub support_count: i32,
    pub comment_count: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalList {
    pub cards: Vec<ProposalCard>,
    /// Every category that is not archived, for the filter.
    pub categories: Vec<CategoryLabel>,
    /// The cursor for the next page, when there is one.
    pub next: Option<String>,
}

/// One photo of a proposal: the full photo (at most 1600 px) and its thumbnail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoView {
    pub url: String,
    pub thumbnail_url: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ProposalStatus,
    /// `2026-11-24`
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDetail {
    pub id: i32,
    /// Hidden (title and text are then empty for all but staff), edited by moderators, waiting.
    pub marks: crate::views::moderation::Marks,
    /// No new comments: a moderator locked the discussion.
    pub locked: bool,
    /// Merged into this proposal (a duplicate).
    pub merged_into: Option<i32>,
    /// The asking member may moderate it (a link to it in the moderation queue).
    pub can_moderate: bool,
    /// The latest decision on it, if any.
    pub decision_id: Option<i32>,
    /// Staff may open a decision on it (it is open for discussion).
    pub can_open_decision: bool,
    pub photos: Vec<PhotoView>,
    pub title: String,
    pub body: String,
    pub status: ProposalStatus,
    pub category: Option<CategoryLabel>,
    pub place: Option<String>,
    pub author: String,
    /// The author is staff or an admin: shown with a badge no display name can imitate.
    pub author_is_staff: bool,
    pub created_on: String,
    pub edited: bool,
    pub history: Vec<StatusChange>,
    pub support_count: i32,
    /// Whether the asking member supports it (false for visitors).
    pub supported_by_me: bool,
    /// Whether the asking member may support it now (signed in, not the author, open).
    pub can_support: bool,
    /// Whether the asking member has reported it.
    pub reported_by_me: bool,
    /// Whether the asking member may edit or withdraw it (its author or staff, before a vote).
    pub can_change: bool,
    /// For the edit form.
    pub place_id: Option<i32>,
    /// Where "Listen" loads the words read aloud by the server; `None` when the server cannot
    /// speak (the page offers the browser's own speech) or the words are not readable.
    pub listen: Option<String>,
    /// The author's own voice, where the viewer may read the words.
    pub voice: Option<VoiceView>,
    /// Sent only as a voice; its words are a note until staff write them.
    pub awaiting_text: bool,
}

/// The longest voice message, in seconds: the recorder stops there and the server refuses longer.
pub const VOICE_MAX_SECONDS: u32 = 120;

/// A voice message: where it plays from and how long it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceView {
    /// `/proposals/12/voice` or `/comments/40/voice`; answers only who may read the post.
    pub url: String,
    pub seconds: u32,
}

impl VoiceView {
    /// The recording of a proposal or a comment (by `kind`, `proposals` or `comments`).
    pub fn of(kind: &str, id: i32, seconds: Option<i32>) -> Self {
        VoiceView {
            url: format!("/{kind}/{id}/voice"),
            seconds: seconds.and_then(|s| u32::try_from(s).ok()).unwrap_or(0),
        }
    }
}

/// A comment as the proposal page shows it; replies are listed under their top-level comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i32,
    pub parent_id: Option<i32>,
    pub author: String,
    /// The author is staff or an admin: shown with a badge no display name can imitate.
    pub author_is_staff: bool,
    /// `2026-11-24`
    pub written_on: String,
    /// Empty when deleted.
    pub text: String,
    pub deleted: bool,
    pub edited: bool,
    /// The asking member wrote it and it is not deleted (may delete).
    pub mine: bool,
    /// …and it is still within the edit window.
    pub editable: bool,
    /// Whether the asking member has reported it.
    pub reported_by_me: bool,
    /// Hidden (text empty for all but staff), edited by moderators, held by the word list.
    pub marks: crate::views::moderation::Marks,
    /// Where "Listen" loads the words read aloud; `None` when the server cannot speak or the
    /// words are not readable (deleted, hidden).
    pub listen: Option<String>,
    /// The author's own voice, where the viewer may read the words.
    pub voice: Option<VoiceView>,
}

/// What the new-proposal form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalChoices {
    pub categories: Vec<CategoryLabel>,
    pub places: Vec<(i32, String)>,
}
