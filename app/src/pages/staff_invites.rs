//! `/staff/invites`: staff make invite codes to hand out in person, and see their unused ones.
//! (Printing slips with QR codes, revoking and notes arrive with the moderation issue.)
mod create_invites;
mod list_invites;

use create_invites::CreateInvites;
use list_invites::list_invites;

use crate::components::{FieldError, FormMessage, PageTitle};
use crate::domain::Role;
use crate::i18n::{t, t_with};
use crate::permissions::{Action, allows};
use leptos::prelude::*;

#[component]
pub fn StaffInvitesPage() -> impl IntoView {
    let member = match super::member_page("/staff/invites", Action::ManageMembers) {
        Ok(member) => member,
        Err(gate) => return gate,
    };
    let action = ServerAction::<CreateInvites>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let roles: Vec<(&str, &str)> = [
        ("resident", Role::Resident.label_key()),
        ("core", "role-core"),
        ("staff", Role::Staff.label_key()),
        ("admin", Role::Admin.label_key()),
    ]
    .into_iter()
    .filter(|(value, _)| {
        !matches!(*value, "staff" | "admin") || allows(Some(&member), Action::ManageStaff, true)
    })
    .collect();
    let count_message = error
        .as_ref()
        .and_then(|e| e.message_for("count"))
        .map(str::to_owned);
    view! {
        <PageTitle text=t("invites-title")/>
        <h1>{t("invites-title")}</h1>
        <p class="lead">{t("invites-intro")}</p>
        <ActionForm action=action attr:class="form">
            <FormMessage error=error.clone()/>
            <fieldset class="field">
                <legend>{t("invites-role")}</legend>
                {roles.into_iter().enumerate().map(|(i, (value, label))| view! {
                    <label class="choice">
                        <input type="radio" name="role" value=value checked=i == 0/>
                        <span>{t(label)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="count">{t("invites-count")}</label>
                <input id="count" name="count" type="number" inputmode="numeric" min="1" max="50" value="1"
                    aria-describedby=count_message.is_some().then_some("count-error")/>
                <FieldError id="count-error".to_string() message=count_message/>
            </div>
            <button type="submit" class="button primary">{t("invites-create")}</button>
        </ActionForm>
        <h2>{t("invites-unused")}</h2>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match list_invites().await {
                    Ok(rows) if rows.is_empty() => view! { <p>{t("invites-none")}</p> }.into_any(),
                    Ok(rows) => view! {
                        <ul class="invite-list">
                            {rows.into_iter().map(|row| view! {
                                <li>
                                    <code class="invite-code">{row.code}</code>
                                    <span>{t(&row.role_key)}</span>
                                    <span class="hint">{t_with("invites-valid-until", &[("date", crate::i18n::date(&row.expires_on).into())])}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
