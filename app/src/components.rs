//! Building blocks shared by pages: the frame around every page, form fields, icons.
mod decision_fields;
mod decision_words;
mod form_field;
mod icons;
mod language_switch;
mod layout;
mod moderation_marks;
mod not_found;
mod outcome_view;
mod page_title;
mod plain_text;
mod proposal_card;
mod text_box;

pub use decision_fields::{EligibilityChoice, ScheduleFields};
pub use decision_words::{choice_key, outcome_key};
pub use form_field::{FieldError, FormMessage, SendProgress, TextArea, TextField};
pub use icons::{Icon, IconSvg};
pub use language_switch::LanguageSwitch;
pub use layout::{BottomNav, Header};
pub use moderation_marks::{ModerationMarks, StaffBadge, hide_reason_text, shown_title};
pub use not_found::{NotFound, set_status};
pub use outcome_view::{OutcomeFacts, OutcomeTimeline, StageBadge};
pub use page_title::PageTitle;
pub use plain_text::PlainText;
pub use proposal_card::{CategoryBadge, ProposalCardView, StatusBadge};
pub use text_box::TextBox;
