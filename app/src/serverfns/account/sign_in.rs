//! Signing in with username and password, with a limit on failed tries.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = run(&username, password, next).await;
    crate::error::respond(result.map_err(|error| error.keeping(&[("username", &username)])))
}

#[cfg(feature = "ssr")]
async fn run(username: &str, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::domain::Username;
    use crate::server::accounts::authenticate::{Claimant, authenticate};
    use crate::server::{app_state, start_session};

    let wrong = || AppError::field("password", "error-sign-in-wrong");
    let Ok(username) = Username::parse(username) else {
        return Err(wrong());
    };
    let state = app_state()?;
    let address = crate::server::infra::client_address::of_this_request().await;
    let Some(member) = authenticate(
        &state.db,
        Claimant::Named(&username),
        &password,
        Some(&address),
    )
    .await?
    else {
        return Err(wrong());
    };

    start_session(member.id).await?;
    leptos_axum::redirect(&super::safe_next(next.as_deref()));
    Ok(())
}
