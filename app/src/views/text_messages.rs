//! Text messages (SMS) as pages show them (shared by the server and the pages).
use serde::{Deserialize, Serialize};

/// A member's own text-message settings on `/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTextMessages {
    /// Whether this site sends text messages at all (an admin set up a gateway).
    pub offered: bool,
    /// `+420 777 123 456`, when the member gave a number.
    pub number: Option<String>,
}

/// The gateway as the admin sees it on `/admin`; the password is never sent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayView {
    pub url: String,
    pub username: String,
    pub password_set: bool,
    pub body: String,
    pub monthly_cap: u32,
    pub sent_this_month: u32,
}

impl GatewayView {
    /// The largest monthly cap an admin may set.
    pub const CAP_MAX: u32 = 100_000;
    /// The longest body template.
    pub const BODY_MAX: usize = 2000;
}
