//! What moderators do and why: the reasons for hiding, the short notes staff write, and the actions
//! the moderation log records.
use serde::{Deserialize, Serialize};

/// Why staff hid something; shown to everyone in place of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HideReason {
    PersonalInformation,
    Offensive,
    Spam,
    OffTopic,
    /// Staff's own words.
    Written(StaffNote),
}

impl HideReason {
    /// The built-in reasons, as the codes stored and offered in the form.
    pub const CODES: [&'static str; 4] = ["personal_information", "offensive", "spam", "off_topic"];

    /// A built-in reason by its code, or "other" with the words staff wrote.
    pub fn parse(choice: &str, written: &str) -> Result<Self, (&'static str, &'static str)> {
        match choice {
            "personal_information" => Ok(Self::PersonalInformation),
            "offensive" => Ok(Self::Offensive),
            "spam" => Ok(Self::Spam),
            "off_topic" => Ok(Self::OffTopic),
            "other" => StaffNote::parse(written)
                .map(Self::Written)
                .map_err(|message| ("written", message)),
            _ => Err(("reason", "error-hide-reason")),
        }
    }

    /// What goes in the database: a code, or the written words.
    pub fn as_stored(&self) -> &str {
        match self {
            Self::PersonalInformation => "personal_information",
            Self::Offensive => "offensive",
            Self::Spam => "spam",
            Self::OffTopic => "off_topic",
            Self::Written(note) => note.as_str(),
        }
    }

    /// The locale key of a built-in reason; words staff wrote have none. `author_removed` is not
    /// staff's to choose: it marks a proposal its author removed with their account.
    pub fn label_key(stored: &str) -> Option<String> {
        (Self::CODES.contains(&stored) || stored == "author_removed")
            .then(|| format!("hide-reason-{}", stored.replace('_', "-")))
    }
}

/// A short note staff write: a reason for hiding or suspending, what an edit changed. Spaces are
/// tidied; it must say something, in at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct StaffNote(String);

impl StaffNote {
    pub const MAX: usize = 200;

    pub fn parse(text: &str) -> Result<Self, &'static str> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err("error-note-missing");
        }
        if text.chars().count() > Self::MAX {
            return Err("error-note-long");
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Every kind of staff action the moderation log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum LogAction {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "hide"))]
    Hide,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "restore"))]
    Restore,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "dismiss"))]
    Dismiss,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "edit"))]
    Edit,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "lock"))]
    Lock,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "unlock"))]
    Unlock,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "merge"))]
    Merge,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "approve"))]
    Approve,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "suspend"))]
    Suspend,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "lift_suspension"))]
    LiftSuspension,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "add_to_core"))]
    AddToCore,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "remove_from_core"))]
    RemoveFromCore,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "change_role"))]
    ChangeRole,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reset_password"))]
    ResetPassword,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "create_invites"))]
    CreateInvites,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "revoke_invite"))]
    RevokeInvite,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "write_for_member"))]
    WriteForMember,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "change_settings"))]
    ChangeSettings,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "publish_outcome"))]
    PublishOutcome,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "update_outcome"))]
    UpdateOutcome,
    /// Staff kept a phone number for a member's text messages, with their consent; or removed it.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "set_phone"))]
    SetPhone,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "remove_phone"))]
    RemovePhone,
}

impl LogAction {
    pub const ALL: [LogAction; 22] = [
        LogAction::Hide,
        LogAction::Restore,
        LogAction::Dismiss,
        LogAction::Edit,
        LogAction::Lock,
        LogAction::Unlock,
        LogAction::Merge,
        LogAction::Approve,
        LogAction::Suspend,
        LogAction::LiftSuspension,
        LogAction::AddToCore,
        LogAction::RemoveFromCore,
        LogAction::ChangeRole,
        LogAction::ResetPassword,
        LogAction::CreateInvites,
        LogAction::RevokeInvite,
        LogAction::WriteForMember,
        LogAction::ChangeSettings,
        LogAction::PublishOutcome,
        LogAction::UpdateOutcome,
        LogAction::SetPhone,
        LogAction::RemovePhone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LogAction::Hide => "hide",
            LogAction::Restore => "restore",
            LogAction::Dismiss => "dismiss",
            LogAction::Edit => "edit",
            LogAction::Lock => "lock",
            LogAction::Unlock => "unlock",
            LogAction::Merge => "merge",
            LogAction::Approve => "approve",
            LogAction::Suspend => "suspend",
            LogAction::LiftSuspension => "lift_suspension",
            LogAction::AddToCore => "add_to_core",
            LogAction::RemoveFromCore => "remove_from_core",
            LogAction::ChangeRole => "change_role",
            LogAction::ResetPassword => "reset_password",
            LogAction::CreateInvites => "create_invites",
            LogAction::RevokeInvite => "revoke_invite",
            LogAction::WriteForMember => "write_for_member",
            LogAction::ChangeSettings => "change_settings",
            LogAction::PublishOutcome => "publish_outcome",
            LogAction::UpdateOutcome => "update_outcome",
            LogAction::SetPhone => "set_phone",
            LogAction::RemovePhone => "remove_phone",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    pub fn label_key(self) -> String {
        format!("log-action-{}", self.as_str().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_reason_needs_no_words_and_other_needs_some() {
        assert_eq!(HideReason::parse("spam", ""), Ok(HideReason::Spam));
        assert_eq!(
            HideReason::parse("other", "  "),
            Err(("written", "error-note-missing"))
        );
        let written = HideReason::parse("other", " telefonní  číslo ").unwrap();
        assert_eq!(written.as_stored(), "telefonní číslo");
        assert_eq!(HideReason::label_key(written.as_stored()), None);
        assert_eq!(
            HideReason::label_key("personal_information").as_deref(),
            Some("hide-reason-personal-information")
        );
        assert_eq!(
            HideReason::parse("rude", ""),
            Err(("reason", "error-hide-reason"))
        );
    }

    #[test]
    fn a_note_is_short_and_says_something() {
        assert_eq!(StaffNote::parse(""), Err("error-note-missing"));
        assert_eq!(StaffNote::parse(&"a".repeat(201)), Err("error-note-long"));
        assert_eq!(
            StaffNote::parse(&"a".repeat(200)).map(|n| n.0.len()),
            Ok(200)
        );
    }

    #[test]
    fn every_log_action_reads_back_from_its_code() {
        for action in LogAction::ALL {
            assert_eq!(LogAction::parse(action.as_str()), Some(action));
        }
        assert_eq!(LogAction::parse("vote"), None);
    }
}
