//! Prometheus metrics on a listener of their own (`--metrics-bind`, off by default), so that a
//! reverse proxy in front of Spolu never exposes them: requests and their time by route, the
//! database pool in use, votes cast, and errors (`spolu_server_errors_total`, recorded where
//! the app answers "something went wrong" or "not saved").
use app::server::AppState;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;

const REQUEST_SECONDS: &str = "http_request_duration_seconds";

/// The process's one recorder (several test servers in one process share it).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full(REQUEST_SECONDS.into()),
                &[
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0,
                ],
            )
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder was installed first");
        }
        handle
    })
}

/// Counts each request and its time under its route (the pattern, e.g. `/proposals/{id}`,
/// never the path a client made up; a server function by its name).
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned());
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let route = match matched.as_deref() {
        // Server functions by name; a made-up name stays the pattern.
        Some("/api/{*name}") if is_server_function(&path) => path,
        Some(pattern) => pattern.to_owned(),
        None => "unmatched".to_owned(),
    };
    record(method, route, status, started);
    response
}

/// Counts one answered request and its time under its route.
pub fn record(method: String, route: String, status: axum::http::StatusCode, started: Instant) {
    let labels = [("method", method), ("route", route)];
    metrics::histogram!(REQUEST_SECONDS, &labels).record(started.elapsed().as_secs_f64());
    let mut labels = labels.to_vec();
    labels.push(("status", status.as_u16().to_string()));
    metrics::counter!("http_requests_total", &labels).increment(1);
}

fn is_server_function(path: &str) -> bool {
    static PATHS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    PATHS
        .get_or_init(|| {
            leptos::server_fn::axum::server_fn_paths()
                .map(|(path, _)| path)
                .collect()
        })
        .contains(path)
}

/// The router of the metrics listener.
pub fn router(state: AppState) -> Router {
    handle();
    Router::new()
        .route("/metrics", get(render))
        .with_state(state)
}

async fn render(State(state): State<AppState>) -> String {
    let (size, idle) = pool_use(&state.db);
    metrics::gauge!("spolu_db_pool_connections").set(f64::from(size));
    metrics::gauge!("spolu_db_pool_idle_connections").set(idle as f64);
    metrics::counter!("spolu_db_statements_total")
        .absolute(state.statements.load(std::sync::atomic::Ordering::Relaxed));
    let handle = handle();
    handle.run_upkeep();
    handle.render()
}

/// Connections open, and of those idle, in the database pool.
fn pool_use(db: &sea_orm::DatabaseConnection) -> (u32, usize) {
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        sea_orm::DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => (0, 0),
    }
}
