//! The HTTP application: pages, server functions, static files, and the layers around them.
use crate::assets;
use crate::listen::{Recorded, Spoken};
use app::domain::ReadingOf;
use app::server::AppState;
use app::server::accounts::visitor::load_visitor;
use app::server::infra::file_store::LOCAL_URL_PREFIX;
use app::server::infra::session_store::DatabaseSessionStore;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::header::{self, HeaderValue};
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{
    LeptosRoutes, generate_route_list_with_exclusions, handle_server_fns_with_context,
};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};

/// Forms are small; only forms with photos get the larger limit below, on their own routes.
const BODY_LIMIT: usize = 256 * 1024;
/// Four photos of up to 10 MB each, a voice message of up to 10 MB, the text, and room for a
/// fifth photo to be refused politely rather than cut off.
const PHOTO_FORM_LIMIT: usize = 62 * 1024 * 1024;
/// The server functions whose forms carry photos or a voice message (multipart).
const PHOTO_FORMS: [&str; 4] = [
    "/api/create_proposal",
    "/api/add_outcome_update",
    "/api/send_voice_comment",
    "/api/record_reading",
];
const SESSION_LIFETIME: time::Duration = app::server::infra::session_store::LIFETIME_TIME;

pub fn router(state: AppState) -> Router {
    let store = DatabaseSessionStore::new(state.db.clone());
    tokio::spawn(delete_expired_sessions(store.clone()));
    let sessions = SessionManagerLayer::new(store)
        .with_name(app::server::accounts::visitor::SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.settings.secure_cookies)
        .with_expiry(Expiry::OnInactivity(SESSION_LIFETIME));

    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let page = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), page.clone());

    let pkg_dir = std::path::Path::new(&*state.leptos_options.site_root).join("pkg");
    let bundle = Router::new()
        .fallback_service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        // File names carry a hash of their content, so they never change under one name; a miss
        // (an old page asking for a bundle that is gone) must not be kept for a year.
        .layer(axum::middleware::map_response(cache_found_files_forever));

    let photo_forms = PHOTO_FORMS.iter().fold(Router::new(), |router, path| {
        router.route(path, post(multipart_server_function).get(back_to_the_page))
    });
    // Inside the session and visitor layers: a photo is served only to who may read its proposal.
    let uploads = match state.files.local_dir() {
        Some(dir) => Router::new().nest_service(
            LOCAL_URL_PREFIX,
            Router::new().fallback_service(ServeDir::new(dir)),
        ),
        None => Router::new().route(&format!("{LOCAL_URL_PREFIX}/{{name}}"), get(stored_file)),
    }
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        app::server::proposals::photo_access::only_for_readers,
    ));
    let router = Router::new()
        // The photo forms are routed below, with their own body limit; leptos must not add them.
        .leptos_routes_with_context(
            &state,
            generate_route_list_with_exclusions(App, Some(PHOTO_FORMS.map(String::from).to_vec())),
            context,
            page,
        )
        .route("/api/{*name}", post(server_function))
        .route("/me/data.json", get(crate::downloads::my_data::download))
        .route(
            "/proposals/{id}/listen",
            listen(Spoken::Text(ReadingOf::Proposal)),
        )
        .route("/comments/{id}/listen", listen(Spoken::Comment))
        .route(
            "/decisions/{id}/listen",
            listen(Spoken::Text(ReadingOf::Decision)),
        )
        .route(
            "/proposals/{id}/outcome/listen",
            listen(Spoken::Text(ReadingOf::Outcome)),
        )
        .route("/proposals/{id}/voice", voice(Recorded::Proposal))
        .route("/comments/{id}/voice", voice(Recorded::Comment))
        .route(
            "/notifications/{id}/open",
            get(app::server::notifications::open),
        )
        .route(
            "/api/v1/proposals",
            get(crate::downloads::open_data::proposals),
        )
        .route(
            "/api/v1/outcomes",
            get(crate::downloads::open_data::outcomes),
        )
        .route(
            "/api/v1/decisions",
            get(crate::downloads::open_data::decisions),
        )
        .route(
            "/api/v1/openapi.json",
            get(crate::downloads::open_data::openapi),
        )
        .route(
            "/staff/exports/{file}",
            get(crate::downloads::exports::download),
        )
        .fallback(move |request: Request<Body>| not_found(request))
        // leptos registers each server function's address for POST only; a GET there (a
        // reload after a form post) is sent back to a page.
        .method_not_allowed_fallback(method_not_allowed)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .merge(photo_forms.layer(RequestBodyLimitLayer::new(PHOTO_FORM_LIMIT)))
        .merge(uploads)
        // Inside `load_visitor`: it needs the visitor, their language and the data version.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::server::infra::page_cache::serve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            load_visitor,
        ))
        .layer(sessions)
        // Outside the body limits and the sessions: they only look at addresses and headers.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::server::infra::form_errors::sign_and_check,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::server::infra::same_origin::refuse_cross_site,
        ))
        .route("/healthz", get(crate::health::healthz))
        .route("/readyz", get(crate::health::readyz))
        .route("/manifest.webmanifest", get(assets::manifest))
        .route("/sw.js", get(assets::service_worker))
        .route("/icon.svg", get(assets::icon_svg))
        .route("/icons.svg", get(assets::icon_sprite))
        .route("/icon-192.png", get(assets::icon_192))
        .route("/icon-512.png", get(assets::icon_512))
        .nest_service("/pkg", bundle)
        // Outermost of the routes' layers, so each request is timed whole, under its route.
        .route_layer(axum::middleware::from_fn(crate::metrics::track))
        .with_state(state.clone());
    // Visitors' kept pages, before routing and everything above: inside compression, so a kept
    // page is compressed as any other.
    let router = crate::kept_pages::in_front_of(router, state)
        // Its default leaves images alone: JPEGs do not compress further.
        .layer(CompressionLayer::new());
    with_security_headers(router)
        .layer(axum::middleware::map_response(friendly_too_large))
        .layer(CatchPanicLayer::custom(friendly_error_page))
        .layer(
            // The span names the path only: a query may hold an invite code.
            TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            }),
        )
}

