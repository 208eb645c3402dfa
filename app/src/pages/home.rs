//! The home page: votes waiting for the member, a big "Propose", the newest open proposals, and
//! for visitors the way in.
use crate::components::DecisionCardView;
use crate::components::{Icon, IconSvg, PageTitle, ProposalCardView};
use crate::i18n::{t, t_with};
use crate::serverfns::{list_decisions, list_proposals};
use crate::visitor::use_visitor;
use leptos::prelude::*;

/// How many of the newest open proposals the home page shows.
const NEWEST: usize = 5;

#[component]
pub fn HomePage() -> impl IntoView {
    let visitor = use_visitor();
    let query = leptos_router::hooks::use_query_map().get_untracked();
    view! {
        <PageTitle text=t("home-title")/>
        <h1>{t("home-heading")}</h1>
        <p class="lead">{t("home-intro")}</p>
        {query.get("deleted").is_some().then(|| view! {
            <p class="notice" role="status">{t("home-deleted")}</p>
        })}
        {match visitor.member.clone() {
            Some(member) if query.get("welcome").is_some() => view! {
                <p class="notice" role="status">
                    {t_with("home-joined", &[("username", member.username.into())])}
                </p>
                <a class="button primary big" href="/proposals/new">
                    <IconSvg icon=Icon::Plus/>
                    <span>{t("propose")}</span>
                </a>
            }.into_any(),
            Some(member) => view! {
                <p>{t_with("home-welcome-back", &[("name", member.display_name.into())])}</p>
                <a class="button primary big" href="/proposals/new">
                    <IconSvg icon=Icon::Plus/>
                    <span>{t("propose")}</span>
                </a>
            }.into_any(),
            None => view! {
                <a class="button primary" href="/join">
                    <IconSvg icon=Icon::Join/>
                    <span>{t("join")}</span>
                </a>
                <p class="hint">{t("home-join-hint")}</p>
                <a class="button" href="/login">
                    <IconSvg icon=Icon::Key/>
                    <span>{t("sign-in")}</span>
                </a>
            }.into_any(),
        }}
        {visitor.member.is_some().then(|| view! { <WaitingVotes/> })}
        <a class="button" href="/outcomes">
            <IconSvg icon=Icon::Changed/>
            <span>{t("home-what-changed")}</span>
        </a>
        <h2>{t("home-newest")}</h2>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let open = list_proposals(None, Some("open".into()), None, None, None, None).await;
                let cards: Vec<_> = open.map(|list| list.cards).unwrap_or_default();
                if cards.is_empty() {
                    return view! { <p class="empty">{t("proposals-none")}</p> }.into_any();
                }
                view! {
                    <ul class="cards">
                        {cards.into_iter().take(NEWEST).map(|card| view! { <ProposalCardView card/> }).collect_view()}
                    </ul>
                    <a class="button" href="/proposals">
                        <IconSvg icon=Icon::Proposals/>
                        <span>{t("home-see-proposals")}</span>
                    </a>
                }.into_any()
            })}
        </Suspense>
    }
}

/// Decisions waiting for this member's vote, above everything else: voting is time-bound.
#[component]
fn WaitingVotes() -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let waiting: Vec<_> = list_decisions()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|card| card.waiting_for_me)
                    .collect();
                (!waiting.is_empty()).then(|| view! {
                    <section class="waiting-votes" aria-labelledby="waiting-votes">
                        <h2 id="waiting-votes">{t("home-waiting-votes")}</h2>
                        <ul class="cards">
                            {waiting.into_iter().map(|card| view! { <DecisionCardView card/> }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}
