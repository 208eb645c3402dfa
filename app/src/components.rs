//! Building blocks shared by pages: the frame around every page, form fields, icons.
mod decision_card;
mod decision_fields;
mod decision_words;
mod form_field;
mod icons;
mod language_switch;
mod layout;
mod list_filters;
mod listen;
mod moderation_marks;
mod not_found;
mod outcome_view;
mod page_title;
mod photo_gallery;
mod plain_text;
mod proposal_card;
mod proposal_fields;
mod push_switch;
mod text_box;
mod voice;
mod writing_for;

pub use decision_card::DecisionCardView;
pub use decision_fields::{
    DecisionButton, EligibilityChoice, MeetingNoteAndSave, PollProposals, ScheduleFields,
};
pub use decision_words::{
    DecisionWords, ResultWords, choice_counts, choice_key, outcome_key, ranked_by_dots,
};
pub use form_field::{FieldError, FormMessage, SendProgress, TextArea, TextField, shown};
/// The file of every icon, served at `/icons.svg`.
pub use icons::sprite as icon_sprite;
pub use icons::{Icon, IconSvg};
pub use language_switch::LanguageSwitch;
pub use layout::{BottomNav, Header};
pub use list_filters::{CategoryFilter, FiltersBox, next_page_href};
pub use listen::Listen;
pub use moderation_marks::{ModerationMarks, StaffBadge, hide_reason_text, shown_title};
pub use not_found::{NotFound, set_status};
#[cfg(feature = "ssr")]
pub use outcome_view::spoken_outcome;
pub use outcome_view::{OutcomeFacts, OutcomeTimeline, StageBadge};
pub use page_title::PageTitle;
pub use photo_gallery::PhotoGallery;
pub use plain_text::PlainText;
pub use proposal_card::{CategoryBadge, ProposalCardView, StatusBadge};
pub use proposal_fields::{PhotoFields, ProposalFields};
pub use push_switch::{PushPrompt, PushSwitch};
pub use text_box::TextBox;
pub use voice::{ReadingForm, VoiceField, VoicePlayer};
pub use writing_for::{WritingFor, member_in_query};
