//! Marking this device as the centre's shared tablet (or not): a signed cookie with the idle limit.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_kiosk")]
pub async fn set_kiosk(minutes: Option<String>) -> Result<(), AppError> {
    crate::error::respond(run(minutes).await)
}

#[cfg(feature = "ssr")]
async fn run(minutes: Option<String>) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::staff_log::log_setting;
    use crate::server::{app_state, current_member, infra::kiosk};
    use axum::http::{HeaderValue, header::SET_COOKIE};

    let admin = require(current_member(), Action::Administer)?;
    let minutes = match minutes.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            text.parse::<u32>()
                .ok()
                .filter(|m| kiosk::MINUTES.contains(m))
                .ok_or_else(|| {
                    AppError::field("minutes", "error-kiosk-minutes").keeping(&[("minutes", text)])
                })?,
        ),
    };
    let state = app_state()?;
    let cookie = kiosk::cookie(&state.db, minutes, state.settings.secure_cookies).await?;
    let what = minutes.map_or_else(|| "kiosk off".to_owned(), |m| format!("kiosk {m} min"));
    log_setting(&state.db, &admin, &what).await?;
    if let (Some(options), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie.to_string()),
    ) {
        options.append_header(SET_COOKIE, value);
    }
    Ok(())
}
