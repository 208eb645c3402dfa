//! A decision as a card in a list (`/decisions`, the home page): its state, when it closes or
//! closed, the result in words, and "Vote now" where it waits for the member.
use super::{Icon, IconSvg, outcome_key};
use crate::domain::Outcome;
use crate::i18n::{DateIn, date_time, t, t_with};
use crate::views::decisions::{DecisionCard, DecisionState};
use leptos::prelude::*;

#[component]
pub fn DecisionCardView(card: DecisionCard) -> impl IntoView {
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
        other => t(outcome_key(other)),
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
