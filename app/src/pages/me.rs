//! `/me`: who I am here — my name, password and language — the staff tools I may use, what
//! Spolu keeps about me, and signing out.
mod change_password;
mod rename;

use crate::account::SignOut;
use crate::components::{FormMessage, Icon, IconSvg, LanguageSwitch, PageTitle, TextField};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use change_password::ChangePassword;
use leptos::prelude::*;
use rename::ChangeDisplayName;

#[component]
pub fn MePage() -> impl IntoView {
    // Any signed-in member, whatever they may otherwise do (a suspended one too).
    let member = match super::member_page("/me", Action::Read) {
        Ok(member) => member,
        Err(gate) => return gate,
    };
    let sign_out = ServerAction::<SignOut>::new();
    let mut role = t(member.role.label_key());
    if member.core {
        role = format!("{role} · {}", t("role-core"));
    }
    view! {
        <PageTitle text=t("nav-me")/>
        <h1>{member.display_name.clone()}</h1>
        <dl class="facts">
            <dt>{t("join-username")}</dt>
            <dd>{member.username.clone()}</dd>
            <dt>{t("me-role")}</dt>
            <dd>{role}</dd>
        </dl>
        {(member.role != crate::domain::Role::Resident).then(|| view! {
            <p><a class="button" href="/staff">{t("moderation-title")}</a></p>
            <p><a class="button" href="/staff/members">{t("members-title")}</a></p>
            <p><a class="button" href="/staff/invites">{t("invites-title")}</a></p>
            {(member.role == crate::domain::Role::Admin).then(|| view! {
                <p><a class="button" href="/admin">{t("admin-title")}</a></p>
            })}
        })}
        <section aria-labelledby="me-settings">
            <h2 id="me-settings">{t("me-settings")}</h2>
            <RenameForm current=member.display_name.clone()/>
            <PasswordForm/>
            <h3>{t("me-language")}</h3>
            <LanguageSwitch/>
        </section>
        <section aria-labelledby="me-data">
            <h2 id="me-data">{t("me-data")}</h2>
            <p><a href="/privacy">{t("privacy-title")}</a></p>
        </section>
        <ActionForm action=sign_out attr:class="form">
            <button type="submit" class="button">{t("sign-out")}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn RenameForm(current: String) -> impl IntoView {
    let action = ServerAction::<ChangeDisplayName>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let saved = matches!(action.value().get_untracked(), Some(Ok(())));
    let open = error.is_some();
    view! {
        <details class="staff-form" open=open>
            <summary>{t("me-rename")}</summary>
            <ActionForm action=action attr:class="form" attr:novalidate="true">
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <TextField name="display_name" label="join-display-name" autocomplete="nickname"
                    value=current error=error/>
                <button type="submit" class="button primary">{t("save")}</button>
            </ActionForm>
        </details>
        {saved.then(|| view! { <p class="notice" role="status">{t("me-saved")}</p> })}
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let saved = matches!(action.value().get_untracked(), Some(Ok(())));
    let open = error.is_some();
    view! {
        <details class="staff-form" open=open>
            <summary>{t("me-password")}</summary>
            <ActionForm action=action attr:class="form" attr:novalidate="true">
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <TextField name="current_password" label="me-current-password" kind="password"
                    autocomplete="current-password" error=error.clone()/>
                <TextField name="new_password" label="me-new-password" hint="join-password-hint"
                    kind="password" autocomplete="new-password" error=error/>
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Key/><span>{t("me-password-save")}</span>
                </button>
            </ActionForm>
        </details>
        {saved.then(|| view! { <p class="notice" role="status">{t("me-password-saved")}</p> })}
    }
}
