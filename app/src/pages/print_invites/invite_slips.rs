//! The slips of one batch that can still be used, with their QR codes.
use crate::error::AppError;
use crate::views::invites::PrintSheet;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "invite_slips")]
pub async fn invite_slips(batch: i32) -> Result<PrintSheet, AppError> {
    crate::error::respond(run(batch).await)
}

#[cfg(feature = "ssr")]
async fn run(batch: i32) -> Result<PrintSheet, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, invites};

    let member = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    let settings = &state.settings;
    invites::batches::print_sheet(
        &state.db,
        &member,
        batch,
        &settings.public_url,
        &crate::server::current_site()?,
        settings.time_zone,
    )
    .await
}
