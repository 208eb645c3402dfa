//! Keeping a person's own reading of a proposal, decision or outcome, in place of the machine's
//! voice. The form carries a file, so it is posted as multipart; back on the page it came from.
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "record_reading", input = MultipartFormData)]
pub async fn record_reading(data: MultipartData) -> Result<(), AppError> {
    crate::error::respond(run(data).await)
}

/// Which form a refusal belongs to (`proposal-12`), when several share a page.
#[cfg(feature = "ssr")]
fn form_of(form: &crate::server::infra::multipart_form::MultipartForm) -> String {
    format!("{}-{}", form.text("kind"), form.text("id").trim())
}

#[cfg(feature = "ssr")]
async fn run(data: MultipartData) -> Result<(), AppError> {
    use crate::domain::ReadingOf;
    use crate::server::infra::multipart_form::MultipartForm;
    use crate::server::infra::voice;
    use crate::server::readings::{self, Texts};
    use crate::server::{app_state, current_member, current_site};

    // Nobody signed in: refused before the (possibly large) form is read.
    let Some(member) = current_member() else {
        return Err(AppError::NotSignedIn);
    };
    let state = app_state()?;
    let mut form = MultipartForm::read(data).await?;
    let kind = ReadingOf::parse(form.text("kind")).ok_or(AppError::BadRequest)?;
    let id: i32 = form
        .text("id")
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let texts = Texts {
        db: &state.db,
        files: state.files.as_ref(),
        zone: state.settings.time_zone,
        public_reading: current_site()?.public_reading,
    };
    // Who may not record it hears so before their file is decoded.
    if !readings::may_record(&texts, &member, kind, id).await? {
        return Err(AppError::Forbidden);
    }
    let Some(upload) = form.voice.take() else {
        return Err(
            AppError::field("voice", "error-voice-missing").keeping(&[("reading", form_of(&form))])
        );
    };
    let voice = voice::check_field(&state.speech, &upload.bytes)
        .await
        .map_err(|error| error.keeping(&[("reading", form_of(&form))]))?;
    readings::record(&texts, &member, kind, id, voice).await?;
    leptos_axum::redirect(&match kind {
        ReadingOf::Proposal => format!("/proposals/{id}"),
        ReadingOf::Decision => format!("/decisions/{id}"),
        ReadingOf::Outcome => format!("/proposals/{id}#outcome"),
    });
    Ok(())
}
