//! Phone notifications (Web Push): the devices a member turned them on for, the kinds of news they
//! switched off, and the queue that carries each notification to each device.
//!
//! `notifications` decides who hears what and stores the in-app rows; right after, [`enqueue`]
//! adds one delivery per device of those members. A background task on every instance calls
//! [`deliver_due`]: each delivery is claimed by one instance (a guarded update), posted, and
//! kept as sent, so several instances never send one twice. Nothing is sent at night.
mod delivery;
mod devices;
mod message;
mod prompt;

pub use delivery::{deliver_due, enqueue};
pub use devices::{device_label, forget_device, set_muted, settings, subscribe};
pub use prompt::ask_now;
