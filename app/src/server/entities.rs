//! sea-orm entities, one per table made by the migrations.
pub mod category;
pub mod category_name;
pub mod invite;
pub mod session;
pub mod sign_in_failure;
pub mod user;
