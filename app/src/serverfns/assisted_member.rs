//! The name of the member staff are writing for, for the banner over the form.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "assisted_member")]
pub async fn assisted_member(member: i32) -> Result<String, AppError> {
    crate::error::respond(run(member).await)
}

#[cfg(feature = "ssr")]
async fn run(member: i32) -> Result<String, AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{accounts::assisted, app_state, current_member};

    let staff = require(current_member(), Action::ActForResident)?;
    let state = app_state()?;
    assisted::member_name(&state.db, &staff, member).await
}
