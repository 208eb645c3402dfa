//! Spolu's pages, components and server functions. The `ssr` feature adds everything that runs on
//! the server (database, sessions, passwords); `hydrate` builds the few interactive islands for the browser.
#![recursion_limit = "256"]

pub mod account;
pub mod catalog;
mod components;
pub mod decisions;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod invites;
pub mod islands;
pub mod members;
pub mod moderation;
pub mod notifications;
pub mod outcomes;
mod pages;
pub mod permissions;
pub mod proposals;
#[cfg(feature = "ssr")]
pub mod server;
mod shell;
pub mod site;
pub mod visitor;

pub use shell::{App, shell};
