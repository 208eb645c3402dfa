//! What pages show: the types the server fills and the pages render, one file per area. They
//! compile for the browser too, so they hold data and small rules about showing it, never a
//! query (see ARCHITECTURE.md).
pub mod catalog;
pub mod decisions;
pub mod invites;
pub mod members;
pub mod moderation;
pub mod notifications;
pub mod outcomes;
pub mod posters;
pub mod proposals;
pub mod site;
pub mod text_messages;
