//! Visitors' kept pages, answered in front of the routes (see
//! `app::server::infra::page_cache::answer_visitor_early`). Inside the security headers and
//! compression, so a page from here is sent as any other; counted in the metrics under its route,
//! as the route's own layer would have.
//!
//! The routes stand behind it as one `Router`, cloned (one pointer) only for a request that goes
//! on. A middleware (`from_fn`) would clone the whole stack of layers behind it for every request,
//! kept page or not: in the issue 19 profile, cloning and dropping that stack was most of what a
//! kept page still cost in Spolu's own code.
use app::server::AppState;
use app::server::accounts::visitor::choose_locale;
use app::server::infra::page_cache::answer_visitor_early;
use axum::Router;
use axum::extract::Request;
use axum::response::Response;
use std::time::Instant;
use tower::ServiceExt;

/// `routes`, with visitors' kept pages answered before them.
pub fn in_front_of(routes: Router, state: AppState) -> Router {
    Router::new().fallback(move |request: Request| first(state.clone(), routes.clone(), request))
}

async fn first(state: AppState, routes: Router, mut request: Request) -> Response {
    let started = Instant::now();
    // A visitor has no language of their own: the cookie, the browser's, or the site's.
    let locale = |headers: &_| choose_locale(None, headers, &state.settings.default_locale);
    match answer_visitor_early(&state, &mut request, locale).await {
        Some((route, answer)) => {
            crate::metrics::record("GET".to_owned(), route.to_owned(), answer.status(), started);
            answer
        }
        None => match routes.oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        },
    }
}
