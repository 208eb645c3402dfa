//! `/privacy`: in plain words, what Spolu keeps about a person, why, who sees it, and what they
//! can do about it. Everyone may read it, signed in or not.
use crate::components::PageTitle;
use crate::i18n::t;
use leptos::prelude::*;

/// Each part: a heading and its paragraphs, as locale keys.
const PARTS: [(&str, &[&str]); 5] = [
    ("privacy-what", &["privacy-what-1", "privacy-what-2"]),
    ("privacy-why", &["privacy-why-1"]),
    ("privacy-who", &["privacy-who-1", "privacy-who-2"]),
    ("privacy-votes", &["privacy-votes-1"]),
    ("privacy-yours", &["privacy-yours-1", "privacy-yours-2"]),
];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageTitle text=t("privacy-title")/>
        <h1>{t("privacy-title")}</h1>
        <p class="lead">{t("privacy-lead")}</p>
        {PARTS.into_iter().map(|(heading, paragraphs)| view! {
            <h2>{t(heading)}</h2>
            {paragraphs.iter().map(|p| view! { <p>{t(p)}</p> }).collect_view()}
        }).collect_view()}
    }
}
