//! Reporting a proposal or a comment to the moderators, with a reason.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "report_content")]
pub async fn report_content(
    kind: String,
    id: i32,
    reason: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    crate::error::respond(
        run(
            &kind,
            id,
            reason.as_deref().unwrap_or_default(),
            note.as_deref().unwrap_or_default(),
        )
        .await,
    )
}

#[cfg(feature = "ssr")]
async fn run(kind: &str, id: i32, reason: &str, note: &str) -> Result<(), AppError> {
    use crate::domain::{ReportReason, Target};
    use crate::permissions::{Action, require};
    use crate::server::proposals::reports::{self};
    use crate::server::{app_state, current_member};

    let member = require(current_member(), Action::Participate)?;
    let target = Target::parse(kind, id).ok_or(AppError::BadRequest)?;
    let state = app_state()?;
    let (reason, note) = ReportReason::parse(reason, note)
        .map_err(|(field, message)| AppError::field(field, message))?;
    reports::report(&state.db, &member, target, reason, note).await
}
