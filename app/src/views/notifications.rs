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
    /// An outcome was published, or updated, on a proposal I wrote, supported or discussed.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcome_published"))]
    OutcomePublished,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "outcome_updated"))]
    OutcomeUpdated,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 9] = [
        NotificationKind::Reply,
        NotificationKind::Hidden,
        NotificationKind::Edited,
        NotificationKind::Merged,
        NotificationKind::Approved,
        NotificationKind::DecisionOpened,
        NotificationKind::DecisionClosed,
        NotificationKind::OutcomePublished,
        NotificationKind::OutcomeUpdated,
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
            NotificationKind::OutcomePublished => "outcome_published",
            NotificationKind::OutcomeUpdated => "outcome_updated",
        }
    }

    /// The locale key of the sentence that tells it (`notify-decision-opened`, …).
    pub fn label_key(self) -> String {
        format!("notify-{}", self.as_str().replace('_', "-"))
    }
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
