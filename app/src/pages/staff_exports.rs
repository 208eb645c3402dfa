//! `/staff/exports`: staff download proposals, outcomes and decision results as tables (CSV that
//! Excel opens with Czech letters intact), and find the address of the open-data API.
use crate::components::{Icon, IconSvg, PageTitle};
use crate::i18n::t;
use crate::permissions::Action;
use leptos::prelude::*;

const FILES: [(&str, &str); 3] = [
    ("/staff/exports/proposals.csv", "exports-proposals"),
    ("/staff/exports/outcomes.csv", "exports-outcomes"),
    ("/staff/exports/decisions.csv", "exports-decisions"),
];

#[component]
pub fn StaffExportsPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff/exports", Action::PublishOutcomes) {
        return gate;
    }
    view! {
        <PageTitle text=t("exports-title")/>
        <h1>{t("exports-title")}</h1>
        <p class="lead">{t("exports-intro")}</p>
        {FILES.into_iter().map(|(href, label)| view! {
            <p>
                <a class="button" href=href download="" rel="external">
                    <IconSvg icon=Icon::Download/><span>{t(label)}</span>
                </a>
            </p>
        }).collect_view()}
        <h2>{t("exports-api")}</h2>
        <p>{t("exports-api-intro")}</p>
        <p><a href="/api/v1/openapi.json" rel="external">"/api/v1/openapi.json"</a></p>
    }
    .into_any()
}
