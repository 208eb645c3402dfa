//! `/staff/log`: the moderation log — every staff action, newest first, filterable. Read-only:
//! nothing in Spolu changes or removes a line of it.
mod read_log;

use crate::components::{FormMessage, Icon, IconSvg, PageTitle, hide_reason_text};
use crate::domain::LogAction;
use crate::i18n::{t, t_with};
use crate::permissions::Action;
use crate::views::moderation::LogRow;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use read_log::read_log;

#[component]
pub fn StaffLogPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff/log", Action::Moderate) {
        return gate;
    }
    let query = use_query_map().get_untracked();
    let get = |key: &str| query.get(key).filter(|v| !v.is_empty());
    let (staff, action, from, to) = (get("staff"), get("action"), get("from"), get("to"));
    let before = get("before");
    view! {
        <PageTitle text=t("log-title")/>
        <h1>{t("log-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match read_log(staff.clone(), action.clone(), from.clone(), to.clone(), before).await {
                    Ok(page) => {
                        let older = page.next.map(|next| {
                            let mut address = form_urlencoded::Serializer::new(String::new());
                            for (key, value) in [("staff", &staff), ("action", &action), ("from", &from), ("to", &to)] {
                                if let Some(value) = value {
                                    address.append_pair(key, value);
                                }
                            }
                            address.append_pair("before", &next.to_string());
                            format!("/staff/log?{}", address.finish())
                        });
                        view! {
                            <form method="get" action="/staff/log" class="form log-filter">
                                <div class="field">
                                    <label for="staff">{t("log-staff")}</label>
                                    <select id="staff" name="staff">
                                        <option value="">{t("log-anyone")}</option>
                                        {page.staff.iter().map(|(id, name)| view! {
                                            <option value=id.to_string() selected=staff.as_deref() == Some(id.to_string().as_str())>{name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="action">{t("log-action")}</label>
                                    <select id="action" name="action">
                                        <option value="">{t("log-any-action")}</option>
                                        {LogAction::ALL.into_iter().map(|a| view! {
                                            <option value=a.as_str() selected=action.as_deref() == Some(a.as_str())>{t(&a.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="from">{t("log-from")}</label>
                                    <input id="from" name="from" type="date" value=from.clone().unwrap_or_default()/>
                                </div>
                                <div class="field">
                                    <label for="to">{t("log-to")}</label>
                                    <input id="to" name="to" type="date" value=to.clone().unwrap_or_default()/>
                                </div>
                                <button type="submit" class="button"><IconSvg icon=Icon::Search/><span>{t("log-filter")}</span></button>
                            </form>
                            {page.rows.is_empty().then(|| view! { <p class="empty">{t("log-empty")}</p> })}
                            <ol class="log">
                                {page.rows.into_iter().map(|row| view! { <LogLine row/> }).collect_view()}
                            </ol>
                            {older.map(|href| view! { <p><a class="button" href=href>{t("log-older")}</a></p> })}
                        }.into_any()
                    }
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn LogLine(row: LogRow) -> impl IntoView {
    let action = row.action_key.clone();
    let target = row.target.map(|(kind, id)| {
        let text = format!("{} {id}", t(&kind));
        let href = match kind.as_str() {
            "log-target-proposal" => format!("/proposals/{id}"),
            _ => format!(
                "/staff?item={}-{id}",
                kind.trim_start_matches("log-target-")
            ),
        };
        view! { <a href=href>{text}</a> }
    });
    view! {
        <li class="log-line">
            <p>
                <time datetime=row.at.clone()>{crate::i18n::date_time(&row.at, crate::i18n::DateIn::Plain)}</time>
                " · "
                <strong>{row.staff}</strong>
                " · "
                {t(&row.action_key)}
                {target.map(|link| view! { " · " {link} })}
            </p>
            {row.member.map(|name| view! { <p class="hint">{t("log-member")} ": " {name}</p> })}
            {row.reason.map(|reason| {
                view! { <p class="hint">{t("log-reason")} ": " {reason_text(&action, &reason)}</p> }
            })}
        </li>
    }
}

/// A log row's detail in words. Most actions store a code or a short machine note (`not_possible`,
/// `4 × resident`, `category Hřiště`); what staff wrote themselves is shown as it is.
fn reason_text(action_key: &str, stored: &str) -> String {
    use crate::domain::{OutcomeStage, Role};
    let is = |action: LogAction| action_key == action.label_key();
    if is(LogAction::Hide) {
        return hide_reason_text(stored);
    }
    if (is(LogAction::PublishOutcome) || is(LogAction::UpdateOutcome))
        && let Some(stage) = OutcomeStage::parse(stored)
    {
        return t(&stage.label_key());
    }
    if is(LogAction::CreateInvites)
        && let Some((Ok(count), who)) = stored
            .split_once(" × ")
            .map(|(count, who)| (count.parse::<i64>(), who))
    {
        let who = match who {
            "core" => t("role-core"),
            role => Role::parse(role).map_or_else(|_| role.to_owned(), |r| t(r.label_key())),
        };
        return t_with(
            "log-invites-made",
            &[("count", count.into()), ("who", who.into())],
        );
    }
    if is(LogAction::ChangeSettings) {
        if stored == "site" {
            return t("log-setting-site");
        }
        if let Some(name) = stored.strip_prefix("category ") {
            return t_with("log-setting-category", &[("name", name.to_owned().into())]);
        }
        if let Some(name) = stored.strip_prefix("place ") {
            return t_with("log-setting-place", &[("name", name.to_owned().into())]);
        }
        if let Some(count) = stored.strip_suffix(" × word list") {
            return t_with(
                "log-setting-word-list",
                &[("count", count.to_owned().into())],
            );
        }
    }
    stored.to_owned()
}
