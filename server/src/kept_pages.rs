//! Visitors' kept pages, answered before the rest of the stack (see
//! `app::server::infra::page_cache::answer_visitor_early`). Inside the security headers and
//! compression, so a page from here is sent as any other; counted in the metrics under its route,
//! as the route's own layer would have.
use app::server::AppState;
use app::server::accounts::visitor::choose_locale;
use app::server::infra::page_cache::answer_visitor_early;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn first(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    // A visitor has no language of their own: the cookie, the browser's, or the site's.
    let locale = |headers: &_| choose_locale(None, headers, &state.settings.default_locale);
    match answer_visitor_early(&state, &mut request, locale).await {
        Some((route, answer)) => {
            crate::metrics::record("GET".to_owned(), route.to_owned(), answer.status(), started);
            answer
        }
        None => next.run(request).await,
    }
}
