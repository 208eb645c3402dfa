//! `/me`: who I am here, and signing out. Later: my data, language, deleting my account.
use crate::account::SignOut;
use crate::components::PageTitle;
use crate::i18n::t;
use crate::permissions::Action;
use leptos::prelude::*;

#[component]
pub fn MePage() -> impl IntoView {
    // Any signed-in member, whatever they may otherwise do (a suspended one too, later).
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
        <ActionForm action=sign_out attr:class="form">
            <button type="submit" class="button">{t("sign-out")}</button>
        </ActionForm>
    }
    .into_any()
}
