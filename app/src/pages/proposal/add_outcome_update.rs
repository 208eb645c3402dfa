//! Staff add a dated progress update, with photos, to a proposal's outcome. The form carries
//! files, so it is posted as multipart and this function reads the fields itself.
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "add_outcome_update", input = MultipartFormData)]
pub async fn add_outcome_update(data: MultipartData) -> Result<(), AppError> {
    crate::error::respond(run(data).await)
}

#[cfg(feature = "ssr")]
async fn run(data: MultipartData) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::infra::multipart_form::MultipartForm;
    use crate::server::infra::photos;
    use crate::server::outcomes::{self, UpdateForm};
    use crate::server::{app_state, current_member};

    // Refused before the (possibly large) form is read.
    let staff = require(current_member(), Action::PublishOutcomes)?;
    let state = app_state()?;
    let mut form = MultipartForm::read(data).await?;
    let proposal: i32 = form
        .text("proposal")
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let uploads = std::mem::take(&mut form.files);
    let photo_count = uploads.len().to_string();
    let update = UpdateForm {
        body: form.text("body"),
        stage: form.text("stage"),
    };
    // The words and the photos are checked together, so every message shows at once.
    let saved = match AppError::both(update.parse(), photos::check_uploads(uploads).await) {
        Ok((update, photos)) => {
            outcomes::add_update(
                &state.db,
                state.files.as_ref(),
                &staff,
                proposal,
                update,
                photos,
            )
            .await
        }
        Err(error) => Err(error),
    };
    saved.map_err(|error| {
        error
            .keeping(&[("body", form.text("body")), ("stage", form.text("stage"))])
            .keeping(&[("photos", &photo_count)])
    })?;
    leptos_axum::redirect(&format!("/proposals/{proposal}#outcome"));
    Ok(())
}
