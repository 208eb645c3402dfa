//! Public pages, kept finished in memory (issue 19): a page asked for again after no change
//! costs one small statement (the data version, or a member's session) and a copy, not a render.
//!
//! A page is kept under its address (path and query), language and the data version it was
//! made under; any write to what pages show raises that number (database triggers), on whichever
//! instance, so a kept page is never served after a change. Pages whose state follows the clock
//! (a decision opening at its hour) are made again after [`FRESH_FOR`] anyway.
//!
//! Visitors: `GET` of the public reading pages, by a browser with no cookie but the language
//! choice (no session, no shared tablet), are kept once for all of them.
//!
//! Members: only the proposal list, and each member's own copy — kept under everything of theirs
//! the page shows ([`Whose`]: who they are, their role, their unread count, their suspension), so
//! it is never anyone else's and never older than their own state. Other pages show a member
//! things no data version covers (their ballot, their reports), so they are always made anew.
//! A member's copy is never given an `ETag`: their pages are `no-store` (`load_visitor`).
//!
//! Only `200` answers without a cookie are kept. Each answer gets a fresh script nonce, in the
//! page and its security policy.
//!
//! `ETag`/`304` (visitors): the tag names the page's content and the nonce the browser got with
//! it, so a `304` can repeat the policy that matches the copy the browser keeps.
use crate::i18n::Locale;
use crate::server::infra::cookies::{LANGUAGE_COOKIE, SESSION_COOKIE, cookie_names};
use crate::server::infra::data_version::DataVersion;
use crate::server::infra::form_errors;
use crate::server::infra::state::AppState;
use crate::visitor::{Member, Suspension, Visitor};
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
pub struct PageCache(quick_cache::sync::Cache<Key, Arc<Kept>, ByBytes>);

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
    /// `None`: a visitor's page, the same for all of them.
    whose: Option<Whose>,
}

/// Everything of a member's own that a kept page of theirs shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Whose {
    member: Member,
    suspension: Option<Suspension>,
    unread_notifications: u64,
}

/// The pages a member's own copy is kept of: what they show of the member is all in [`Whose`]
/// or in tables the data version covers (their supports, their waiting proposals).
const KEPT_FOR_MEMBERS: [&str; 1] = ["/proposals"];

/// What is kept under a key: the page, or a note that this address's answer is not one to keep
/// (a 404, a redirect, a page too large), so requests for it go straight through instead of
/// waiting for each other.
pub struct Kept {
    made: Instant,
    page: Option<Page>,
}

/// Who a kept page is for, which decides what the browser may do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Readers {
    /// Every visitor alike: the browser may keep it and ask whether it is current (`ETag`).
    Everyone,
    /// One member's own copy: `no-store`, as every page of a member's.
    OneMember,
}

