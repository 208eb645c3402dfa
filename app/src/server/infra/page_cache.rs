//! Visitors' public pages, kept finished in memory (issue 19): a visitor's page after no change
//! costs one small statement (the data version) and a copy, not a render.
//!
//! A page is kept under its address (path and query), language and the data version it was
//! made under; any write to what pages show raises that number (database triggers), on whichever
//! instance, so a kept page is never served after a change. Pages whose state follows the clock
//! (a decision opening at its hour) are made again after [`FRESH_FOR`] anyway.
//!
//! Only what every visitor sees alike is kept: `GET` of the public reading pages, by a browser
//! with no cookie but the language choice (no session, no shared tablet), answered `200` without
//! a cookie. Each answer gets a fresh script nonce, in the page and its security policy.
//!
//! `ETag`/`304`: the tag names the page's content and the nonce the browser got with it, so a
//! `304` can repeat the policy that matches the copy the browser keeps.
use crate::server::infra::cookies::{LANGUAGE_COOKIE, cookie_names};
use crate::server::infra::data_version::DataVersion;
use crate::server::infra::state::AppState;
use crate::visitor::Visitor;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    SET_COOKIE, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a page is served without being made again when nothing was written.
pub const FRESH_FOR: Duration = Duration::from_secs(10);
/// The memory all kept pages may take together (a list page is ~40 KB).
const CAPACITY_BYTES: u64 = 32 * 1024 * 1024;
/// A page larger than this is not kept (a proposal with very many comments).
const LARGEST_PAGE: usize = 1024 * 1024;

/// The finished pages this instance keeps.
pub struct PageCache(quick_cache::sync::Cache<Key, Arc<Page>, ByBytes>);

impl Default for PageCache {
    fn default() -> Self {
        Self(quick_cache::sync::Cache::with_weighter(
            1_000,
            CAPACITY_BYTES,
            ByBytes,
        ))
    }
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PageCache({} pages)", self.0.len())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    address: String,
    language: String,
    version: DataVersion,
}

pub struct Page {
    made: Instant,
    /// The answer's headers but its policy, length and cache headers.
    headers: HeaderMap,
    /// The security policy, with `nonce` in it.
    policy: String,
    body: String,
    /// The script nonce the page was made with, replaced in every answer.
    nonce: String,
    /// Names the content, nonce left out.
    content: String,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<Key, Arc<Page>> for ByBytes {
    fn weight(&self, key: &Key, page: &Arc<Page>) -> u64 {
        (key.address.len() + page.body.len() + page.policy.len() + 256) as u64
    }
}

/// The middleware, inside `load_visitor` (it needs the visitor and the data version).
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // Kept under the data version too: after any change, a page is another key.
    let Some(key) = request
        .extensions()
        .get::<DataVersion>()
        .copied()
        .and_then(|version| key_for(&request, version))
    else {
        return next.run(request).await;
    };
    let known = known_copy(request.headers());
    let pages = &state.pages.0;
    // Made again after a while even without a change (a decision's state follows the clock):
    // taken out only if no other request already put a newer one in its place.
    if let Some(old) = pages.get(&key)
        && old.made.elapsed() >= FRESH_FOR
    {
        pages.remove_if(&key, |kept| Arc::ptr_eq(kept, &old));
    }
    // One request makes a missing page; the others asking for it meanwhile wait for it.
    let page = match pages.get_value_or_guard_async(&key).await {
        Ok(page) => {
            metrics::counter!("page_cache_total", "result" => "hit").increment(1);
            page
        }
        Err(guard) => {
            metrics::counter!("page_cache_total", "result" => "miss").increment(1);
            match Page::from_response(next.run(request).await).await {
                Ok(page) => {
                    let page = Arc::new(page);
                    if page.body.len() <= LARGEST_PAGE {
                        let _ = guard.insert(page.clone());
                    }
                    page
                }
                Err(response) => return response,
            }
        }
    };
    match known {
        Some((content, nonce)) if content == page.content => page.not_modified(&nonce),
        _ => page.answer(),
    }
}

/// The page's key, when the request is one every visitor gets alike.
fn key_for(request: &Request, version: DataVersion) -> Option<Key> {
    let visitor = request.extensions().get::<Visitor>()?;
    let only_language_cookie = cookie_names(request.headers()).all(|name| name == LANGUAGE_COOKIE);
    let public = is_public_page(request.uri().path());
    (request.method() == Method::GET
        && visitor.member.is_none()
        && visitor.kiosk_idle_seconds.is_none()
        && only_language_cookie
        && public)
        .then(|| Key {
            address: request
                .uri()
                .path_and_query()
                .map_or_else(String::new, |p| p.as_str().to_owned()),
            language: visitor.locale.tag(),
            version,
        })
}

/// The pages anyone may read, the same for every visitor.
fn is_public_page(path: &str) -> bool {
    let numbered = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
    };
    matches!(
        path,
        "/" | "/proposals" | "/outcomes" | "/decisions" | "/privacy"
    ) || numbered("/proposals/")
        || numbered("/decisions/")
}

/// The content tag and nonce of the copy the browser says it keeps (`If-None-Match`).
fn known_copy(headers: &HeaderMap) -> Option<(String, String)> {
    let tag = headers.get(IF_NONE_MATCH)?.to_str().ok()?;
    let tag = tag.trim().trim_start_matches("W/").trim_matches('"');
    let (content, nonce) = tag.split_once('-')?;
    let nonce_is_plain = !nonce.is_empty()
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b));
    nonce_is_plain.then(|| (content.to_owned(), nonce.to_owned()))
}

