//! "Listen": texts read aloud by the server (see `app::server::infra::speech`), as Ogg Opus
//! files an `<audio preload="none">` element loads only when the person presses play. Each
//! address answers only who may read the text on its page, with the same checks, and reads
//! the same sentences the page shows.
use app::domain::ReadingOf;
use app::error::AppError;
use app::i18n::Locale;
use app::server::AppState;
use app::server::readings::Texts;
use app::views::site::Site;
use app::visitor::Visitor;
use axum::extract::{Extension, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// What an address reads aloud; the id in the address is the thing's own (a proposal's for
/// its outcome, which has one at most).
#[derive(Debug, Clone, Copy)]
pub enum Spoken {
    /// A proposal's title and text, a decision's question, who votes, its rule and result as
    /// its page says them, or an outcome with its updates; a person's own reading plays
    /// instead where someone recorded one of the text as it is now.
    Text(ReadingOf),
    /// A comment's words.
    Comment,
}

#[derive(Debug, Deserialize)]
pub struct Language {
    /// The page's language (`cs` or `en`), so a person who switches hears the other voice.
    lang: Option<String>,
}

/// The handler for one kind of text, e.g. `/decisions/{id}/listen`.
pub async fn listen(
    spoken: Spoken,
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Path(id): Path<i32>,
    Query(language): Query<Language>,
    request: Request,
) -> Response {
    let locale = language
        .lang
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_else(|| visitor.locale.clone());
    let texts = Texts {
        db: &state.db,
        files: state.files.as_ref(),
        zone: state.settings.time_zone,
        public_reading: site.public_reading,
    };
    let viewer = visitor.member;
    let text = match spoken {
        Spoken::Comment => {
            app::server::proposals::comments::spoken_text(
                &state.db,
                viewer,
                site.public_reading,
                id,
            )
            .await
        }
        Spoken::Text(kind) => match person_reading(&texts, kind, viewer.clone(), id, &locale).await
        {
            Ok((_, Some(file))) => return serve_stored(&state, file, request).await,
            Ok((text, None)) => Ok(text),
            Err(error) => Err(error),
        },
    };
    read_aloud(&state, text, &locale.tag(), request).await
}

/// The text in `locale`, and the file of a person's reading of it where there is one.
async fn person_reading(
    texts: &Texts<'_>,
    kind: ReadingOf,
    viewer: Option<app::visitor::Member>,
    id: i32,
    locale: &Locale,
) -> Result<(String, Option<String>), AppError> {
    let text = texts.spoken(kind, viewer.clone(), id, locale).await?;
    // Readings are named by the Czech text, whatever the listener's language.
    let czech = if *locale == Locale::czech() {
        text.clone()
    } else {
        texts.spoken(kind, viewer, id, &Locale::czech()).await?
    };
    let reading = app::server::readings::current(texts.db, kind, id, &czech).await?;
    Ok((text, reading.map(|r| r.file_name)))
}

/// Whose recording an address plays: `/proposals/{id}/voice` or `/comments/{id}/voice`.
#[derive(Debug, Clone, Copy)]
pub enum Recorded {
    Proposal,
    Comment,
}

/// A post's voice message, to exactly those who may read its words.
pub async fn voice(
    recorded: Recorded,
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Path(id): Path<i32>,
    request: Request,
) -> Response {
    let db = &state.db;
    let viewer = visitor.member;
    let file = match recorded {
        Recorded::Proposal => {
            app::server::proposals::voice_file(db, viewer, site.public_reading, id).await
        }
        Recorded::Comment => {
            app::server::proposals::comments::voice_file(db, viewer, site.public_reading, id).await
        }
    };
    match file {
        Ok(name) => serve_stored(&state, name, request).await,
        Err(error) => refused(&error),
    }
}

/// A stored recording (a voice message or a person's reading), to who was already let through.
async fn serve_stored(state: &AppState, name: String, request: Request) -> Response {
    if let Some(dir) = state.files.local_dir() {
        return serve_file(dir.join(name), request).await;
    }
    // Kept in the database (several instances): the whole file, which a player reads too.
    match state.files.get(&name).await {
        Ok(Some(bytes)) => (
            [
                (CONTENT_TYPE, HeaderValue::from_static("audio/ogg")),
                (CACHE_CONTROL, HeaderValue::from_static("private, no-cache")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => refused(&error),
    }
}

fn refused(error: &AppError) -> Response {
    StatusCode::from_u16(error.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// The audio of `text`, made now if it is not made yet. Range requests are answered (a phone's
/// player asks for the end of the file to learn its length). Browsers check back each time
/// (`no-cache`): the address stays when the text is edited, the audio does not.
async fn read_aloud(
    state: &AppState,
    text: Result<String, AppError>,
    language: &str,
    request: Request,
) -> Response {
    let audio = match text {
        Ok(text) => state.speech.audio(&text, language).await,
        Err(error) => Err(error),
    };
    match audio {
        Ok(path) => serve_file(path, request).await,
        Err(error) => refused(&error),
    }
}

/// An `.ogg` file, as `audio/ogg`, with ranges.
async fn serve_file(path: std::path::PathBuf, request: Request) -> Response {
    match ServeFile::new(path).oneshot(request).await {
        Ok(response) => {
            let mut response = response.into_response();
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
            response
        }
        Err(error) => {
            tracing::error!(%error, "serving audio failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
