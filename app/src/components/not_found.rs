//! The friendly page for an address that leads nowhere (or to something this visitor may not
//! know exists), and the HTTP status it and other refusals are sent with.
use crate::components::{Icon, IconSvg, PageTitle};
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <PageTitle text=t("not-found-title")/>
        <h1>{t("not-found-title")}</h1>
        <p class="lead">{t("not-found-text")}</p>
        <a class="button primary" href="/">
            <IconSvg icon=Icon::Home/>
            <span>{t("back-home")}</span>
        </a>
    }
}

/// Sets the HTTP status of the page being rendered (404, 403), so the browser and tests see it.
pub fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(status),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