impl Page {
    /// Keeps a page that may be kept; any other answer comes back as it was.
    async fn from_response(response: Response) -> Result<Page, Response> {
        let html = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let policy = response
            .headers()
            .get(CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let nonce = policy.as_deref().and_then(nonce_in);
        let alike_for_all = response.status() == StatusCode::OK
            && !response.headers().contains_key(SET_COOKIE)
            && html;
        let (true, Some(policy), Some(nonce)) = (alike_for_all, policy, nonce) else {
            return Err(response);
        };
        let (parts, body) = response.into_parts();
        let body = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| {
                tracing::error!("a page was not UTF-8");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            })?,
            Err(error) => {
                tracing::error!(%error, "reading a rendered page failed");
                return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            }
        };
        let mut headers = parts.headers;
        for name in [CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CACHE_CONTROL, ETAG] {
            headers.remove(name);
        }
        let content = content_tag(&body.replace(&nonce, ""));
        Ok(Page {
            made: Instant::now(),
            headers,
            policy,
            body,
            nonce,
            content,
        })
    }

    /// The page with a nonce of its own.
    fn answer(&self) -> Response {
        let nonce = fresh_nonce();
        let mut response = Response::new(Body::from(Bytes::from(
            self.body.replace(&self.nonce, &nonce),
        )));
        *response.headers_mut() = self.headers.clone();
        self.add_cache_headers(response.headers_mut(), &nonce);
        response
    }

    /// "Your copy is current", with the policy that matches the nonce in that copy.
    fn not_modified(&self, nonce: &str) -> Response {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        self.add_cache_headers(response.headers_mut(), nonce);
        response
    }

    fn add_cache_headers(&self, headers: &mut HeaderMap, nonce: &str) {
        let policy = self.policy.replace(&self.nonce, nonce);
        let tag = format!("W/\"{}-{nonce}\"", self.content);
        if let (Ok(policy), Ok(tag)) = (HeaderValue::from_str(&policy), HeaderValue::from_str(&tag))
        {
            headers.insert(CONTENT_SECURITY_POLICY, policy);
            headers.insert(ETAG, tag);
        }
        // The browser may keep the page, asking each time whether it is still current.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
}

/// The nonce in a policy's `'nonce-…'`.
fn nonce_in(policy: &str) -> Option<String> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let length = policy[start..].find('\'')?;
    let nonce = &policy[start..start + length];
    (nonce.len() >= 16).then(|| nonce.to_owned())
}

fn fresh_nonce() -> String {
    use base64ct::{Base64UrlUnpadded, Encoding};
    Base64UrlUnpadded::encode_string(&rand::random::<[u8; 18]>())
}

fn content_tag(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_public_reading_pages_are_kept() {
        for path in [
            "/",
            "/proposals",
            "/proposals/12",
            "/decisions/3",
            "/outcomes",
        ] {
            assert!(is_public_page(path), "{path}");
        }
        for path in [
            "/proposals/new",
            "/proposals/12/edit",
            "/proposals/",
            "/me",
            "/login",
            "/join",
            "/staff/members",
            "/api/v1/proposals",
            "/decisions/3/assist",
        ] {
            assert!(!is_public_page(path), "{path}");
        }
    }

    #[test]
    fn the_browsers_tag_gives_content_and_nonce_back() {
        let mut headers = HeaderMap::new();
        headers.insert(
            IF_NONE_MATCH,
            HeaderValue::from_static("W/\"abc123-Xy_z0\""),
        );
        assert_eq!(
            known_copy(&headers),
            Some(("abc123".into(), "Xy_z0".into()))
        );
        headers.insert(
            IF_NONE_MATCH,
            HeaderValue::from_static("W/\"abc-x'; script-src *\""),
        );
        assert_eq!(
            known_copy(&headers),
            None,
            "nothing but a nonce goes into the policy"
        );
    }

    #[test]
    fn the_nonce_is_found_in_the_policy() {
        let policy = "default-src 'self'; script-src 'self' 'nonce-AbCdEfGhIjKlMnOpQr' 'x'";
        assert_eq!(nonce_in(policy).as_deref(), Some("AbCdEfGhIjKlMnOpQr"));
        assert_eq!(nonce_in("default-src 'self'"), None);
    }

    #[test]
    fn each_answer_gets_its_own_nonce() {
        let page = Page {
            made: Instant::now(),
            headers: HeaderMap::new(),
            policy: "script-src 'nonce-OLDNONCEOLDNONCEOLD'".into(),
            body: "<script nonce=\"OLDNONCEOLDNONCEOLD\"></script>".into(),
            nonce: "OLDNONCEOLDNONCEOLD".into(),
            content: "c".into(),
        };
        let first = page.answer();
        let second = page.answer();
        let policy = |r: &Response| {
            r.headers()[CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .to_owned()
        };
        assert_ne!(policy(&first), policy(&second));
        assert!(!policy(&first).contains("OLDNONCE"));
        let not_modified = page.not_modified("Kept123");
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(policy(&not_modified), "script-src 'nonce-Kept123'");
    }
}
