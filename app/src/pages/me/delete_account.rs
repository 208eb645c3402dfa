//! A member deletes their own account, choosing whether their posts stay (as "former member")
//! or go; their password confirms it. They are signed out and land on the home page.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "delete_account")]
pub async fn delete_account(posts: String, password: String) -> Result<(), AppError> {
    crate::error::respond(run(posts, password).await)
}

#[cfg(feature = "ssr")]
async fn run(posts: String, password: String) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::accounts::account_deletion::{self, Posts};
    use crate::server::{app_state, current_member};

    // Their own account: a suspended member may leave too.
    let member = require(current_member(), Action::Read)?;
    let posts =
        Posts::parse(&posts).ok_or_else(|| AppError::field("posts", "error-posts-choice"))?;
    let state = app_state()?;
    account_deletion::delete(&state.db, state.files.as_ref(), &member, &password, posts).await?;
    // The account is gone already; its other sessions find no member from now on.
    let session = crate::server::session().await?;
    session.flush().await.map_err(|_| AppError::Internal)?;
    leptos_axum::redirect("/?deleted=1");
    Ok(())
}
