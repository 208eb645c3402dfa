//! Setting a new password with a one-time code from staff; the member is then signed in.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(code: String, password: String) -> Result<(), AppError> {
    let result = run(&code, &password).await;
    crate::error::respond(result.map_err(|error| error.keeping(&[("code", &code)])))
}

#[cfg(feature = "ssr")]
async fn run(code: &str, password: &str) -> Result<(), AppError> {
    use crate::domain::{InviteCode, Password};
    use crate::server::accounts::sign_in_limit::{self, PER_ADDRESS, address_key};
    use crate::server::{app_state, invites, start_session};

    let (code, password) = AppError::both(
        InviteCode::parse(code).map_err(|m| AppError::field("code", m)),
        Password::parse(password).map_err(|m| AppError::field("password", m)),
    )?;
    let state = app_state()?;
    // Guessing codes is slowed down like guessing passwords.
    let address = crate::server::infra::client_address::of_this_request().await;
    let keys = [(address_key(&address), PER_ADDRESS)];
    let try_ = sign_in_limit::reserve(&state.db, &keys).await?;
    // Only a wrong code was a guess; it stays counted.
    let member_id = invites::reset_password(&state.db, &code, &password).await?;
    try_.succeeded(&state.db).await?;
    start_session(member_id).await?;
    leptos_axum::redirect("/");
    Ok(())
}
