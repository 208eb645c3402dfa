//! `/proposals/{id}/edit`: its author (or staff) changes a proposal before a vote opens.
mod save_changes;

use crate::components::ProposalFields;
use crate::components::{FormMessage, Icon, IconSvg, PageTitle};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::serverfns::get_proposal;
use leptos::prelude::*;
use save_changes::EditProposal;

#[component]
pub fn EditProposalPage() -> impl IntoView {
    let id = match super::numbered_page("/proposals", "edit", Action::Participate) {
        Ok((_, id)) => id,
        Err(gate) => return gate,
    };
    let action = ServerAction::<EditProposal>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let detail = match id {
                    Some(id) => get_proposal(id).await,
                    None => Err(AppError::NotFound),
                };
                match detail {
                    Ok(detail) if detail.can_change => {
                        let back = format!("/proposals/{}", detail.id);
                        view! {
                        <PageTitle text=t("edit-proposal")/>
                        <h1>{t("edit-proposal")}</h1>
                        <ActionForm action=action attr:class="form" attr:novalidate=true>
                            <FormMessage error=error.clone()/>
                            <input type="hidden" name="proposal" value=detail.id/>
                            <ProposalFields error=error.clone() current=detail/>
                            <button type="submit" class="button primary">
                                <IconSvg icon=Icon::Check/>
                                <span>{t("save")}</span>
                            </button>
                        </ActionForm>
                        <p><a href=back>{t("back-to-proposal")}</a></p>
                    }.into_any()
                    }
                    Ok(_) => {
                        crate::components::set_status(403);
                        view! { <h1>{t("forbidden-title")}</h1> <p class="lead">{t("error-edit-not-yours")}</p> }.into_any()
                    }
                    Err(_) => view! { <crate::components::NotFound/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
