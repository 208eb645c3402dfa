//! Works out, once per request, who is asking and in which language, for pages and server functions.
use crate::i18n::Locale;
use crate::server::accounts::members::{suspension, to_member};
use crate::server::entities::user;
use crate::server::entities::{notification, session};
use crate::server::infra::cookies::cookie_value;
use crate::server::infra::data_version;
use crate::server::infra::state::AppState;
use crate::visitor::Visitor;
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, JoinType,
    QueryFilter, QuerySelect, QueryTrait,
};
use tower_sessions::Session;

pub use crate::server::infra::cookies::{LANGUAGE_COOKIE, SESSION_COOKIE};

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
    let kiosk = if cookies.contains(crate::server::infra::kiosk::COOKIE) {
        crate::server::infra::kiosk::idle_seconds(&state.db, &cookies).await
    } else {
        None
    };
    let signed_in_as = match cookie_value(request.headers(), SESSION_COOKIE) {
        Some(session_id) => signed_in_member(&state.db, &session_id)
            .await
            .unwrap_or_else(|error| {
                tracing::error!(%error, "loading the signed-in member failed");
                None
            }),
        None => None,
    };
    // What rarely changes is kept in memory under this number (see `infra::data_version`); a
    // member's query brings it along, a visitor's request asks for it alone. Without it,
    // everything is read afresh.
    // (A visitor's number may have been read already, by `page_cache::answer_visitor_early`.)
    let read_already = request
        .extensions()
        .get::<data_version::DataVersion>()
        .copied();
    let version = match (signed_in_as.as_ref(), read_already) {
        (Some(signed_in), _) => Some(signed_in.version),
        (None, Some(version)) => Some(version),
        (None, None) => state.version_reads.read(&state.db).await,
    };
    // On the tablet, a member idle too long is signed out before this request is answered.
    let signed_in_as = match (kiosk, signed_in_as) {
        (Some(seconds), Some(member)) => {
            crate::server::infra::kiosk::still_active(&session, seconds)
                .await
                .then_some(member)
        }
        (_, member) => member,
    };
    // tower-sessions saves a session (and sends its cookie again) only when it changed, so an
    // active member's session is renewed here, at most once a day: a member is signed out after
    // 30 days without a visit, not 30 days after signing in.
    if signed_in_as.as_ref().is_some_and(|s| s.due_for_renewal) {
        session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
            crate::server::infra::session_store::LIFETIME_TIME,
        )));
    }
    let (member_row, unread_notifications) = match signed_in_as {
        Some(SignedIn { member, unread, .. }) => (Some(member), unread),
        None => (None, 0),
    };
    let locale = choose_locale(
        member_row.as_ref().and_then(|m| m.language.as_deref()),
        request.headers(),
        &state.settings.default_locale,
    );
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
    if let Some(version) = version {
        request.extensions_mut().insert(version);
    }
    let site = match state
        .site
        .current(&state.db, &state.settings, version)
        .await
    {
        Ok(site) => site,
        Err(error) => {
            tracing::error!(
                ?error,
                "reading the site settings failed; using the defaults"
            );
            crate::server::infra::site_settings::defaults(&state.settings)
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

/// A signed-in member, and the count of their unread notifications for the bottom bar.
struct SignedIn {
    member: user::Model,
    unread: u64,
    /// The session was last renewed over a day ago.
    due_for_renewal: bool,
    /// Read in the same query.
    version: data_version::DataVersion,
}

/// The member of the session `session_id`, if it is current and they have an account, with
/// their unread count: one query for what every signed-in page needs (sessions name their
/// member in `member_id`, kept by the session store). The session itself is read by
/// tower-sessions only when a request uses it (signing in or out, the shared tablet).
async fn signed_in_member(
    db: &DatabaseConnection,
    session_id: &str,
) -> Result<Option<SignedIn>, sea_orm::DbErr> {
    let now = chrono::Utc::now();
    let unread = Query::select()
        .expr(Expr::col((notification::Entity, notification::Column::Id)).count())
        .from(notification::Entity)
        .and_where(
            Expr::col((notification::Entity, notification::Column::MemberId))
                .equals((user::Entity, user::Column::Id)),
        )
        .and_where(Expr::col((notification::Entity, notification::Column::ReadAt)).is_null())
        .to_owned();
    let query = user::Entity::find()
        .column_as(Expr::SubQuery(None, Box::new(unread.into())), UNREAD)
        .column_as(
            Expr::col((session::Entity, session::Column::ExpiresAt)),
            SESSION_EXPIRES,
        )
        .column_as(Expr::cust(data_version::SUBQUERY), DATA_VERSION)
        .join(
            JoinType::InnerJoin,
            sea_orm::RelationDef::from(
                session::Entity::belongs_to(user::Entity)
                    .from(session::Column::MemberId)
                    .to(user::Column::Id),
            )
            .rev(),
        )
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::ExpiresAt.gt(now))
        .filter(user::Column::DeletedAt.is_null());
    let Some(row) = db.query_one(&QueryTrait::into_query(query)).await? else {
        return Ok(None);
    };
    let member = user::Model::from_query_result(&row, "")?;
    let unread: i64 = row.try_get("", UNREAD)?;
    let expires: chrono::DateTime<chrono::Utc> = row.try_get("", SESSION_EXPIRES)?;
    let version: i64 = row.try_get("", DATA_VERSION)?;
    Ok(Some(SignedIn {
        member,
        unread: u64::try_from(unread).unwrap_or(0),
        due_for_renewal: expires - now
            < crate::server::infra::session_store::LIFETIME - chrono::Duration::days(1),
        version: data_version::DataVersion(version),
    }))
}

const UNREAD: &str = "unread_notifications";
const SESSION_EXPIRES: &str = "session_expires_at";
const DATA_VERSION: &str = "data_version";

fn visitor_is_member(request: &Request) -> bool {
    request
        .extensions()
        .get::<Visitor>()
        .is_some_and(|v| v.member.is_some())
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
