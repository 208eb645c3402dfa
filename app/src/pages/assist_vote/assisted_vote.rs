//! A member who asks for help at the centre votes on a staff member's device, confirming with
//! their own password. The record names the staff member who helped; the choice is stored like
//! any other vote, never tied to the help.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "assisted_vote")]
pub async fn assisted_vote(
    decision: i32,
    username: String,
    password: String,
    choice: Option<String>,
) -> Result<(), AppError> {
    let choice = choice.unwrap_or_default();
    let result = run(decision, &username, password, &choice).await;
    // Never the password; the choice is not kept either, so it is not left on a shared screen.
    crate::error::respond(result.map_err(|error| error.keeping(&[("username", &username)])))
}

#[cfg(feature = "ssr")]
async fn run(
    decision: i32,
    username: &str,
    password: String,
    choice: &str,
) -> Result<(), AppError> {
    use crate::domain::{Choice, Username};
    use crate::permissions::{Action, require};
    use crate::server::accounts::authenticate::{Claimant, authenticate};
    use crate::server::{accounts::members, app_state, current_member, decisions};

    let staff = require(current_member(), Action::ActForResident)?;
    let state = app_state()?;
    let wrong = || AppError::field("password", "error-sign-in-wrong");
    let username = Username::parse(username).map_err(|_| wrong())?;
    // The account's limit, as at sign-in: a helper's device must not become a way to guess
    // passwords. Not the address's: the desk's address is shared by everyone the staff help.
    let Some(row) = authenticate(&state.db, Claimant::Named(&username), &password, None).await?
    else {
        return Err(wrong());
    };
    let member = members::to_member(&row);
    let choice = Choice::chosen(choice).map_err(|m| AppError::field("choice", m))?;
    decisions::vote(&state.db, &member, decision, choice, Some(staff.id))
        .await
        .map_err(|error| match error {
            AppError::Forbidden => AppError::field("username", "error-assist-not-eligible"),
            other => other,
        })?;
    leptos_axum::redirect(&format!("/decisions/{decision}/assist?saved=1"));
    Ok(())
}