pub struct Page {
    /// The answer's headers but its policy, length and cache headers.
    headers: HeaderMap,
    /// The security policy, with `nonce` in it.
    policy: String,
    /// The page cut where its nonce stood: an answer is these pieces joined by a fresh nonce.
    pieces: Vec<Bytes>,
    /// The script nonce the page was made with, replaced in every answer.
    nonce: String,
    /// Names the content, nonce left out, for the browser's `ETag`. None for one member's copy,
    /// which the browser never keeps (so no hash of it is worked out).
    content: Option<String>,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<Key, Arc<Kept>> for ByBytes {
    fn weight(&self, key: &Key, kept: &Arc<Kept>) -> u64 {
        let page = kept
            .page
            .as_ref()
            .map_or(0, |page| page.len() + page.policy.len());
        (key.address.len() + page + 256) as u64
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
    let readers = match key.whose {
        None => Readers::Everyone,
        Some(_) => Readers::OneMember,
    };
    // A member's copy is never kept by the browser, so it is never asked about (`304`).
    let known = (readers == Readers::Everyone)
        .then(|| known_copy(request.headers()))
        .flatten();
    let pages = &state.pages.0;
    let kept = match pages.get(&key) {
        Some(kept) if kept.made.elapsed() < FRESH_FOR => kept,
        stale => {
            // Made again after a while even without a change (a decision's state follows the
            // clock): taken out only if no other request already put a newer one in its place.
            if let Some(old) = stale {
                pages.remove_if(&key, |kept| Arc::ptr_eq(kept, &old));
            }
            // One request makes a missing page; the others asking for it meanwhile wait for it.
            match pages.get_value_or_guard_async(&key).await {
                Ok(kept) => kept,
                Err(guard) => {
                    metrics::counter!("page_cache_total", "result" => "miss").increment(1);
                    let response = next.run(request).await;
                    let (kept, answer) = Kept::from_response(response, readers, known).await;
                    let _ = guard.insert(Arc::new(kept));
                    return answer;
                }
            }
        }
    };
    match &kept.page {
        Some(page) => {
            metrics::counter!("page_cache_total", "result" => "hit").increment(1);
            page.answer_to(known)
        }
        None => next.run(request).await,
    }
}

/// The page's key, when the request is for a page that may be kept.
fn key_for(request: &Request, version: DataVersion) -> Option<Key> {
    // Every field named: one added to `Visitor` must be thought about here, as it may change
    // what a page shows.
    let Visitor {
        member,
        locale,
        suspension,
        kiosk_idle_seconds,
        unread_notifications,
    } = request.extensions().get::<Visitor>()?;
    let path = request.uri().path();
    let whose = match member {
        None => None,
        Some(member) if KEPT_FOR_MEMBERS.contains(&path) => Some(Whose {
            member: member.clone(),
            suspension: suspension.clone(),
            unread_notifications: *unread_notifications,
        }),
        Some(_) => return None,
    };
    if kiosk_idle_seconds.is_some() {
        return None;
    }
    let (address, _) = keepable(request, whose.is_some())?;
    Some(Key {
        address,
        language: locale.tag(),
        version,
        whose,
    })
}

/// The address and route of a request for a public page that may be kept: a `GET` with no
/// cookie but the language (and, for a member's own copy, their session).
fn keepable(request: &Request, with_session: bool) -> Option<(String, &'static str)> {
    let plain_cookies = cookie_names(request.headers())
        .all(|name| name == LANGUAGE_COOKIE || (with_session && name == SESSION_COOKIE));
    let route = public_route(request.uri().path())?;
    (request.method() == Method::GET && plain_cookies).then(|| {
        let address = request
            .uri()
            .path_and_query()
            .map_or_else(String::new, |p| p.as_str().to_owned());
        (address, route)
    })
}

/// A visitor's kept page, answered at the outside of the stack, before routing, sessions and
/// the visitor are worked out (they cost most of a kept page's time, issue 19). Only what
/// every visitor gets alike: a `GET` of a public page with no cookie but the language (so no
/// session, no shared tablet, no form message), its language chosen as for any visitor
/// (`locale`), under the data version read now. Gives the page and its route (for the
/// metrics), or `None` and the request goes the whole way; the version read here then travels
/// with it, so it is not read twice.
pub async fn answer_visitor_early(
    state: &AppState,
    request: &mut Request,
    locale: impl FnOnce(&HeaderMap) -> Locale,
) -> Option<(&'static str, Response)> {
    let (address, route) = keepable(request, false)?;
    // A form message in the address is checked (and maybe dropped) by `form_errors` first.
    if request
        .uri()
        .query()
        .is_some_and(form_errors::mentions_error)
    {
        return None;
    }
    let version = state.version_reads.read(&state.db).await?;
    request.extensions_mut().insert(version);
    let key = Key {
        address,
        language: locale(request.headers()).tag(),
        version,
        whose: None,
    };
    let kept = state.pages.0.get(&key)?;
    let page = kept
        .page
        .as_ref()
        .filter(|_| kept.made.elapsed() < FRESH_FOR)?;
    metrics::counter!("page_cache_total", "result" => "hit").increment(1);
    Some((route, page.answer_to(known_copy(request.headers()))))
}

/// The route of a page anyone may read, the same for every visitor.
fn public_route(path: &str) -> Option<&'static str> {
    let numbered = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
    };
    match path {
        "/" => Some("/"),
        "/proposals" => Some("/proposals"),
        "/outcomes" => Some("/outcomes"),
        "/decisions" => Some("/decisions"),
        "/privacy" => Some("/privacy"),
        _ if numbered("/proposals/") => Some("/proposals/{id}"),
        _ if numbered("/decisions/") => Some("/decisions/{id}"),
        _ => None,
    }
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

impl Kept {
    /// Keeps a page that may be kept, and answers the request that made it. Any other answer is
    /// sent as it is, with a note that its address is not kept.
    async fn from_response(
        response: Response,
        readers: Readers,
        known: Option<(String, String)>,
    ) -> (Kept, Response) {
        let made = Instant::now();
        match Page::from_response(response, readers).await {
            Ok(page) if page.len() <= LARGEST_PAGE => {
                let answer = page.answer_to(known);
                (
                    Kept {
                        made,
                        page: Some(page),
                    },
                    answer,
                )
            }
            Ok(page) => (Kept { made, page: None }, page.answer()),
            Err(response) => (Kept { made, page: None }, response),
        }
    }
}

impl Page {
    /// Makes a page of a rendered answer, or gives the answer back when it is not one every
    /// visitor gets alike.
    async fn from_response(response: Response, readers: Readers) -> Result<Page, Response> {
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
        let pieces: Vec<Bytes> = body
            .split(nonce.as_str())
            .map(|piece| Bytes::copy_from_slice(piece.as_bytes()))
            .collect();
        let content = (readers == Readers::Everyone).then(|| content_tag(&pieces));
        Ok(Page {
            headers,
            policy,
            pieces,
            nonce,
            content,
        })
    }

