//! `/me`: who I am here — my name, password and language — the staff tools I may use, phone
//! notifications and text messages, what Spolu keeps about me, and signing out.
mod change_password;
mod delete_account;
mod phone_notifications;
mod rename;
mod text_messages;

use crate::components::{FormMessage, Icon, IconSvg, LanguageSwitch, PageTitle, TextField};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::serverfns::account::SignOut;
use change_password::ChangePassword;
use delete_account::DeleteAccount;
use leptos::prelude::*;
use phone_notifications::PhoneNotifications;
use rename::ChangeDisplayName;
use text_messages::TextMessages;

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
        <PhoneNotifications/>
        <TextMessages/>
        <section aria-labelledby="me-data">
            <h2 id="me-data">{t("me-data")}</h2>
            <p><a href="/privacy">{t("privacy-title")}</a></p>
            <p>
                <a class="button" href="/me/data.json" download="spolu-moje-udaje.json" rel="external">
                    <IconSvg icon=Icon::Download/><span>{t("me-download")}</span>
                </a>
            </p>
            <p class="hint">{t("me-download-hint")}</p>
            <DeleteForm/>
        </section>
        <ActionForm action=sign_out attr:class="form">
            <button type="submit" class="button"><IconSvg icon=Icon::Key/><span>{t("sign-out")}</span></button>
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
            <summary><IconSvg icon=Icon::Pencil/><span>{t("me-rename")}</span></summary>
            <ActionForm action=action attr:class="form" attr:novalidate="true">
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <TextField name="display_name" label="join-display-name" autocomplete="nickname"
                    value=current error=error/>
                <button type="submit" class="button primary"><IconSvg icon=Icon::Check/><span>{t("save")}</span></button>
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
            <summary><IconSvg icon=Icon::Key/><span>{t("me-password")}</span></summary>
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

/// Deleting the account: folded, with the choice about posts and the password to confirm it,
/// because it cannot be undone.
#[component]
fn DeleteForm() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let open = error.is_some();
    let posts_message = error.as_ref().and_then(|e| e.message_for("posts")).map(t);
    view! {
        <details class="staff-form danger-zone" open=open>
            <summary><IconSvg icon=Icon::Trash/><span>{t("me-delete")}</span></summary>
            <p>{t("me-delete-explain")}</p>
            <ActionForm action=action attr:class="form" attr:novalidate="true">
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <fieldset class="field">
                    <legend>{t("me-delete-posts")}</legend>
                    {posts_message.map(|m| view! { <p class="field-error">{m}</p> })}
                    <label class="choice">
                        <input type="radio" name="posts" value="keep" checked=true/>
                        <span>{t("me-delete-keep")}</span>
                    </label>
                    <label class="choice">
                        <input type="radio" name="posts" value="remove"/>
                        <span>{t("me-delete-remove")}</span>
                    </label>
                </fieldset>
                <TextField name="password" label="me-delete-password" kind="password"
                    autocomplete="current-password" error=error/>
                <button type="submit" class="button danger">
                    <IconSvg icon=Icon::Cross/><span>{t("me-delete-confirm")}</span>
                </button>
            </ActionForm>
        </details>
    }
}
