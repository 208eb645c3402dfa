//! sea-orm entities, one per table made by the migrations.
pub mod category;
pub mod category_name;
pub mod comment;
pub mod invite;
pub mod place;
pub mod proposal;
pub mod proposal_photo;
pub mod proposal_status_change;
pub mod report;
pub mod session;
pub mod sign_in_failure;
pub mod support;
pub mod user;
