//! `/staff/members`: find a member, then add them to the core group or take them out, suspend
//! them until a day (or lift it), give a code for a new password, and — for admins — change
//! their role. Every action is its own small form.
mod lift_suspension;
mod make_reset_code;
mod search_members;
mod set_core;
mod set_member_phone;
mod set_role;
mod suspend_member;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle, shown};
use crate::domain::{Role, StaffNote};
use crate::error::{AppError, Refused};
use crate::i18n::{t, t_with};
use crate::permissions::{Action, allows};
use crate::views::members::MemberRow;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use lift_suspension::LiftSuspension;
use make_reset_code::MakeResetCode;
use search_members::search_members;
use set_core::SetCore;
use set_member_phone::{RemoveMemberPhone, SetMemberPhone};
use set_role::SetRole;
use suspend_member::SuspendMember;

/// Runs `act` on one member for staff allowed to do `allowed`, and ties a refusal's messages
/// to that member's card.
#[cfg(feature = "ssr")]
async fn on_member(
    member: i32,
    allowed: Action,
    act: impl AsyncFnOnce(&crate::server::AppState, &crate::visitor::Member) -> Result<(), AppError>,
) -> Result<(), AppError> {
    use crate::server::{app_state, current_member};
    let result = async {
        let staff = crate::permissions::require(current_member(), allowed)?;
        act(&app_state()?, &staff).await
    }
    .await;
    crate::error::respond(result.map_err(|error| match error {
        AppError::Invalid { .. } => error.keeping(&[("member", member.to_string())]),
        other => other,
    }))
}

#[derive(Clone, Copy)]
struct MemberActions {
    core: ServerAction<SetCore>,
    suspend: ServerAction<SuspendMember>,
    lift: ServerAction<LiftSuspension>,
    reset: ServerAction<MakeResetCode>,
    role: ServerAction<SetRole>,
    phone: ServerAction<SetMemberPhone>,
    remove_phone: ServerAction<RemoveMemberPhone>,
}

impl MemberActions {
    fn error(&self) -> Option<AppError> {
        let err = |v: Option<Result<(), AppError>>| v.and_then(Result::err);
        err(self.core.value().get_untracked())
            .or_else(|| err(self.suspend.value().get_untracked()))
            .or_else(|| err(self.lift.value().get_untracked()))
            .or_else(|| err(self.reset.value().get_untracked()))
            .or_else(|| err(self.role.value().get_untracked()))
            .or_else(|| err(self.phone.value().get_untracked()))
            .or_else(|| err(self.remove_phone.value().get_untracked()))
    }
}

