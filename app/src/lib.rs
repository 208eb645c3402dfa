//! Spolu's pages, components and server functions. The `ssr` feature adds everything that runs on
//! the server (database, sessions, passwords); `hydrate` builds the few interactive islands for the browser.
#![recursion_limit = "256"]

mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod islands;
mod pages;
pub mod permissions;
#[cfg(feature = "ssr")]
pub mod server;
mod serverfns;
mod shell;
pub mod views;
pub mod visitor;

pub use components::icon_sprite;
pub use shell::{App, shell};
