//! `/staff/proposals`: proposals waiting for approval (only when pre-moderation is on). A simple
//! list for now; the moderation issue builds the full queue.
mod approve_proposal;

use super::list_proposals;
use crate::components::{FormMessage, PageTitle, ProposalCardView};
use crate::i18n::t;
use crate::permissions::Action;
use approve_proposal::ApproveProposal;
use leptos::prelude::*;

#[component]
pub fn StaffProposalsPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff/proposals", Action::Moderate) {
        return gate;
    }
    let approve = ServerAction::<ApproveProposal>::new();
    view! {
        <PageTitle text=t("waiting-title")/>
        <h1>{t("waiting-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match list_proposals(None, Some("submitted".into()), None, None, None).await {
                    Ok(list) if list.cards.is_empty() => view! { <p class="empty">{t("waiting-none")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="cards">
                            {list.cards.into_iter().map(|card| {
                                let id = card.id;
                                view! {
                                    <ProposalCardView card/>
                                    <li class="card-action">
                                        <ActionForm action=approve attr:class="form">
                                            <input type="hidden" name="proposal" value=id/>
                                            <button type="submit" class="button primary">{t("approve")}</button>
                                        </ActionForm>
                                    </li>
                                }
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
