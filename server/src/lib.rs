//! The Spolu server: configuration, start-up (database, migrations, first admin code) and the HTTP
//! application. `main.rs` is the command line; tests start the same application on port 0.
mod assets;
pub mod backup;
pub mod cli;
pub mod config;
mod downloads;
mod health;
mod kept_pages;
mod listen;
pub mod metrics;
mod routes;
mod serve;
mod startup;

pub use config::{Command, Config, InviteRole};
pub use startup::{Application, StartError, open_database, prepare, print_invites};
