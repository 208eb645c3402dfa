//! Changing the words of a proposal or comment, with a note everyone sees ("phone number removed").
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "edit_content")]
pub async fn edit_content(
    kind: String,
    id: i32,
    title: Option<String>,
    text: String,
    note: String,
) -> Result<(), AppError> {
    crate::error::respond(
        async {
            use crate::permissions::{Action, require};
            use crate::server::{app_state, current_member, moderation};

            let staff = require(current_member(), Action::Moderate)?;
            let target = super::target(&kind, id)?;
            let state = app_state()?;
            let form = moderation::CorrectionForm {
                title: title.as_deref().unwrap_or_default(),
                text: &text,
                note: &note,
            };
            let edited = match form.parse(target) {
                Ok(correction) => moderation::edit(&state.db, &staff, correction).await,
                Err(error) => Err(error),
            };
            edited.map_err(|error| {
                let typed = [
                    ("title", title.as_deref().unwrap_or_default()),
                    ("text", text.as_str()),
                    ("note", note.as_str()),
                ];
                super::about(target, error.keeping(&typed))
            })
        }
        .await,
    )
}
