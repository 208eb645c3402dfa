//! Works out, once per request, who is asking and in which language, for pages and server functions.
use super::entities::user;
use super::members::{suspension, to_member};
use super::state::AppState;
use crate::i18n::Locale;
use crate::visitor::Visitor;
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use sea_orm::EntityTrait;
use tower_sessions::Session;

/// The session key holding the signed-in member's id.
pub const MEMBER_ID: &str = "member_id";
/// The cookie that remembers a visitor's language choice.
pub const LANGUAGE_COOKIE: &str = "lang";

pub async fn load_visitor(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    // The centre's shared tablet signs a member out after a while without a request.
    let cookies: String = request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ");
    let kiosk = if cookies.contains(super::kiosk::COOKIE) {
        super::kiosk::idle_seconds(&state.db, &cookies).await
    } else {
        None
    };
    let signed_in = matches!(session.get::<i32>(MEMBER_ID).await, Ok(Some(_)));
    if let (Some(seconds), true) = (kiosk, signed_in) {
        super::kiosk::still_active(&session, seconds).await;
    }
    let member_row = match session.get::<i32>(MEMBER_ID).await {
        Ok(Some(id)) => match user::Entity::find_by_id(id).one(&state.db).await {
            // A deleted account's other sessions find no member.
            Ok(row) => row.filter(|row| row.deleted_at.is_none()),
            Err(error) => {
                tracing::error!(%error, "loading the signed-in member failed");
                None
            }
        },
        Ok(None) => None,
        Err(error) => {
            tracing::warn!(%error, "unreadable session");
            None
        }
    };
    let locale = choose_locale(
        member_row.as_ref().and_then(|m| m.language.as_deref()),
        request.headers(),
        &state.settings.default_locale,
    );
    let unread_notifications = match &member_row {
        Some(row) => super::notifications::unread_count(&state.db, row.id)
            .await
            .unwrap_or_else(|error| {
                tracing::error!(?error, "counting unread notifications failed");
                0
            }),
        None => 0,
    };
    let visitor = Visitor {
        unread_notifications,
        member: member_row.as_ref().map(to_member),
        locale,
        suspension: member_row
            .as_ref()
            .and_then(|row| suspension(row, state.settings.time_zone)),
        kiosk_idle_seconds: kiosk.map(|seconds| u32::try_from(seconds).unwrap_or(u32::MAX)),
    };
    request.extensions_mut().insert(visitor);
    // The settings admins change, read once per request (one small query), so every instance
    // sees a change at once.
    let site = match super::site_settings::load(&state.db, &state.settings).await {
        Ok(site) => site,
        Err(error) => {
            tracing::error!(
                ?error,
                "reading the site settings failed; using the defaults"
            );
            super::site_settings::defaults(&state.settings)
        }
    };
    request.extensions_mut().insert(site);
    let signed_in = visitor_is_member(&request);
    let mut response = next.run(request).await;
    // What a member sees is theirs (names, codes, their notifications): no shared or back-button
    // cache may keep it. Visitors' pages are the public ones and may be kept.
    if signed_in && !response.headers().contains_key(CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn visitor_is_member(request: &Request) -> bool {
    request
        .extensions()
        .get::<Visitor>()
        .is_some_and(|v| v.member.is_some())
}

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

/// The member's choice, then the `lang` cookie, then the browser's languages, then the default.
pub fn choose_locale(member_choice: Option<&str>, headers: &HeaderMap, default: &Locale) -> Locale {
    let cookie = cookie_value(headers, LANGUAGE_COOKIE);
    let browser = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(accept_language::parse)
        .unwrap_or_default();
    member_choice
        .and_then(Locale::parse)
        .or_else(|| cookie.as_deref().and_then(Locale::parse))
        .or_else(|| browser.iter().find_map(|tag| Locale::parse(tag)))
        .unwrap_or_else(|| default.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(cookie: Option<&'static str>, accept: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(c) = cookie {
            headers.insert(COOKIE, HeaderValue::from_static(c));
        }
        if let Some(a) = accept {
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static(a));
        }
        headers
    }

    fn tag(
        member: Option<&str>,
        cookie: Option<&'static str>,
        accept: Option<&'static str>,
    ) -> String {
        choose_locale(member, &headers(cookie, accept), &Locale::czech()).tag()
    }

    #[test]
    fn member_choice_beats_cookie_beats_browser_beats_czech() {
        assert_eq!(tag(Some("en"), Some("lang=cs"), Some("cs")), "en");
        assert_eq!(tag(None, Some("a=b; lang=en"), Some("cs")), "en");
        assert_eq!(tag(None, None, Some("de-DE, en-GB;q=0.8, cs;q=0.5")), "en");
        assert_eq!(tag(None, None, Some("de")), "cs");
        assert_eq!(tag(None, None, None), "cs");
    }

    #[test]
    fn an_unknown_cookie_value_falls_through() {
        assert_eq!(tag(None, Some("lang=xx"), Some("en")), "en");
    }
}
