//! The home page: a warm welcome and the way in. Later: newest proposals and a big "Propose".
use crate::components::{Icon, IconSvg};
use crate::i18n::{t, t_with};
use crate::visitor::use_visitor;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <Title text=t("home-title")/>
        <h1>{t("home-heading")}</h1>
        <p class="lead">{t("home-intro")}</p>
        {match visitor.member {
            Some(member) => view! {
                <p>{t_with("home-welcome-back", &[("name", member.display_name.into())])}</p>
                <a class="button primary" href="/proposals">
                    <IconSvg icon=Icon::Proposals/>
                    <span>{t("home-see-proposals")}</span>
                </a>
            }.into_any(),
            None => view! {
                <a class="button primary" href="/join">
                    <IconSvg icon=Icon::Join/>
                    <span>{t("join")}</span>
                </a>
                <p class="hint">{t("home-join-hint")}</p>
                <a class="button" href="/login">
                    <IconSvg icon=Icon::Key/>
                    <span>{t("sign-in")}</span>
                </a>
            }.into_any(),
        }}
    }
}
