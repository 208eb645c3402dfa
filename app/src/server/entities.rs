//! sea-orm entities, one per table made by the migrations.
pub mod invite;
pub mod session;
pub mod sign_in_failure;
pub mod user;
