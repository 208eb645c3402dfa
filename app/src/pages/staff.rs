//! `/staff`: the moderation queue. Reported items (grouped, newest report first), items waiting
//! for a moderator, and recently hidden ones, each with its one-tap actions. `?item=proposal-12`
//! shows just that item (the "Moderate" link on a proposal).
mod approve_content;
mod dismiss_reports;
mod edit_content;
mod hide_content;
mod lock_discussion;
mod merge_proposal;
mod moderation_queue;
mod queue_card;
mod restore_content;
mod word_list;

use crate::components::{FormMessage, Icon, IconSvg, PageTitle, TextBox};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::views::moderation::QueueItem;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use moderation_queue::moderation_queue;
use queue_card::{QueueActions, QueueCard};
use word_list::{SaveWordList, get_word_list};

/// The proposal or comment a staff form names.
#[cfg(feature = "ssr")]
fn target(kind: &str, id: i32) -> Result<crate::domain::Target, AppError> {
    crate::domain::Target::parse(kind, id).ok_or(AppError::BadRequest)
}

/// Ties a failed action's messages to its item, so the page shows them in that item's card.
#[cfg(feature = "ssr")]
fn about(target: crate::domain::Target, error: AppError) -> AppError {
    let item = format!("{}-{}", target.kind().as_str(), target.id());
    match error {
        AppError::Invalid { .. } => error.keeping(&[("item", &item)]),
        other => other,
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff", Action::Moderate) {
        return gate;
    }
    let item = use_query_map().get_untracked().get("item");
    let actions = QueueActions::new();
    let error = actions.error();
    let page_error = error
        .clone()
        .filter(|e| !matches!(e, AppError::Invalid { .. }));
    view! {
        <PageTitle text=t("moderation-title")/>
        <h1>{t("moderation-title")}</h1>
        <nav class="staff-links" aria-label=t("staff-tools")>
            <a href="/staff/log">{t("log-title")}</a>
            <a href="/staff/members">{t("members-title")}</a>
            <a href="/staff/invites">{t("invites-title")}</a>
            <a href="/staff/exports">{t("exports-title")}</a>
            <a href="/posters/week">{t("poster-week-print")}</a>
        </nav>
        <FormMessage error=page_error/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match moderation_queue(item.clone()).await {
                    Ok(queue) => {
                        let nothing = queue.reported.is_empty() && queue.waiting.is_empty() && queue.hidden.is_empty();
                        view! {
                            {item.is_some().then(|| view! { <p><a href="/staff">{t("moderation-all")}</a></p> })}
                            {nothing.then(|| view! { <p class="empty">{t("moderation-empty")}</p> })}
                            <Section heading="moderation-reported" items=queue.reported actions error=error.clone()/>
                            <Section heading="moderation-waiting" items=queue.waiting actions error=error.clone()/>
                            <Section heading="moderation-hidden" items=queue.hidden actions error=error.clone()/>
                        }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <crate::components::NotFound/> }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
        <WordListEditor/>
    }
    .into_any()
}

/// The words that hold a new proposal or comment for review, one per line.
#[component]
fn WordListEditor() -> impl IntoView {
    let save = ServerAction::<SaveWordList>::new();
    view! {
        <details class="edit word-list">
            <summary><IconSvg icon=Icon::Pencil/><span>{t("word-list-title")}</span></summary>
            <p class="hint" id="words-hint">{t("word-list-hint")}</p>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    let words = get_word_list().await.unwrap_or_default();
                    view! {
                        <ActionForm action=save attr:class="form">
                            <label for="words">{t("word-list-label")}</label>
                            <TextBox id="words".to_owned() name="words" rows=6 described_by="words-hint".to_owned() text=words/>
                            <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("save")}</span></button>
                        </ActionForm>
                    }
                })}
            </Suspense>
        </details>
    }
}

#[component]
fn Section(
    heading: &'static str,
    items: Vec<QueueItem>,
    actions: QueueActions,
    error: Option<AppError>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby=heading>
                <h2 id=heading>{t(heading)}</h2>
                <ul class="queue">
                    {items.into_iter().map(|item| {
                        let key = format!("{}-{}", item.kind, item.id);
                        let error = error.clone().filter(|e| e.typed("item") == Some(key.as_str()));
                        view! { <li><QueueCard item actions error/></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
