//! `/decisions`: what is being decided now (with "Vote now" where it waits for the member), then
//! what has been decided.
use crate::components::{DecisionCardView, FormMessage, Icon, IconSvg, PageTitle};
use crate::i18n::t;
use crate::serverfns::list_decisions;
use leptos::prelude::*;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    view! {
        <PageTitle text=t("nav-decisions")/>
        <h1>{t("nav-decisions")}</h1>
        {crate::permissions::allows(
            crate::visitor::use_visitor().member.as_ref(),
            crate::permissions::Action::ManageDecisions,
            true,
        ).then(|| view! {
            <p><a class="button" href="/decisions/new-poll">
                <IconSvg icon=Icon::Plus/><span>{t("poll-open")}</span>
            </a></p>
            <p><a class="button" href="/decisions/new-meeting-poll">
                <IconSvg icon=Icon::People/><span>{t("meeting-poll-title")}</span>
            </a></p>
        })}
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match list_decisions().await {
                    Ok(cards) if cards.is_empty() => view! { <p class="empty">{t("decisions-none")}</p> }.into_any(),
                    Ok(cards) => view! {
                        <ul class="cards">
                            {cards.into_iter().map(|card| view! { <DecisionCardView card/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
