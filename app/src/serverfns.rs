//! Server functions that several pages call (a page's own server functions live beside it in
//! `pages/<address>/`). Like those, each checks who is asking; the work is in `server/`.
pub mod account;
mod add_comment;
mod assisted_member;
mod get_proposal;
mod list_decisions;
mod list_proposals;
pub mod phone_and_texts;
mod proposal_choices;
mod record_reading;

pub use add_comment::AddComment;
pub use assisted_member::assisted_member;
pub use get_proposal::get_proposal;
pub use list_decisions::list_decisions;
pub use list_proposals::list_proposals;
pub use proposal_choices::get_proposal_choices;
pub use record_reading::RecordReading;
