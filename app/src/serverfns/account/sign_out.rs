//! Signing out: the session is deleted on the server, not just forgotten by the browser.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<(), AppError> {
    let session = crate::server::session().await?;
    session.flush().await.map_err(|_| AppError::Internal)?;
    leptos_axum::redirect("/");
    Ok(())
}
