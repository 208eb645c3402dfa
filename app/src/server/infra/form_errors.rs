//! Form messages that travel in a link, made trustworthy. Without JavaScript, a failed form post is
//! redirected back to its page with the error (and what was typed) in the address (`__path`,
//! `__err`); leptos shows whatever it finds there. Anyone could put their own `__err` in a link
//! and make Spolu show it, so this layer signs the error when a server function failed and made
//! the redirect (`error::respond` marks that response), binding it to a random value in this
//! browser's own cookie, and drops any error from a page's address whose signature does not
//! match. Any other redirect that carries an error (a sign-in's `next`, say) loses it. A link made
//! by someone else therefore shows nothing.
use crate::server::infra::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The cookie with this browser's random value; only the server reads it (HttpOnly).
pub const COOKIE_NAME: &str = "spolu_form";
const PATH: &str = "__path";
const ERROR: &str = "__err";
const SIGNATURE: &str = "__sig";

pub async fn sign_and_check(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = browser_nonce(&request);
    if let Some(query) = request.uri().query().filter(|q| mentions_error(q)) {
        let trusted = match (&nonce, key(&state).await) {
            (Some(nonce), Some(key)) => signature_matches(&key, nonce, query),
            _ => false,
        };
        if !trusted {
            let cleaned = without_error(request.uri());
            *request.uri_mut() = cleaned;
        }
    }
    let mut response = next.run(request).await;
    let failed_form = response
        .headers_mut()
        .remove(crate::error::FORM_ERROR_MARK)
        .is_some();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Some(location) = location.filter(|l| mentions_error(l)) else {
        return response;
    };
    let (nonce, fresh) = match nonce {
        Some(nonce) => (nonce, false),
        None => (new_nonce(), true),
    };
    let signed = match (failed_form, key(&state).await) {
        (true, Some(key)) => signed_location(&key, &nonce, &location),
        // Not the server's own error (or no key to vouch for it): the person gets the page
        // without it.
        _ => strip_error(&location),
    };
    if let Ok(value) = HeaderValue::from_str(&signed) {
        response.headers_mut().insert(LOCATION, value);
    }
    if fresh {
        let cookie = cookie::Cookie::build((COOKIE_NAME, nonce))
            .path("/")
            .http_only(true)
            .same_site(cookie::SameSite::Lax)
            .secure(state.settings.secure_cookies)
            .build();
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

async fn key(state: &AppState) -> Option<Vec<u8>> {
    match crate::server::infra::signing_key::key(&state.db).await {
        Ok(key) => Some(key.signing().to_vec()),
        Err(error) => {
            tracing::error!(?error, "no signing key for form messages");
            None
        }
    }
}

fn browser_nonce(request: &Request) -> Option<String> {
    crate::server::infra::cookies::cookie_value(request.headers(), COOKIE_NAME)
        .filter(|v| !v.is_empty())
}

fn new_nonce() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether an address's query names any of our three keys, however they are encoded.
pub fn mentions_error(address: &str) -> bool {
    let query = address.split_once('?').map_or(address, |(_, q)| q);
    pairs(query).iter().any(|(k, _)| is_ours(k))
}

/// The query's pairs, decoded.
fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn is_ours(name: &str) -> bool {
    [PATH, ERROR, SIGNATURE].contains(&name)
}

fn mac(key: &[u8], nonce: &str, path: &str, error: &str) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
    for part in [nonce, path, error] {
        mac.update(part.as_bytes());
        mac.update(&[0]);
    }
    Some(mac)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// True when the query holds exactly one error, for one path, signed for this browser.
fn signature_matches(key: &[u8], nonce: &str, query: &str) -> bool {
    let pairs = pairs(query);
    let one = |name: &str| {
        let mut found = pairs.iter().filter(|(k, _)| k == name);
        match (found.next(), found.next()) {
            (Some((_, value)), None) => Some(value.as_str()),
            _ => None,
        }
    };
    let (Some(path), Some(error), Some(signature)) = (one(PATH), one(ERROR), one(SIGNATURE)) else {
        return false;
    };
    match (mac(key, nonce, path, error), unhex(signature)) {
        (Some(mac), Some(signature)) => mac.verify_slice(&signature).is_ok(),
        _ => false,
    }
}

/// The redirect with only the newest error (leptos appends one to whatever the page already had)
/// and its signature.
fn signed_location(key: &[u8], nonce: &str, location: &str) -> String {
    let (base, query) = location.split_once('?').unwrap_or((location, ""));
    let pairs = pairs(query);
    let last = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let (Some(path), Some(error)) = (last(PATH), last(ERROR)) else {
        return strip_error(location);
    };
    let Some(mac) = mac(key, nonce, &path, &error) else {
        return strip_error(location);
    };
    let signature = hex(&mac.finalize().into_bytes());
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| !is_ours(k)) {
        query.append_pair(k, v);
    }
    query
        .append_pair(PATH, &path)
        .append_pair(ERROR, &error)
        .append_pair(SIGNATURE, &signature);
    format!("{base}?{}", query.finish())
}

/// The address without any form message.
fn strip_error(location: &str) -> String {
    let (base, query) = location.split_once('?').unwrap_or((location, ""));
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs(query).iter().filter(|(k, _)| !is_ours(k)) {
        kept.append_pair(k, v);
    }
    let kept = kept.finish();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{kept}")
    }
}

