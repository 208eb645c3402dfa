//! Choosing the language: remembered in a cookie, and on the account of a signed-in member.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_language")]
pub async fn set_language(language: String, back: Option<String>) -> Result<(), AppError> {
    crate::error::respond(run(language, back).await)
}

#[cfg(feature = "ssr")]
async fn run(language: String, back: Option<String>) -> Result<(), AppError> {
    use crate::i18n::Locale;
    use crate::server::accounts::{my_account, visitor::LANGUAGE_COOKIE};
    use crate::server::{app_state, current_member};
    use axum::http::{HeaderValue, header::SET_COOKIE};

    let locale = Locale::parse(&language)
        .ok_or_else(|| AppError::field("language", "error-language-unknown"))?;
    let state = app_state()?;
    if let Some(member) = current_member() {
        my_account::set_language(&state.db, &member, &locale).await?;
    }
    let cookie = cookie::Cookie::build((LANGUAGE_COOKIE, locale.tag()))
        .path("/")
        .max_age(time::Duration::days(365))
        .same_site(cookie::SameSite::Lax)
        .http_only(true)
        .secure(state.settings.secure_cookies)
        .build();
    if let (Some(options), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie.to_string()),
    ) {
        options.append_header(SET_COOKIE, value);
    }
    leptos_axum::redirect(&super::safe_next(back.as_deref()));
    Ok(())
}
