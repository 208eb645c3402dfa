//! A comment or reply sent as a voice message, with or without words. The form carries a file,
//! so it is posted as multipart and this function reads the fields itself.
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "send_voice_comment", input = MultipartFormData)]
pub async fn send_voice_comment(data: MultipartData) -> Result<i32, AppError> {
    crate::error::respond(run(data).await)
}

#[cfg(feature = "ssr")]
async fn run(data: MultipartData) -> Result<i32, AppError> {
    use crate::domain::CommentText;
    use crate::i18n::Locale;
    use crate::server::infra::multipart_form::MultipartForm;
    use crate::server::proposals::comments::{self, CommentVoice};
    use crate::server::{accounts::assisted, app_state, current_member, request_language};

    // Nobody signed in: refused before the (possibly large) form is read.
    if current_member().is_none() {
        return Err(AppError::NotSignedIn);
    }
    let state = app_state()?;
    let mut form = MultipartForm::read(data).await?;
    let (member, helper) =
        assisted::author_and_helper(&state.db, current_member(), Some(form.text("for_member")))
            .await?;
    let proposal: i32 = form
        .text("proposal")
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let parent = match form.text("parent").trim() {
        "" => None,
        id => Some(id.parse::<i32>().map_err(|_| AppError::BadRequest)?),
    };
    let Some(upload) = form.voice.take() else {
        return Err(
            AppError::field("voice", "error-voice-missing").keeping(&[("text", form.text("text"))])
        );
    };
    let voice_only = form.text("text").trim().is_empty();
    let text = if voice_only {
        Locale::parse(&request_language())
            .unwrap_or_default()
            .text("voice-only-comment")
    } else {
        form.text("text").to_owned()
    };
    let words = CommentText::parse(&text).map_err(|message| AppError::field("text", message));
    let voice =
        crate::server::proposals::check_voice(&state.db, &state.speech, &member, &upload.bytes)
            .await;
    let sent = async {
        let (text, voice) = AppError::both(words, voice)?;
        comments::add_with_voice(
            &state.db,
            state.files.as_ref(),
            &member,
            proposal,
            parent,
            text,
            CommentVoice { voice, voice_only },
            &crate::server::current_site()?.limits(),
            helper.as_ref(),
        )
        .await
    };
    let id = sent
        .await
        .map_err(|error| error.keeping(&[("text", form.text("text"))]))?;
    // Posted without JavaScript: back to the discussion, where the comment waits for staff.
    leptos_axum::redirect(&format!("/proposals/{proposal}#comment-{id}"));
    Ok(id)
}