fn without_error(uri: &Uri) -> Uri {
    strip_error(&uri.to_string())
        .parse()
        .unwrap_or_else(|_| Uri::from_static("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn the_servers_own_redirect_is_trusted_by_the_same_browser_only() {
        let location = "http://x/proposals/new?category=2&__path=/api/p&__err=e30";
        let signed = signed_location(KEY, "mine", location);
        let query = signed.split_once('?').unwrap().1;
        assert!(query.starts_with("category=2&"), "{query}");
        assert!(signature_matches(KEY, "mine", query));
        assert!(!signature_matches(KEY, "theirs", query));
        assert!(!signature_matches(
            b"another key, just as long as it",
            "mine",
            query
        ));
    }

    #[test]
    fn a_changed_or_doubled_error_is_not_trusted() {
        let signed = signed_location(KEY, "n", "/p?__path=/api/p&__err=e30");
        let query = signed.split_once('?').unwrap().1;
        assert!(!signature_matches(KEY, "n", &query.replace("e30", "e31")));
        assert!(!signature_matches(KEY, "n", &format!("{query}&__err=e31")));
        assert!(!signature_matches(KEY, "n", "__path=/api/p&__err=e30"));
    }

    #[test]
    fn only_the_newest_error_is_kept_when_a_form_fails_twice() {
        let signed = signed_location(
            KEY,
            "n",
            "/p?__path=/api/a&__err=old&__sig=00&__path=/api/b&__err=new",
        );
        assert_eq!(signed.matches("__err=").count(), 1);
        assert!(
            signed.contains("__path=%2Fapi%2Fb&__err=new&__sig="),
            "{signed}"
        );
    }

    #[test]
    fn an_encoded_key_is_still_seen() {
        assert!(mentions_error("/p?%5F%5Ferr=x"));
        assert!(mentions_error("a=1&__path=y"));
        assert!(!mentions_error("/p?err=x&path=y"));
        assert_eq!(strip_error("/p?%5F%5Ferr=x&a=1"), "/p?a=1");
    }

    #[test]
    fn stripping_keeps_every_other_part_of_the_address() {
        assert_eq!(strip_error("/p?a=1&__err=x&__path=y&b=2"), "/p?a=1&b=2");
        assert_eq!(strip_error("/p?__err=x"), "/p");
        assert_eq!(
            without_error(&"/p?__err=%3Cb%3E&q=j".parse().unwrap()).to_string(),
            "/p?q=j"
        );
    }
}
