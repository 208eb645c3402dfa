//! Text messages (SMS), for members without a smartphone, where the centre has a gateway: the
//! number a member gives (or staff add at the desk, with their consent), the admin's gateway and
//! monthly cap, and the queue.
//!
//! Only the news that matters most goes by text: a decision the member may vote in has opened,
//! its result, and an outcome published on the member's own proposal. `notifications` decides
//! who hears what; [`enqueue`] takes those people who gave a number. A background task on every
//! instance calls [`deliver_due`], which claims each message once (as phone notifications do) and
//! counts it against the month's cap before sending.
mod gateway_settings;
mod numbers;
mod queue;

pub use gateway_settings::{GatewayForm, TextSettings, gateway_view, load, offered, save};
pub use numbers::{for_members, my_text_messages, number_of, remove_number, set_number};
pub use queue::{deliver_due, enqueue};
