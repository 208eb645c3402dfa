//! One module per page, named after its address.
mod coming_soon;
mod home;
mod join;
mod login;
mod me;
mod not_found;
mod staff_invites;

pub use coming_soon::{DecisionsPage, ProposalsPage};
pub use home::HomePage;
pub use join::JoinPage;
pub use login::LoginPage;
pub use me::MePage;
pub use not_found::NotFound;
pub use staff_invites::StaffInvitesPage;

/// Sets the HTTP status of the page being rendered (404, 403), so the browser and tests see it.
pub fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(status),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Sends a visitor who must sign in to the sign-in page, coming back here afterwards.
pub fn redirect_to_sign_in(back: &str) {
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&format!("/login?next={}", urlencode(back)));
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}

#[cfg(feature = "ssr")]
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
