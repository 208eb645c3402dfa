//! Proposals on the server: creating, listing (keyset pages, filters, search), reading, supporting.
//! Every list is a fixed number of queries, whatever its length.
pub mod comments;
pub mod photo_access;
pub mod posting_limits;
pub mod reports;

mod create;
mod detail;
mod edit;
mod list;
mod spoken;
mod status;
mod support;
mod visibility;
pub use create::{
    Attached, NewProposal, ProposalForm, ReadyProposal, check_photos, check_voice, create,
    find_choices, may_propose,
};
pub use detail::detail;
pub use edit::{edit, withdraw};
pub use list::list;
pub use spoken::{spoken_text, voice_file};
pub use status::change_status;
pub use support::set_support;
pub use visibility::find_visible;
