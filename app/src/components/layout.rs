//! The frame of every page: the header with the estate's name and the bottom navigation bar.
use super::icons::{Icon, IconSvg};
use super::language_switch::LanguageSwitch;
use crate::i18n::t;
use crate::visitor::use_visitor;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Header(site_name: String, estate_name: String) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{site_name}</span>
                <span class="estate-name">{estate_name}</span>
            </a>
            <div class="header-tools">
                <LanguageSwitch/>
                {match visitor.member {
                    // The shared tablet: one big, obvious way to leave.
                    Some(_) if visitor.kiosk_idle_seconds.is_some() => view! {
                        <KioskSignOut/>
                    }.into_any(),
                    Some(member) => view! {
                        <a class="header-member" href="/me">{member.display_name}</a>
                    }.into_any(),
                    None => view! {
                        <a class="header-member" href="/login">{t("sign-in")}</a>
                    }.into_any(),
                }}
            </div>
        </header>
        {visitor.suspension.map(|suspension| view! {
            <p class="suspension-notice" role="status">
                <IconSvg icon=Icon::Warning/>
                <span>{crate::i18n::t_with("suspended-notice", &[
                    ("date", crate::i18n::date(&suspension.until_day).into()),
                    ("reason", suspension.reason.into()),
                ])}</span>
            </p>
        })}
    }
}

#[component]
fn KioskSignOut() -> impl IntoView {
    let sign_out = ServerAction::<crate::account::SignOut>::new();
    view! {
        <ActionForm action=sign_out attr:class="kiosk-sign-out">
            <button type="submit" class="button big">{t("sign-out")}</button>
        </ActionForm>
    }
}

/// Four places, each an icon and a word; the current one is marked for screen readers too.
#[component]
pub fn BottomNav() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let item = move |href: &'static str, icon: Icon, label: &'static str| {
        let current = if href == "/" {
            path == "/"
        } else {
            path.starts_with(href)
        };
        view! {
            <li>
                <a href=href aria-current=current.then_some("page")>
                    <IconSvg icon=icon/>
                    <span>{t(label)}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav class="bottom-nav" aria-label=t("nav-label")>
            <ul>
                {item("/", Icon::Home, "nav-home")}
                {item("/proposals", Icon::Proposals, "nav-proposals")}
                {item("/decisions", Icon::Decisions, "nav-decisions")}
                {item("/me", Icon::Me, "nav-me")}
            </ul>
        </nav>
    }
}
