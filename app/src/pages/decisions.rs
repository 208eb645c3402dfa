//! `/decisions`: what is being decided now (with "Vote now" where it waits for the member), then
//! what has been decided.
mod list_decisions;

use crate::components::{FormMessage, Icon, IconSvg, PageTitle};
use crate::domain::Outcome;
use crate::i18n::{DateIn, date_time, t, t_with};
use crate::views::decisions::{DecisionCard, DecisionState};
use leptos::prelude::*;
pub(super) use list_decisions::list_decisions;

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

#[component]
pub(super) fn DecisionCardView(card: DecisionCard) -> impl IntoView {
    let when = match card.state {
        DecisionState::Open | DecisionState::Scheduled => t_with(
            "decision-closes",
            &[("when", date_time(&card.closes_at, DateIn::Until).into())],
        ),
        _ => t_with(
            "decision-ended",
            &[("when", date_time(&card.closes_at, DateIn::On).into())],
        ),
    };
    let outcome = card.outcome.map(|o| match o {
        Outcome::NoQuorum => t("result-no-quorum-short"),
        other => t(crate::components::outcome_key(other)),
    });
    view! {
        <li class="card">
            <a class="card-link" href=format!("/decisions/{}", card.id)>
                <span class="card-text">
                    <span class="card-title">{card.title.unwrap_or_else(|| t("decision-about-hidden"))}</span>
                </span>
            </a>
            <p class="card-facts">
                <span class="status"><IconSvg icon=Icon::for_decision(card.state)/><span>{t(card.state.label_key())}</span></span>
                <span class="count"><IconSvg icon=Icon::Clock/><span>{when}</span></span>
            </p>
            {outcome.map(|o| view! { <p class="card-facts">{o}</p> })}
            {card.waiting_for_me.then(|| view! {
                <a class="button primary" href=format!("/decisions/{}", card.id)>
                    <IconSvg icon=Icon::Decisions/><span>{t("vote-now")}</span>
                </a>
            })}
        </li>
    }
}
