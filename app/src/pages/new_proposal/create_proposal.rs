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
    use crate::server::{accounts::assisted, app_state, current_member, request_language};

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
    let voice_upload = form.voice.take();
    let photo_count = uploads.len().to_string();
    let fields = ["title", "body", "category", "place"];
    let limits = site.limits();
    // Said only by voice: the words are a note in the author's language until staff write them.
    let voice_only = voice_upload.is_some()
        && form.text("title").trim().is_empty()
        && form.text("body").trim().is_empty();
    let locale = crate::i18n::Locale::parse(&request_language()).unwrap_or_default();
    let (title, body) = if voice_only {
        (
            locale.text("voice-only-title"),
            locale.text("voice-only-body"),
        )
    } else {
        (form.text("title").to_owned(), form.text("body").to_owned())
    };
    let created = async {
        proposals::may_propose(&state.db, &author, &limits).await?;
        // The words, the photos and the voice are checked together, so every message shows at
        // once.
        let proposal = ProposalForm {
            title: &title,
            body: &body,
            category: form.text("category"),
            place: form.text("place"),
        };
        let words = match proposal.parse() {
            Ok(new) => proposals::find_choices(&state.db, new).await,
            Err(error) => Err(error),
        };
        let photos = proposals::check_photos(&state.db, &author, uploads).await;
        let voice = match voice_upload {
            Some(upload) => {
                proposals::check_voice(&state.db, &state.speech, &author, &upload.bytes)
                    .await
                    .map(Some)
            }
            None => Ok(None),
        };
        let ((ready, photos), voice) = AppError::both(AppError::both(words, photos), voice)?;
        proposals::create(
            &state.db,
            state.files.as_ref(),
            &author,
            helper.as_ref(),
            ready,
            proposals::Attached {
                photos,
                voice,
                voice_only,
            },
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
