//! Files built into the binary: the web app manifest and the home-screen icons.
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

const ICON_SVG: &str = include_str!("../assets/icon.svg");
const ICON_192: &[u8] = include_bytes!("../assets/icon-192.png");
const ICON_512: &[u8] = include_bytes!("../assets/icon-512.png");
const SERVICE_WORKER: &str = include_str!("../assets/sw.js");
const DAY: &str = "public, max-age=86400";

pub async fn manifest() -> impl IntoResponse {
    let manifest = serde_json::json!({
        "name": "Spolu",
        "short_name": "Spolu",
        "lang": "cs",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbf8f1",
        "theme_color": "#1d5c4d",
        "icons": [
            { "src": "/icon-192.png", "sizes": "192x192", "type": "image/png" },
            { "src": "/icon-512.png", "sizes": "512x512", "type": "image/png" },
            { "src": "/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "/icon.svg", "sizes": "any", "type": "image/svg+xml" }
        ]
    });
    (
        [
            (CONTENT_TYPE, "application/manifest+json"),
            (CACHE_CONTROL, DAY),
        ],
        manifest.to_string(),
    )
}

/// The service worker that shows phone notifications. Browsers check it for updates on their
/// own; `no-cache` makes them ask us each time, so a new version reaches every phone.
pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
}

pub async fn icon_svg() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, DAY)],
        ICON_SVG,
    )
}

/// Every icon of the pages, in one file whose address changes with its content
/// (see `app::icon_sprite`): kept for a year.
pub async fn icon_sprite() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        app::icon_sprite(),
    )
}

pub async fn icon_192() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "image/png"), (CACHE_CONTROL, DAY)],
        ICON_192,
    )
}

pub async fn icon_512() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "image/png"), (CACHE_CONTROL, DAY)],
        ICON_512,
    )
}
