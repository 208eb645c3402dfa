//! Pages whose features arrive with later issues; they exist so the navigation is whole.
use crate::components::PageTitle;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
fn ComingSoon(title: &'static str) -> impl IntoView {
    view! {
        <PageTitle text=t(title)/>
        <h1>{t(title)}</h1>
        <p class="lead">{t("coming-soon")}</p>
    }
}

#[component]
pub fn DecisionsPage() -> impl IntoView {
    view! { <ComingSoon title="nav-decisions"/> }
}
