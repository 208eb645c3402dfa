//! Every server function and page through HTTP, against the real server on port 0 with a fresh
//! database made by the real migrations, on SQLite and (when configured) PostgreSQL.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod admin;
mod assisted;
mod attacks;
mod backup;
mod comments;
mod decisions;
mod demo;
mod durability;
mod health;
mod instances;
mod invites;
mod join;
mod language;
mod listen;
mod members;
mod moderation;
mod my_account;
mod notifications;
mod open_data;
mod outcomes;
mod page_costs;
mod pages;
mod photos;
mod posters;
mod pre_moderation;
mod proposals;
mod push;
mod qr;
mod reports;
mod sign_in;
mod staff_permissions;
mod stored_values;
mod text_messages;
mod voice;
