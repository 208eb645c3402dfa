//! Domain types that validate on construction, so invalid data cannot exist past the edge.
//! Each `parse` returns the locale key of the message to show next to the field.
mod comment_text;
mod decision_rules;
mod display_name;
mod invite_code;
mod moderation;
mod outcome_stage;
mod page_number;
mod password;
mod proposal_status;
mod proposal_text;
mod report_reason;
mod role;
mod target;
mod username;

pub use comment_text::CommentText;
pub use decision_rules::{Choice, DecisionKind, Dots, Eligibility, Outcome, Quorum, Tally};
pub use display_name::DisplayName;
pub use invite_code::InviteCode;
pub use moderation::{HideReason, LogAction, StaffNote};
pub use outcome_stage::{OutcomeStage, OutcomeText, WhoDoes};
pub use page_number::PageIndex;
pub use password::Password;
pub use proposal_status::ProposalStatus;
pub use proposal_text::{ProposalBody, ProposalTitle};
pub use report_reason::ReportReason;
pub use role::Role;
pub use target::Target;
pub use username::Username;
