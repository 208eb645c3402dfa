//! A member changes their password, giving the current one first.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    crate::error::respond(run(current_password, new_password).await)
}

#[cfg(feature = "ssr")]
async fn run(current_password: String, new_password: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{accounts::my_account, app_state, current_member};

    let member = require(current_member(), Action::Read)?;
    let state = app_state()?;
    let this_session = crate::server::session()
        .await?
        .id()
        .map(|id| id.to_string());
    my_account::change_password(
        &state.db,
        &member,
        &current_password,
        &new_password,
        this_session.as_deref(),
    )
    .await
}
