//! `/proposals/{id}/decide`: staff open a yes / no / abstain decision on a proposal — who votes,
//! when it opens and closes (the estate's local time), and how many must vote, with the rule in
//! plain words before saving.
mod decision_form_defaults;
mod open_decision;

use crate::components::{
    DecisionButton, EligibilityChoice, FormMessage, PageTitle, ScheduleFields, TextField,
};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
use decision_form_defaults::decision_form_defaults;
use leptos::prelude::*;
use open_decision::OpenDecision;

#[component]
pub fn NewDecisionPage() -> impl IntoView {
    let id = match super::numbered_page("/proposals", "decide", Action::ManageDecisions) {
        Ok((_, id)) => id,
        Err(gate) => return gate,
    };
    let action = ServerAction::<OpenDecision>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else {
                    return view! { <crate::components::NotFound/> }.into_any();
                };
                let defaults = match decision_form_defaults(id).await {
                    Ok(defaults) => defaults,
                    Err(AppError::NotFound) => return view! { <crate::components::NotFound/> }.into_any(),
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                let quorum = error.typed_or("quorum", "5");
                let proposal_message = error.field_message("proposal");
                view! {
                    <PageTitle text=t("open-decision-title")/>
                    <h1>{t("open-decision-title")}</h1>
                    <p class="lead"><a href=format!("/proposals/{id}")>{defaults.title.clone()}</a></p>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <FormMessage error=error.clone()/>
                        {proposal_message.map(|m| view! { <p class="form-error" role="alert">{t(&m)}</p> })}
                        <input type="hidden" name="proposal" value=id/>
                        <EligibilityChoice error=error.clone()/>
                        <ScheduleFields error=error.clone() closes_at=defaults.closes_at.clone()/>
                        <TextField name="quorum" label="decision-quorum-label" kind="number"
                            hint="decision-quorum-hint" value=quorum error=error.clone()/>
                        <p class="rule" id="rule"><strong>{t("decision-rule-label")}</strong>" "{t("decision-rule-before")}</p>
                        <DecisionButton label="open-decision"/>
                    </ActionForm>
                }.into_any()
            })}
        </Suspense>
    }
    .into_any()
}
