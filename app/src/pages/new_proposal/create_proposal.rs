//! Storing a new proposal from the form, with its photos; on success the person lands on its page.
//! The form carries files, so it is posted as multipart, and this function reads the fields itself.
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "create_proposal", input = MultipartFormData)]
pub async fn create_proposal(data: MultipartData) -> Result<i32, AppError> {
    crate::error::respond(run(data).await)
}

#[cfg(feature = "ssr")]
async fn run(data: MultipartData) -> Result<i32, AppError> {
    use crate::server::infra::multipart_form::MultipartForm;
    use crate::server::proposals::{self, ProposalForm};
    use crate::server::{accounts::assisted, app_state, current_member};

    // Nobody signed in: refused before the (possibly large) form is read.
    if current_member().is_none() {
        return Err(AppError::NotSignedIn);
    }
    let state = app_state()?;
    let site = crate::server::current_site()?;
    let mut form = MultipartForm::read(data).await?;
    // Staff may write it for a member at the centre (assisted entry).
    let (author, helper) =
        assisted::author_and_helper(&state.db, current_member(), Some(form.text("for_member")))
            .await?;
    let uploads = std::mem::take(&mut form.files);
    let photo_count = uploads.len().to_string();
    let fields = ["title", "body", "category", "place"];
    let limits = site.limits();
    let created = async {
        proposals::may_propose(&state.db, &author, &limits).await?;
        // The words and the photos are checked together, so every message shows at once.
        let proposal = ProposalForm {
            title: form.text("title"),
            body: form.text("body"),
            category: form.text("category"),
            place: form.text("place"),
        };
        let words = match proposal.parse() {
            Ok(new) => proposals::find_choices(&state.db, new).await,
            Err(error) => Err(error),
        };
        let (ready, photos) = AppError::both(
            words,
            proposals::check_photos(&state.db, &author, uploads).await,
        )?;
        proposals::create(
            &state.db,
            state.files.as_ref(),
            &author,
            helper.as_ref(),
            ready,
            photos,
            &limits,
            site.pre_moderation,
        )
        .await
    };
    let id = created.await.map_err(|error| {
        error
            .keeping(&fields.map(|field| (field, form.text(field))))
            .keeping(&[("photos", &photo_count)])
    })?;
    // The page then says it was sent (see `ProposalPage`).
    leptos_axum::redirect(&format!("/proposals/{id}?sent"));
    Ok(id)
}
