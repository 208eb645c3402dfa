//! Why a member reports something. "Other" needs a few words of explanation.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum ReportReason {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "offensive"))]
    Offensive,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "personal_information"))]
    PersonalInformation,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "spam"))]
    Spam,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "other"))]
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Offensive,
        ReportReason::PersonalInformation,
        ReportReason::Spam,
        ReportReason::Other,
    ];
    pub const NOTE_MAX: usize = 500;

    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Offensive => "offensive",
            ReportReason::PersonalInformation => "personal_information",
            ReportReason::Spam => "spam",
            ReportReason::Other => "other",
        }
    }

    pub fn label_key(self) -> String {
        format!("report-reason-{}", self.as_str().replace('_', "-"))
    }

    /// The reason and its note, checked together: "other" needs a note, and notes are short.
    pub fn parse(
        reason: &str,
        note: &str,
    ) -> Result<(Self, Option<String>), (&'static str, &'static str)> {
        let reason = Self::ALL
            .into_iter()
            .find(|r| r.as_str() == reason)
            .ok_or(("reason", "error-report-reason"))?;
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        if note.chars().count() > Self::NOTE_MAX {
            return Err(("note", "error-report-note-long"));
        }
        if note.is_empty() && reason == ReportReason::Other {
            return Err(("note", "error-report-note-missing"));
        }
        Ok((reason, (!note.is_empty()).then_some(note)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_needs_a_note_and_the_rest_do_not() {
        assert_eq!(
            ReportReason::parse("spam", ""),
            Ok((ReportReason::Spam, None))
        );
        assert_eq!(
            ReportReason::parse("other", " "),
            Err(("note", "error-report-note-missing"))
        );
        assert_eq!(
            ReportReason::parse("other", " je tu  telefon "),
            Ok((ReportReason::Other, Some("je tu telefon".into())))
        );
        assert_eq!(
            ReportReason::parse("ugly", ""),
            Err(("reason", "error-report-reason"))
        );
        assert_eq!(
            ReportReason::parse("spam", &"x".repeat(501)),
            Err(("note", "error-report-note-long"))
        );
    }
}
