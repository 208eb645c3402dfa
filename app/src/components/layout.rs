//! The frame of every page: the header with the estate's name and the bottom navigation bar.
use super::icons::{Icon, IconSvg};
use super::language_switch::LanguageSwitch;
use crate::i18n::t;
use crate::i18n::t_with;
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
                    ("date", crate::i18n::date_until(&suspension.until_day).into()),
                    ("reason", suspension.reason.into()),
                ])}</span>
            </p>
        })}
    }
}

#[component]
fn KioskSignOut() -> impl IntoView {
    let sign_out = ServerAction::<crate::serverfns::account::SignOut>::new();
    view! {
        <ActionForm action=sign_out attr:class="kiosk-sign-out">
            <button type="submit" class="button big"><IconSvg icon=Icon::Key/><span>{t("sign-out")}</span></button>
        </ActionForm>
    }
}

/// Five places, each an icon and a word (notifications with the unread count); the current one is marked for screen readers too.
#[component]
pub fn BottomNav() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let unread = use_visitor().unread_notifications;
    let item = move |href: &'static str, icon: Icon, label: &'static str, count: u64| {
        let current = if href == "/" {
            path == "/"
        } else {
            path.starts_with(href)
        };
        view! {
            <li>
                <a href=href aria-current=if current { "page" } else { "false" }>
                    <IconSvg icon=icon/>
                    <span>{t(label)}</span>
                    {(count > 0).then(|| view! {
                        <span class="nav-count" aria-hidden="true">{count}</span>
                        <span class="visually-hidden">{t_with("nav-unread", &[("count", count.into())])}</span>
                    })}
                </a>
            </li>
        }
    };
    view! {
        <nav class="bottom-nav" aria-label=t("nav-label")>
            <ul>
                {item("/", Icon::Home, "nav-home", 0)}
                {item("/proposals", Icon::Proposals, "nav-proposals", 0)}
                {item("/decisions", Icon::Decisions, "nav-decisions", 0)}
                {item("/notifications", Icon::Bell, "nav-notifications", unread)}
                {item("/me", Icon::Me, "nav-me", 0)}
            </ul>
        </nav>
    }
}
