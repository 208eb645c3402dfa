//! `/notifications`: what happened to the member's proposals, comments and votes, newest first;
//! unread ones marked, each with "Read", and "Mark all as read".
mod list_notifications;
mod mark_read;

use crate::components::{FormMessage, Icon, IconSvg, PageTitle, hide_reason_text};
use crate::domain::{Outcome, OutcomeStage};
use crate::i18n::{DateIn, date_time, t, t_with};
use crate::permissions::Action;
use crate::views::notifications::{NotificationKind, NotificationView};
use leptos::prelude::*;
use list_notifications::list_notifications;
use mark_read::MarkNotificationsRead;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/notifications", Action::Read) {
        return gate;
    }
    let mark = ServerAction::<MarkNotificationsRead>::new();
    view! {
        <PageTitle text=t("notifications-title")/>
        <h1>{t("notifications-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let list = match list_notifications().await {
                    Ok(list) => list,
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                if list.notifications.is_empty() {
                    return view! { <p class="empty">{t("notifications-none")}</p> }.into_any();
                }
                view! {
                    {(list.unread > 0).then(|| view! {
                        <ActionForm action=mark attr:class="form">
                            <button type="submit" class="button">
                                <IconSvg icon=Icon::Check/><span>{t("notifications-read-all")}</span>
                            </button>
                        </ActionForm>
                    })}
                    <ul class="notifications">
                        {grouped(list.notifications).into_iter().map(|group| view! { <Notification group mark/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </Suspense>
    }
    .into_any()
}

/// A proposal's (or a decision's) notifications together, newest first, in the order of their
/// newest: ten events about one proposal are one entry, not ten.
fn grouped(notifications: Vec<NotificationView>) -> Vec<Vec<NotificationView>> {
    let mut groups: Vec<Vec<NotificationView>> = Vec::new();
    for item in notifications {
        match groups.iter_mut().find(|g| g[0].group == item.group) {
            Some(group) => group.push(item),
            None => groups.push(vec![item]),
        }
    }
    groups
}

/// One group: the newest event as the link (opening it reads the group), the earlier ones below.
#[component]
fn Notification(
    group: Vec<NotificationView>,
    mark: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    let mut items = group.into_iter();
    let Some(newest) = items.next() else {
        return ().into_any();
    };
    let earlier: Vec<NotificationView> = items.collect();
    let unread = !newest.read || earlier.iter().any(|item| !item.read);
    let (text, detail) = sentence(&newest);
    let id = newest.id;
    view! {
        <li class="notification" class:unread=unread>
            <a href=format!("/notifications/{id}/open")>
                {unread.then(|| view! { <span class="unread-mark">{t("notification-new")}</span> })}
                <span>{text}</span>
            </a>
            {detail.map(|detail| view! { <p>{detail}</p> })}
            <p class="hint">{date_time(&newest.at, DateIn::Plain)}</p>
            {(!earlier.is_empty()).then(|| view! {
                <ul class="earlier">
                    {earlier.iter().map(|item| {
                        let (text, detail) = sentence(item);
                        view! {
                            <li>
                                <span>{text}</span>
                                {detail.map(|detail| view! { " " <span>{detail}</span> })}
                                <br/><span class="hint">{date_time(&item.at, DateIn::Plain)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {unread.then(|| view! {
                <ActionForm action=mark attr:class="inline-form">
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button">
                        <IconSvg icon=Icon::Check/><span>{t("notification-mark-read")}</span>
                    </button>
                </ActionForm>
            })}
        </li>
    }
    .into_any()
}

/// The notification as one sentence in the reader's language, and the detail on its own line
/// ("Reason: …", "Result: …") when it has one.
fn sentence(item: &NotificationView) -> (String, Option<String>) {
    let about = item
        .about
        .clone()
        .unwrap_or_else(|| t("notification-about-hidden"));
    let main = t_with(&item.kind.label_key(), &[("about", about.into())]);
    let detail = item.detail.as_deref().and_then(|detail| {
        let (label, text) = match item.kind {
            NotificationKind::Hidden => ("notification-reason", hide_reason_text(detail)),
            NotificationKind::Edited => ("notification-note", detail.to_owned()),
            NotificationKind::DecisionClosed => (
                "notification-result",
                t(&format!(
                    "notify-result-{}",
                    Outcome::parse(detail)?.as_str().replace('_', "-")
                )),
            ),
            NotificationKind::OutcomePublished | NotificationKind::OutcomeUpdated => (
                "notification-stage",
                t(&OutcomeStage::parse(detail)?.label_key()),
            ),
            _ => return None,
        };
        Some(format!("{} {text}", t(label)))
    });
    (main, detail)
}
