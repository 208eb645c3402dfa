//! Domain types that validate on construction, so invalid data cannot exist past the edge.
//! Each `parse` returns the locale key of the message to show next to the field.
/// Domain types are read from JSON (a server function's arguments, a page's data) only through
/// their own `parse`: `#[serde(try_from = "String")]` on each, and these impls. So no way into
/// the program skips a check.
macro_rules! deserialize_through_parse {
    ($($name:ty),* $(,)?) => {$(
        impl TryFrom<String> for $name {
            type Error = &'static str;

            fn try_from(input: String) -> Result<Self, Self::Error> {
                Self::parse(&input)
            }
        }
    )*};
}

mod comment_text;
mod decision_inputs;
mod decision_rules;
mod display_name;
mod invite_code;
mod moderation;
mod outcome_stage;
mod page_number;
mod password;
mod phone_number;
#[cfg(feature = "ssr")]
pub mod plain_text;
mod proposal_status;
mod proposal_text;
#[cfg(feature = "ssr")]
mod quiet_hours;
mod reading_of;
mod report_reason;
mod role;
mod target;
#[cfg(feature = "ssr")]
pub mod text_message;
mod username;

pub use comment_text::CommentText;
pub use decision_inputs::{
    CancelReason, DecisionRule, MeetingNote, PollTitle, ProposalId, VotingWindow, counted,
    dots_ballot,
};
pub use decision_rules::{
    Choice, DecisionKind, Dots, Eligibility, Outcome, Quorum, Tally, VotingMethod,
};
pub use display_name::DisplayName;
pub use invite_code::InviteCode;
pub use moderation::{HideReason, LogAction, StaffNote};
pub use outcome_stage::{OutcomeStage, OutcomeText, WhoDoes};
pub use page_number::PageIndex;
pub use password::Password;
pub use phone_number::PhoneNumber;
pub use proposal_status::ProposalStatus;
pub use proposal_text::{ProposalBody, ProposalTitle};
#[cfg(feature = "ssr")]
pub use quiet_hours::QuietHours;
pub use reading_of::ReadingOf;
pub use report_reason::ReportReason;
pub use role::Role;
pub use target::{Target, TargetKind};
pub use username::Username;

deserialize_through_parse!(
    CommentText,
    DisplayName,
    InviteCode,
    Username,
    StaffNote,
    OutcomeText,
    ProposalTitle,
    ProposalBody,
);

impl TryFrom<String> for WhoDoes {
    type Error = &'static str;

    /// Present only when it says something (`parse` gives `None` for nothing).
    fn try_from(input: String) -> Result<Self, Self::Error> {
        Self::parse(&input)?.ok_or("error-who-does-missing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_make_a_domain_value_its_parse_refuses() {
        assert!(serde_json::from_str::<Username>(r#""""#).is_err());
        assert!(
            serde_json::from_str::<ProposalTitle>(&format!(r#""{}""#, "a".repeat(500))).is_err()
        );
        assert!(serde_json::from_str::<StaffNote>(r#""   ""#).is_err());
        assert!(serde_json::from_str::<WhoDoes>(r#""""#).is_err());
        assert!(serde_json::from_str::<Quorum>("0").is_err());
        assert!(serde_json::from_str::<Dots>(r#"{"per_voter":3,"per_proposal":4}"#).is_err());
    }

    #[test]
    fn what_is_written_to_json_reads_back_the_same() {
        let title = ProposalTitle::parse("Lavička u zastávky").unwrap();
        let json = serde_json::to_string(&title).unwrap();
        assert_eq!(serde_json::from_str::<ProposalTitle>(&json).unwrap(), title);
        let dots = Dots::new(3, 2).unwrap();
        let json = serde_json::to_string(&dots).unwrap();
        assert_eq!(serde_json::from_str::<Dots>(&json).unwrap(), dots);
        let quorum = Quorum::new(5).unwrap();
        assert_eq!(serde_json::from_str::<Quorum>("5").unwrap(), quorum);
    }
}
