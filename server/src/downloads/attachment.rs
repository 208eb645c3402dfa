//! A file the browser saves rather than shows (the member's data, staff's CSV tables): personal
//! or internal, so never cached.
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

pub fn attachment(
    content_type: &'static str,
    file_name: &str,
    body: impl Into<axum::body::Body>,
) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        body.into(),
    )
        .into_response()
}
