//! One module per page, named after its address.
mod coming_soon;
mod edit_proposal;
mod home;
mod join;
mod login;
mod me;
mod new_proposal;
mod not_found;
mod proposal;
mod proposals;
mod staff_invites;
mod staff_proposals;

pub use coming_soon::DecisionsPage;
pub use edit_proposal::EditProposalPage;
pub use home::HomePage;
pub use join::JoinPage;
pub use login::LoginPage;
pub use me::MePage;
pub use new_proposal::NewProposalPage;
pub use not_found::NotFound;
pub use proposal::ProposalPage;
pub use proposals::{ProposalsPage, list_proposals};
pub use staff_invites::StaffInvitesPage;
pub use staff_proposals::StaffProposalsPage;

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
    leptos_axum::redirect(&format!(
        "/login?{}",
        form_urlencoded::Serializer::new(String::new())
            .append_pair("next", back)
            .finish()
    ));
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}
