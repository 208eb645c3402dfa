//! What the notifications page shows, shared by the server (which fills it) and the page.
use serde::{Deserialize, Serialize};

/// Every kind of event a member hears about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum NotificationKind {
    /// Someone replied to my proposal or comment.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reply"))]
    Reply,
    /// Moderators hid, edited, merged or approved what I wrote.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "hidden"))]
    Hidden,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "edited"))]
    Edited,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "merged"))]
    Merged,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "approved"))]
    Approved,
    /// A decision I may vote in opened; and when it closed, with the result.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "decision_opened"))]
    DecisionOpened,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "decision_closed"))]
    DecisionClosed,
    /// A decision I may vote in closes within a day, and I have not voted.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "decision_closing"))]
    DecisionClosing,
    /// An outcome was published, or updated, on a proposal I wrote, supported or discussed.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcome_published"))]
    OutcomePublished,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcome_updated"))]
    OutcomeUpdated,
    /// Staff: a proposal or a comment waits in the moderation queue.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "waiting"))]
    Waiting,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 11] = [
        NotificationKind::Reply,
        NotificationKind::Hidden,
        NotificationKind::Edited,
        NotificationKind::Merged,
        NotificationKind::Approved,
        NotificationKind::DecisionOpened,
        NotificationKind::DecisionClosed,
        NotificationKind::DecisionClosing,
        NotificationKind::OutcomePublished,
        NotificationKind::OutcomeUpdated,
        NotificationKind::Waiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Reply => "reply",
            NotificationKind::Hidden => "hidden",
            NotificationKind::Edited => "edited",
            NotificationKind::Merged => "merged",
            NotificationKind::Approved => "approved",
            NotificationKind::DecisionOpened => "decision_opened",
            NotificationKind::DecisionClosed => "decision_closed",
            NotificationKind::DecisionClosing => "decision_closing",
            NotificationKind::OutcomePublished => "outcome_published",
            NotificationKind::OutcomeUpdated => "outcome_updated",
            NotificationKind::Waiting => "waiting",
        }
    }

    /// The locale key of the sentence that tells it (`notify-decision-opened`, …).
    pub fn label_key(self) -> String {
        format!("notify-{}", self.as_str().replace('_', "-"))
    }
}

/// The kinds of news a member can switch off for their phone, each a line on `/me`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum PushTopic {
    /// A reply to my proposal or comment.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "replies"))]
    Replies,
    /// A decision I may vote in has opened.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "votes"))]
    Votes,
    /// It closes within a day and I have not voted.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reminders"))]
    Reminders,
    /// Its result.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "results"))]
    Results,
    /// An outcome or an update on something I proposed, supported or discussed.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcomes"))]
    Outcomes,
    /// What moderators did to my posts.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "moderation"))]
    Moderation,
    /// Staff: something waits in the moderation queue.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "queue"))]
    Queue,
}

impl PushTopic {
    pub const ALL: [PushTopic; 7] = [
        PushTopic::Replies,
        PushTopic::Votes,
        PushTopic::Reminders,
        PushTopic::Results,
        PushTopic::Outcomes,
        PushTopic::Moderation,
        PushTopic::Queue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PushTopic::Replies => "replies",
            PushTopic::Votes => "votes",
            PushTopic::Reminders => "reminders",
            PushTopic::Results => "results",
            PushTopic::Outcomes => "outcomes",
            PushTopic::Moderation => "moderation",
            PushTopic::Queue => "queue",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|topic| topic.as_str() == input)
    }

    /// The locale key of its line on `/me` (`push-topic-replies`, …).
    pub fn label_key(self) -> String {
        format!("push-topic-{}", self.as_str())
    }

    /// Only staff hear about the queue, so only they are offered it.
    pub fn staff_only(self) -> bool {
        self == PushTopic::Queue
    }

    /// Which switch a notification of this kind answers to.
    pub fn of(kind: NotificationKind) -> Self {
        match kind {
            NotificationKind::Reply => PushTopic::Replies,
            NotificationKind::Hidden
            | NotificationKind::Edited
            | NotificationKind::Merged
            | NotificationKind::Approved => PushTopic::Moderation,
            NotificationKind::DecisionOpened => PushTopic::Votes,
            NotificationKind::DecisionClosing => PushTopic::Reminders,
            NotificationKind::DecisionClosed => PushTopic::Results,
            NotificationKind::OutcomePublished | NotificationKind::OutcomeUpdated => {
                PushTopic::Outcomes
            }
            NotificationKind::Waiting => PushTopic::Queue,
        }
    }
}

/// A device with phone notifications on, as its member sees it on `/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushDeviceView {
    pub id: i32,
    pub label: String,
    /// The day it was turned on, `2026-12-03`.
    pub since: String,
}

/// The "Phone notifications" section of `/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushSettings {
    /// The server's VAPID public key (base64url), which a browser needs to subscribe.
    pub public_key: String,
    pub devices: Vec<PushDeviceView>,
    pub muted: Vec<PushTopic>,
    /// The topics offered to this member (the queue only to staff).
    pub offered: Vec<PushTopic>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub kind: NotificationKind,
    /// What it is about, named as the member knows it (a proposal's or a decision's title);
    /// `None` where moderators hid it from them.
    pub about: Option<String>,
    /// Where tapping it leads.
    pub link: String,
    /// What it is listed with: everything about one proposal (its decision too) is one group.
    pub group: String,
    /// A locale key (a built-in reason, a result, a stage) or words staff wrote.
    pub detail: Option<String>,
    pub at: String,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationList {
    pub notifications: Vec<NotificationView>,
    pub unread: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_sentence() {
        let keys: std::collections::HashSet<String> = NotificationKind::ALL
            .map(NotificationKind::label_key)
            .into();
        assert_eq!(keys.len(), NotificationKind::ALL.len());
        assert_eq!(
            NotificationKind::OutcomeUpdated.label_key(),
            "notify-outcome-updated"
        );
    }
}
