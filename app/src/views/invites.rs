//! Invite batches as staff see them, and the printed slips (shared by the server and the pages).
use serde::{Deserialize, Serialize};

/// Where one code of a batch stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeState {
    Unused,
    /// Used, by this member (display name).
    Used(String),
    Expired,
    Revoked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeView {
    pub id: i32,
    /// `K7QM-3XPA`
    pub code: String,
    pub state: CodeState,
}

/// Codes made together, printed together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchView {
    pub id: i32,
    /// Locale key of the role the codes give.
    pub role_key: String,
    /// For staff only ("for Mrs. K.").
    pub note: Option<String>,
    pub made_on: String,
    pub made_by: String,
    /// The last day the codes work.
    pub expires_on: String,
    pub codes: Vec<CodeView>,
}

/// One slip to cut out and hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    pub code: String,
    /// The join address with the code in it, as the QR code holds it.
    pub join_url: String,
    /// The QR code as an SVG element, drawn on the server.
    pub qr_svg: String,
    pub expires_on: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintSheet {
    pub site_name: String,
    pub estate_name: String,
    /// Where to go without a camera: `https://spolu.example.cz/join`.
    pub join_address: String,
    pub slips: Vec<Slip>,
}
