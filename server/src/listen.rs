//! "Listen": texts read aloud by the server (see `app::server::infra::speech`), as Ogg Opus
//! files an `<audio preload="none">` element loads only when the person presses play. Each
//! address answers only who may read the text on its page, with the same checks.
use app::server::AppState;
use app::views::site::Site;
use app::visitor::Visitor;
use axum::extract::{Extension, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower::ServiceExt;
use tower_http::services::ServeFile;

#[derive(Debug, Deserialize)]
pub struct Language {
    /// The page's language (`cs` or `en`), so a person who switches hears the other voice.
    lang: Option<String>,
}

/// `/proposals/{id}/listen`: a proposal's title and text.
pub async fn proposal(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Path(id): Path<i32>,
    Query(language): Query<Language>,
    request: Request,
) -> Response {
    let text = app::server::proposals::spoken_text(
        &state.db,
        visitor.member.clone(),
        site.public_reading,
        id,
    )
    .await;
    let language = language.lang.unwrap_or_else(|| visitor.locale.tag());
    read_aloud(&state, text, &language, request).await
}

/// `/comments/{id}/listen`: a comment's words.
pub async fn comment(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Path(id): Path<i32>,
    Query(language): Query<Language>,
    request: Request,
) -> Response {
    let text = app::server::proposals::comments::spoken_text(
        &state.db,
        visitor.member.clone(),
        site.public_reading,
        id,
    )
    .await;
    let language = language.lang.unwrap_or_else(|| visitor.locale.tag());
    read_aloud(&state, text, &language, request).await
}

/// The audio of `text`, made now if it is not made yet. Range requests are answered (a phone's
/// player asks for the end of the file to learn its length). Browsers check back each time
/// (`no-cache`): the address stays when the text is edited, the audio does not.
async fn read_aloud(
    state: &AppState,
    text: Result<String, app::error::AppError>,
    language: &str,
    request: Request,
) -> Response {
    let audio = match text {
        Ok(text) => state.speech.audio(&text, language).await,
        Err(error) => Err(error),
    };
    let path = match audio {
        Ok(path) => path,
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return status.into_response();
        }
    };
    // `.ogg`: served as `audio/ogg`.
    match ServeFile::new(path).oneshot(request).await {
        Ok(response) => {
            let mut response = response.into_response();
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
            response
        }
        Err(error) => {
            tracing::error!(%error, "serving read-aloud audio failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
