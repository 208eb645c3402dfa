//! Reading a cookie the request carries.
use axum::http::HeaderMap;
use axum::http::header::COOKIE;

/// The cookie that remembers a visitor's language choice.
pub const LANGUAGE_COOKIE: &str = "lang";
/// The cookie carrying the session's id.
pub const SESSION_COOKIE: &str = "spolu_session";

/// The value of the cookie `name` the request carries, if any.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// The names of all cookies the request carries (a header that is not text counts as one
/// unnamed cookie, so it is never taken for "no cookies").
pub fn cookie_names(headers: &HeaderMap) -> impl Iterator<Item = String> + '_ {
    headers
        .get_all(COOKIE)
        .iter()
        .flat_map(|value| match value.to_str() {
            Ok(text) => cookie::Cookie::split_parse(text)
                .map(|c| c.map_or_else(|_| String::new(), |c| c.name().to_owned()))
                .collect::<Vec<_>>(),
            Err(_) => vec![String::new()],
        })
}
