//! `/staff/invites`: staff make a batch of invite codes to hand out in person (role, how many,
//! how long they work, a note only staff see), see which are used, take back unused ones, and
//! print a batch as slips.
mod create_invites;
mod list_invites;
mod revoke_invite;

use create_invites::CreateInvites;
use list_invites::list_invites;
use revoke_invite::RevokeInvite;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle, shown};
use crate::domain::{Role, StaffNote};
use crate::error::Refused;
use crate::i18n::{date, t, t_with};
use crate::permissions::Action;
use crate::views::invites::{BatchView, CodeState};
use leptos::prelude::*;

#[component]
pub fn StaffInvitesPage() -> impl IntoView {
    let member = match super::member_page("/staff/invites", Action::ManageMembers) {
        Ok(member) => member,
        Err(gate) => return gate,
    };
    let action = ServerAction::<CreateInvites>::new();
    let revoke = ServerAction::<RevokeInvite>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let revoke_error = revoke.value().get_untracked().and_then(Result::err);
    let roles: Vec<(&str, &str)> = [
        ("resident", Role::Resident.label_key()),
        ("core", "role-core"),
        ("staff", Role::Staff.label_key()),
        ("admin", Role::Admin.label_key()),
    ]
    .into_iter()
    .filter(|(value, _)| {
        let role = Role::parse(value).unwrap_or(Role::Resident);
        crate::permissions::may_handle_code_for(&member, role)
    })
    .collect();
    let (count_message, note_message) = (error.field_message("count"), error.field_message("note"));
    let count_value = error.typed_value("count").unwrap_or_else(|| "1".into());
    let note_value = error.typed_value("note").unwrap_or_default();
    view! {
        <PageTitle text=t("invites-title")/>
        <h1>{t("invites-title")}</h1>
        <p class="lead">{t("invites-intro")}</p>
        <ActionForm action=action attr:class="form">
            <FormMessage error=error.clone().filter(|e| e.field_errors().is_empty())/>
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
                <input id="count" name="count" type="number" inputmode="numeric" min="1" max="50" value=count_value
                    aria-describedby=count_message.is_some().then_some("count-error")/>
                <FieldError id="count-error".to_string() message=count_message/>
            </div>
            <div class="field">
                <label for="valid_days">{t("invites-valid-for")}</label>
                <select id="valid_days" name="valid_days">
                    <option value="7">{t("invites-week")}</option>
                    <option value="30" selected=true>{t("invites-month")}</option>
                    <option value="90">{t("invites-three-months")}</option>
                </select>
            </div>
            <div class="field">
                <label for="note">{t("invites-note")}</label>
                <p class="hint" id="note-hint">{t("invites-note-hint")}</p>
                <input id="note" name="note" type="text" maxlength=StaffNote::MAX value=note_value
                    aria-describedby=if note_message.is_some() { "note-hint note-error" } else { "note-hint" }/>
                <FieldError id="note-error".to_string() message=note_message/>
            </div>
            <button type="submit" class="button primary"><IconSvg icon=Icon::Plus/><span>{t("invites-create")}</span></button>
        </ActionForm>
        <h2>{t("invites-batches")}</h2>
        <FormMessage error=revoke_error.clone().filter(|e| e.field_errors().is_empty())/>
        {revoke_error.as_ref().and_then(|e| e.message_for("revoke")).map(|m| view! { <p class="form-error" role="alert">{t(m)}</p> })}
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                shown(list_invites().await, |batches| if batches.is_empty() {
                    view! { <p>{t("invites-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="queue">
                            {batches.into_iter().map(|batch| view! { <li><Batch batch revoke/></li> }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Batch(batch: BatchView, revoke: ServerAction<RevokeInvite>) -> impl IntoView {
    let unused = batch
        .codes
        .iter()
        .filter(|c| c.state == CodeState::Unused)
        .count();
    let heading = t_with(
        "invites-batch",
        &[
            ("count", batch.codes.len().into()),
            ("role", t(&batch.role_key).into()),
            ("date", date(&batch.made_on).into()),
        ],
    );
    view! {
        <article class="queue-card" id=format!("batch-{}", batch.id)>
            <h3>{heading}</h3>
            <p class="hint">
                {t_with("invites-batch-by", &[("name", batch.made_by.clone().into()), ("date", crate::i18n::date_until(&batch.expires_on).into())])}
            </p>
            {batch.note.clone().map(|note| view! { <p class="hint">{t("invites-note")} ": " {note}</p> })}
            {(unused > 0).then(|| view! {
                <p><a class="button primary" href=format!("/staff/invites/print?batch={}", batch.id)>
                    <IconSvg icon=Icon::Print/><span>{t_with("invites-print", &[("count", unused.into())])}</span>
                </a></p>
            })}
            <ul class="invite-list">
                {batch.codes.into_iter().map(|code| {
                    let (state, can_revoke) = match &code.state {
                        CodeState::Unused => (t("invite-unused"), true),
                        CodeState::Used(name) => (t_with("invite-used-by", &[("name", name.clone().into())]), false),
                        CodeState::Expired => (t("invite-expired"), false),
                        CodeState::Revoked => (t("invite-revoked"), false),
                    };
                    view! {
                        <li>
                            <code class="invite-code">{code.code.clone()}</code>
                            <span>{state}</span>
                            {can_revoke.then(|| view! {
                                <ActionForm action=revoke attr:class="inline-form">
                                    <input type="hidden" name="invite" value=code.id/>
                                    <button type="submit" class="button" aria-label=t_with("invite-revoke-code", &[("code", code.code.clone().into())])>
                                        {t("invite-revoke")}
                                    </button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
}
