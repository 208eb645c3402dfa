//! The friendly page for an address that leads nowhere.
use crate::components::{Icon, IconSvg, PageTitle};
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_status(404);
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
