//! Refuses a state-changing request that another site made the browser send (cross-site request
//! forgery, login CSRF included), for JSON calls and plain HTML form posts alike. SameSite cookies
//! alone let "same-site" pages through (another port, another subdomain), so the browser's own
//! word is checked: `Sec-Fetch-Site` must say `same-origin`; a browser too old to send it sends
//! `Origin`, which must be this site. A request with neither comes from no browser (a script, a
//! test): no browser can be tricked into it, so it goes on.
use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_cross_site(
    State(state): State<crate::server::AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || comes_from_this_site(request.headers(), &state.settings.public_url) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        REFUSED_PAGE,
    )
        .into_response()
}

fn comes_from_this_site(headers: &HeaderMap, public_url: &str) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site == "same-origin";
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let origin_host = authority(origin);
    let own = [text(HOST.as_str()), Some(authority(public_url))];
    own.iter()
        .flatten()
        .any(|host| !host.is_empty() && host.eq_ignore_ascii_case(origin_host))
}

/// `host:port` of an origin or URL (`https://spolu.example.cz:8443/x` → `spolu.example.cz:8443`).
fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().unwrap_or_default()
}

const REFUSED_PAGE: &str = r#"<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spolu</title></head><body style="font: 18px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 36rem; padding: 16px"><h1>Tohle jsme neuložili</h1><p>Formulář přišel z jiné stránky než ze Spolu. Otevřete Spolu a zkuste to tam znovu.</p><p><a href="/">Otevřít Spolu</a></p><hr><h2 lang="en">We did not save this</h2><p lang="en">The form came from a page other than Spolu. Open Spolu and try again there.</p><p lang="en"><a href="/">Open Spolu</a></p></body></html>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const OWN: &str = "https://spolu.example.cz";

    #[test]
    fn only_the_same_origin_may_change_anything() {
        let from = |pairs| comes_from_this_site(&headers(pairs), OWN);
        assert!(from(&[("sec-fetch-site", "same-origin")]));
        assert!(!from(&[("sec-fetch-site", "same-site")]));
        assert!(!from(&[("sec-fetch-site", "cross-site")]));
        assert!(!from(&[("sec-fetch-site", "none")]));
        assert!(from(&[("origin", "https://spolu.example.cz")]));
        assert!(from(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ]));
        assert!(!from(&[
            ("origin", "http://127.0.0.1:3001"),
            ("host", "127.0.0.1:3000")
        ]));
        assert!(!from(&[("origin", "https://evil.example.cz")]));
        assert!(!from(&[("origin", "null")]));
        assert!(from(&[]), "no browser, no forgery");
    }
}
