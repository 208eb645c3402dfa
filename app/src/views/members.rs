//! Members as staff see them on the members page (shared by the server and the page).
use crate::domain::Role;
use serde::{Deserialize, Serialize};

/// One member as the members page shows them to staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub id: i32,
    pub display_name: String,
    pub username: String,
    pub role: Role,
    pub core: bool,
    /// The last day of a running suspension, and why.
    pub suspended_until: Option<String>,
    pub suspension_reason: Option<String>,
    /// An unused password-reset code made for them, to read out or write down.
    pub reset_code: Option<String>,
    /// The number they gave for text messages (`+420 777 123 456`): staff help with it at the desk.
    pub phone: Option<String>,
}