#[component]
pub fn StaffMembersPage() -> impl IntoView {
    let me = match super::member_page("/staff/members", Action::ManageMembers) {
        Ok(member) => member,
        Err(gate) => return gate,
    };
    let is_admin = allows(Some(&me), Action::ManageStaff, true);
    let q = use_query_map().get_untracked().get("q").unwrap_or_default();
    let actions = MemberActions {
        core: ServerAction::new(),
        suspend: ServerAction::new(),
        lift: ServerAction::new(),
        reset: ServerAction::new(),
        role: ServerAction::new(),
        phone: ServerAction::new(),
        remove_phone: ServerAction::new(),
    };
    let error = actions.error();
    let page_error = error
        .clone()
        .filter(|e| !matches!(e, AppError::Invalid { .. }));
    view! {
        <PageTitle text=t("members-title")/>
        <h1>{t("members-title")}</h1>
        <form method="get" action="/staff/members" class="form" role="search">
            <div class="field">
                <label for="q">{t("members-search")}</label>
                <input id="q" name="q" type="search" value=q.clone()/>
            </div>
            <button type="submit" class="button"><IconSvg icon=Icon::Search/><span>{t("search-button")}</span></button>
        </form>
        <FormMessage error=page_error/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                // Numbers are added only where the site sends text messages.
                let sms = crate::serverfns::phone_and_texts::get_my_text_messages().await.is_ok_and(|s| s.offered);
                shown(search_members(Some(q.clone())).await, |rows| if rows.is_empty() {
                    view! { <p class="empty">{t("members-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="queue">
                            {rows.into_iter().map(|row| {
                                let error = error.clone().filter(|e| e.typed("member") == Some(row.id.to_string().as_str()));
                                let is_me = row.id == me.id;
                                view! { <li><MemberCard row actions error is_admin is_me sms/></li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn MemberCard(
    row: MemberRow,
    actions: MemberActions,
    error: Option<AppError>,
    is_admin: bool,
    is_me: bool,
    /// Whether the site sends text messages (so numbers may be added).
    sms: bool,
) -> impl IntoView {
    let id = row.id;
    let mut role = t(row.role.label_key());
    if row.core {
        role = format!("{role} · {}", t("role-core"));
    }
    // Staff do not act on admins, nobody on themselves; the server checks this again.
    let may_act = !is_me && (is_admin || row.role != Role::Admin);
    let general = ["member", "core", "lift", "role"]
        .into_iter()
        .find_map(|field| error.field_message(field));
    let until_message = error.field_message("until");
    let reason_message = error.field_message("reason");
    let suspend_open = until_message.is_some() || reason_message.is_some();
    let number_message = error.field_message("number");
    let consent_message = error.field_message("consent");
    let phone_open = number_message.is_some() || consent_message.is_some();
    let typed_number = error.typed_or("number", "");
    let (typed_until, typed_reason) = (error.typed_or("until", ""), error.typed_or("reason", ""));
    view! {
        <article class="queue-card" id=format!("member-{id}")>
            <h2>{row.display_name.clone()}</h2>
            <p class="hint">{row.username.clone()} " · " {role}</p>
            {row.suspended_until.clone().map(|until| view! {
                <p class="moderation-mark">
                    <IconSvg icon=Icon::Warning/>
                    <span>{t_with("member-suspended", &[("date", crate::i18n::date_until(&until).into()), ("reason", row.suspension_reason.clone().unwrap_or_default().into())])}</span>
                </p>
            })}
            {row.phone.clone().map(|phone| view! {
                <p class="sms-number">{t("sms-member-number")} " " <strong>{phone}</strong></p>
            })}
            {row.reset_code.clone().map(|code| view! {
                <p class="reset-code">{t("member-reset-code")} " " <code class="invite-code">{code}</code></p>
            })}
            {general.map(|m| view! { <p class="form-error" role="alert">{t(&m)}</p> })}
            {may_act.then(|| view! {
                <div class="queue-actions">
                    <ActionForm action=actions.core attr:class="inline-form">
                        <input type="hidden" name="member" value=id/>
                        <input type="hidden" name="core" value=if row.core { "no" } else { "yes" }/>
                        <button type="submit" class="button">
                            <IconSvg icon=Icon::People/>
                            <span>{if row.core { t("core-remove") } else { t("core-add") }}</span>
                        </button>
                    </ActionForm>
                    <a class="button" href=format!("/staff/assist?member={id}")>
                        <IconSvg icon=Icon::Comment/><span>{t("member-write-for")}</span>
                    </a>
                    <ActionForm action=actions.reset attr:class="inline-form">
                        <input type="hidden" name="member" value=id/>
                        <button type="submit" class="button"><IconSvg icon=Icon::Key/><span>{t("member-make-reset")}</span></button>
                    </ActionForm>
                    {row.suspended_until.is_some().then(|| view! {
                        <ActionForm action=actions.lift attr:class="inline-form">
                            <input type="hidden" name="member" value=id/>
                            <button type="submit" class="button"><IconSvg icon=Icon::Undo/><span>{t("member-lift")}</span></button>
                        </ActionForm>
                    })}
                </div>
                <details class="edit" open=suspend_open>
                    <summary><IconSvg icon=Icon::Lock/><span>{t("member-suspend")}</span></summary>
                    <ActionForm action=actions.suspend attr:class="form">
                        <input type="hidden" name="member" value=id/>
                        <div class="field">
                            <label for=format!("until-{id}")>{t("member-suspend-until")}</label>
                            <input id=format!("until-{id}") name="until" type="date" value=typed_until.clone()/>
                            <FieldError id=format!("until-{id}-error") message=until_message.clone()/>
                        </div>
                        <div class="field">
                            <label for=format!("reason-{id}")>{t("member-suspend-reason")}</label>
                            <input id=format!("reason-{id}") name="reason" type="text" maxlength=StaffNote::MAX value=typed_reason.clone()/>
                            <FieldError id=format!("reason-{id}-error") message=reason_message.clone()/>
                        </div>
                        <button type="submit" class="button danger"><IconSvg icon=Icon::Lock/><span>{t("member-suspend")}</span></button>
                    </ActionForm>
                </details>
                {match (row.phone.is_some(), sms) {
                    (true, _) => view! {
                        <ActionForm action=actions.remove_phone attr:class="inline-form">
                            <input type="hidden" name="member" value=id/>
                            <button type="submit" class="button"><IconSvg icon=Icon::Trash/><span>{t("sms-remove")}</span></button>
                        </ActionForm>
                    }.into_any(),
                    (false, false) => ().into_any(),
                    (false, true) => view! {
                        <details class="edit" open=phone_open>
                            <summary><IconSvg icon=Icon::Bell/><span>{t("sms-member-add")}</span></summary>
                            <ActionForm action=actions.phone attr:class="form">
                                <input type="hidden" name="member" value=id/>
                                <div class="field">
                                    <label for=format!("number-{id}")>{t("sms-number")}</label>
                                    <input id=format!("number-{id}") name="number" type="tel" inputmode="tel"
                                        maxlength=crate::domain::PhoneNumber::TYPED_MAX value=typed_number.clone()/>
                                    <FieldError id=format!("number-{id}-error") message=number_message.clone()/>
                                </div>
                                <label class="choice">
                                    <input type="checkbox" name="consent" value="on"/>
                                    <span>{t("sms-member-consent")}</span>
                                </label>
                                <FieldError id=format!("consent-{id}-error") message=consent_message.clone()/>
                                <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("sms-save")}</span></button>
                            </ActionForm>
                        </details>
                    }.into_any(),
                }}
                {is_admin.then(|| view! {
                    <ActionForm action=actions.role attr:class="form">
                        <input type="hidden" name="member" value=id/>
                        <div class="field">
                            <label for=format!("role-{id}")>{t("member-role")}</label>
                            <select id=format!("role-{id}") name="role">
                                {[Role::Resident, Role::Staff, Role::Admin].into_iter().map(|r| view! {
                                    <option value=r.as_str() selected=r == row.role>{t(r.label_key())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("member-role-save")}</span></button>
                    </ActionForm>
                })}
            })}
        </article>
    }
}