    /// The page's length in bytes, its nonces left out.
    fn len(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }

    /// The page, or "your copy is current" when the browser's copy has the same content.
    fn answer_to(&self, known: Option<(String, String)>) -> Response {
        match known {
            Some((content, nonce)) if self.content.as_ref() == Some(&content) => {
                self.not_modified(&nonce)
            }
            _ => self.answer(),
        }
    }

    /// The page with a nonce of its own: its pieces with the nonce between them, sent as they are
    /// (no copy of the page per answer).
    fn answer(&self) -> Response {
        let nonce = fresh_nonce();
        let nonce_bytes = Bytes::from(nonce.clone());
        let mut parts = Vec::with_capacity(self.pieces.len() * 2);
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                parts.push(nonce_bytes.clone());
            }
            parts.push(piece.clone());
        }
        let mut response = Response::new(Body::new(Pieces::new(parts)));
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
        if let Ok(policy) = HeaderValue::from_str(&policy) {
            headers.insert(CONTENT_SECURITY_POLICY, policy);
        }
        let Some(content) = &self.content else {
            return;
        };
        if let Ok(tag) = HeaderValue::from_str(&format!("W/\"{content}-{nonce}\"")) {
            headers.insert(ETAG, tag);
        }
        // The browser may keep the page, asking each time whether it is still current.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
}

/// A body sent as the pieces it is made of, its length known from the start (so the answer has
/// a `Content-Length`, as a file's would).
struct Pieces {
    parts: std::collections::VecDeque<Bytes>,
    left: u64,
}

impl Pieces {
    fn new(mut parts: Vec<Bytes>) -> Self {
        parts.retain(|part| !part.is_empty());
        let left = parts.iter().map(|part| part.len() as u64).sum();
        Self {
            parts: parts.into(),
            left,
        }
    }
}

impl http_body::Body for Pieces {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let next = self.parts.pop_front();
        if let Some(part) = &next {
            self.left -= part.len() as u64;
        }
        std::task::Poll::Ready(next.map(|part| Ok(http_body::Frame::data(part))))
    }

    fn is_end_stream(&self) -> bool {
        self.parts.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.left)
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