/// A photo kept in the database (`--photo-store database`).
async fn stored_file(
    State(state): State<AppState>,
    axum::extract::Path(name): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let Some(content_type) = app::server::infra::file_store::content_type(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.files.get(&name).await {
        Ok(Some(bytes)) => {
            ([(axum::http::header::CONTENT_TYPE, content_type)], bytes).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(?error, name, "reading a stored photo failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Sweeps out expired sessions once an hour; every instance may do it, the delete is idempotent.
async fn delete_expired_sessions(store: DatabaseSessionStore) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        if let Err(error) = store.delete_expired().await {
            tracing::warn!(%error, "deleting expired sessions failed");
        }
    }
}

async fn server_function(
    State(state): State<AppState>,
    request: Request<Body>,
) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), request).await
}

/// A server function's address opened as a page (a reload after a form post, a shared link):
/// the person is sent somewhere useful instead of a blank "405 Method Not Allowed".
async fn back_to_the_page(headers: axum::http::HeaderMap) -> axum::response::Redirect {
    // Only a page of this site, never an address another site put in the header.
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<axum::http::Uri>().ok())
        .and_then(|uri| uri.path_and_query().map(|p| p.as_str().to_owned()))
        .filter(|path| {
            path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/api/")
        });
    axum::response::Redirect::to(referer.as_deref().unwrap_or("/"))
}

/// A GET of an address that only takes posts leads back to a page; any other method is refused.
async fn method_not_allowed(
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if method == axum::http::Method::GET || method == axum::http::Method::HEAD {
        back_to_the_page(headers).await.into_response()
    } else {
        StatusCode::METHOD_NOT_ALLOWED.into_response()
    }
}

/// A form with photos must arrive as multipart (the server function would fail on anything else).
async fn multipart_server_function(
    State(state): State<AppState>,
    request: Request<Body>,
) -> axum::response::Response {
    let is_multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        return (StatusCode::BAD_REQUEST, "expected multipart/form-data").into_response();
    }
    server_function(State(state), request).await.into_response()
}

/// A body over the limit is cut off by `RequestBodyLimitLayer` with a bare 413; a person who chose
/// too many big photos gets a page that says what happened, in both languages.
async fn friendly_too_large(response: axum::response::Response) -> axum::response::Response {
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        TOO_LARGE_PAGE,
    )
        .into_response()
}

const TOO_LARGE_PAGE: &str = r#"<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spolu</title></head><body style="font: 18px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 36rem; padding: 16px"><h1>Tohle je na nás moc velké</h1><p>Pošlete nejvýš 4 fotky, každou do 10 MB, a hlasovou zprávu do 10 MB.</p><p><a href="/proposals/new">Nový návrh</a></p><hr><h2 lang="en">That is too large for us</h2><p lang="en">Send at most 4 photos, each up to 10 MB, and a voice message of up to 10 MB.</p><p lang="en"><a href="/proposals/new">New proposal</a></p></body></html>"#;

async fn cache_found_files_forever(
    mut response: axum::response::Response,
) -> axum::response::Response {
    let value = if response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-store"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// What a person sees if a bug makes the server fail mid-request: a plain page in both languages
/// (the request's language is not known here) instead of a dropped connection. The cause is logged.
fn friendly_error_page(cause: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let message = cause
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| cause.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    tracing::error!(cause = message, "a request failed with a panic");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        ERROR_PAGE,
    )
        .into_response()
}

const ERROR_PAGE: &str = r#"<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spolu</title></head><body style="font: 18px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 36rem; padding: 16px"><h1>Něco se pokazilo</h1><p>Omlouváme se. Zkuste to prosím za chvíli znovu.</p><p><a href="/">Zpět domů</a></p><hr><h2 lang="en">Something went wrong</h2><p lang="en">We are sorry. Please try again in a moment.</p><p lang="en"><a href="/">Back home</a></p></body></html>"#;

/// Headers for every response. Pages set a stricter CSP with a nonce themselves (see `app::shell`).
fn with_security_headers(router: Router) -> Router {
    let header =
        |name, value| SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value));
    router
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "same-origin"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
}

/// `GET` of one kind of voice message.
fn voice(recorded: Recorded) -> MethodRouter<AppState> {
    get(move |state, visitor, site, id, request| {
        crate::listen::voice(recorded, state, visitor, site, id, request)
    })
}

/// `GET` of one kind of text read aloud.
fn listen(spoken: Spoken) -> MethodRouter<AppState> {
    get(move |state, visitor, site, id, language, request| {
        crate::listen::listen(spoken, state, visitor, site, id, language, request)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_friendly_page_in_both_languages() {
        let response = friendly_error_page(Box::new("boom"));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            ERROR_PAGE.contains("Něco se pokazilo") && ERROR_PAGE.contains("Something went wrong")
        );
        assert!(!ERROR_PAGE.contains("boom"), "the cause stays in the log");
    }
}
