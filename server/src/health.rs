//! Two checks for load balancers and monitoring. `/healthz` is liveness: the process answers and
//! the database answers a ping (cheap, for frequent polling). `/readyz` is readiness: the database
//! accepts a write, the uploads folder takes a file, and the browser bundle is there; it answers
//! 503 naming each part that failed, and logs the cause.
use app::server::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use sea_orm::TransactionTrait;
use std::path::Path;

pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let mut failed = Vec::new();
    if let Err(error) = database_takes_a_write(&state).await {
        tracing::error!(%error, "readiness: the database does not take a write");
        failed.push("database: does not take a write");
    }
    if let Some(dir) = state.files.local_dir()
        && let Err(error) = folder_takes_a_file(dir).await
    {
        tracing::error!(%error, dir = %dir.display(), "readiness: the uploads folder does not take a file");
        failed.push("uploads: the folder does not take a file");
    }
    if !bundle_is_there(&state) {
        tracing::error!(site = %state.leptos_options.site_root, "readiness: the browser bundle is missing");
        failed.push("bundle: missing");
    }
    if failed.is_empty() {
        (StatusCode::OK, "ready".to_owned())
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, failed.join("\n"))
    }
}

/// A real write, committed: one small row that exists for this purpose. A database held locked
/// by another program counts as not taking a write once a balancer would have given up waiting.
async fn database_takes_a_write(state: &AppState) -> Result<(), sea_orm::DbErr> {
    let write = async {
        let txn = state.db.begin().await?;
        app::server::infra::limit_gate::lock(&txn, "readyz", chrono::Utc::now()).await?;
        txn.commit().await
    };
    tokio::time::timeout(std::time::Duration::from_secs(3), write)
        .await
        .unwrap_or_else(|_| Err(sea_orm::DbErr::Custom("no write within 3 seconds".into())))
}

async fn folder_takes_a_file(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(".readyz");
    tokio::fs::write(&probe, b"ready").await?;
    tokio::fs::remove_file(&probe).await
}

/// The stylesheet and the scripts the pages link to.
fn bundle_is_there(state: &AppState) -> bool {
    let site = Path::new(&*state.leptos_options.site_root);
    let script = format!("pkg/{}.js", state.leptos_options.output_name);
    let stylesheet = state.settings.stylesheet_href.trim_start_matches('/');
    let helpers = state.settings.script_href.trim_start_matches('/');
    [script.as_str(), stylesheet, helpers]
        .iter()
        .all(|file| site.join(file).is_file())
}