/// Names a page's content (its pieces, the nonce between them left out).
fn content_tag(pieces: &[Bytes]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for piece in pieces {
        hasher.update(piece);
    }
    let digest = hasher.finalize();
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
            assert!(public_route(path).is_some(), "{path}");
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
            assert_eq!(public_route(path), None, "{path}");
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

    /// A rendered page, as the app answers it, with its nonce in the policy and twice in the page.
    fn rendered(nonce: &str) -> Response {
        let mut response = Response::new(Body::from(format!(
            "<script nonce=\"{nonce}\">a</script><p>x</p><script nonce=\"{nonce}\">b</script>"
        )));
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        let policy = format!("script-src 'nonce-{nonce}'");
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&policy).unwrap(),
        );
        response
    }

    async fn text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    fn policy(response: &Response) -> String {
        response.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned()
    }

    #[tokio::test]
    async fn each_answer_gets_its_own_nonce_in_page_and_policy() {
        let old = "OLDNONCEOLDNONCEOLD";
        let page = Page::from_response(rendered(old), Readers::Everyone)
            .await
            .ok()
            .unwrap();
        let (first, second) = (page.answer(), page.answer());
        let (first_policy, second_policy) = (policy(&first), policy(&second));
        assert_ne!(first_policy, second_policy);
        let first_nonce = nonce_in(&first_policy).unwrap();
        // Sent in pieces, with its whole length known first (a `Content-Length`).
        let length = http_body::Body::size_hint(first.body()).exact();
        let first_text = text(first).await;
        assert_eq!(length, Some(first_text.len() as u64));
        assert!(!first_text.contains(old) && !first_policy.contains(old));
        assert_eq!(
            first_text,
            format!(
                "<script nonce=\"{first_nonce}\">a</script><p>x</p><script nonce=\"{first_nonce}\">b</script>"
            )
        );
        let not_modified = page.not_modified("Kept123");
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(policy(&not_modified), "script-src 'nonce-Kept123'");
    }

    #[tokio::test]
    async fn the_content_tag_does_not_follow_the_nonce() {
        let one = Page::from_response(rendered("AAAAAAAAAAAAAAAAAAAA"), Readers::Everyone)
            .await
            .ok()
            .unwrap();
        let two = Page::from_response(rendered("BBBBBBBBBBBBBBBBBBBB"), Readers::Everyone)
            .await
            .ok()
            .unwrap();
        assert!(one.content.is_some());
        assert_eq!(one.content, two.content);
    }

    #[tokio::test]
    async fn a_members_copy_carries_no_tag_for_the_browser() {
        let page = Page::from_response(rendered("AAAAAAAAAAAAAAAAAAAA"), Readers::OneMember)
            .await
            .ok()
            .unwrap();
        assert_eq!(page.content, None);
        let answer = page.answer();
        assert!(answer.headers().get(ETAG).is_none());
    }

    #[tokio::test]
    async fn an_answer_not_alike_for_all_is_given_back_and_not_kept() {
        let mut missing = rendered("AAAAAAAAAAAAAAAAAAAA");
        *missing.status_mut() = StatusCode::NOT_FOUND;
        let (kept, answer) = Kept::from_response(missing, Readers::Everyone, None).await;
        assert!(kept.page.is_none());
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);
        let mut with_cookie = rendered("AAAAAAAAAAAAAAAAAAAA");
        with_cookie
            .headers_mut()
            .insert(SET_COOKIE, HeaderValue::from_static("a=b"));
        let (kept, answer) = Kept::from_response(with_cookie, Readers::Everyone, None).await;
        assert!(kept.page.is_none());
        assert!(answer.headers().contains_key(SET_COOKIE));
        let (kept, answer) =
            Kept::from_response(rendered("AAAAAAAAAAAAAAAAAAAA"), Readers::Everyone, None).await;
        assert!(kept.page.is_some() && answer.headers().contains_key(ETAG));
    }
}
