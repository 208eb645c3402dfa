//! `/proposals/{id}/decide`: staff open a yes / no / abstain decision on a proposal — who votes,
//! when it opens and closes (the estate's local time), and how many must vote, with the rule in
//! plain words before saving.
mod decision_form_defaults;
mod open_decision;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle, TextField};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use decision_form_defaults::decision_form_defaults;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use open_decision::OpenDecision;

#[component]
pub fn NewDecisionPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse::<i32>().ok());
    let back = id.map_or_else(
        || "/proposals".to_owned(),
        |id| format!("/proposals/{id}/decide"),
    );
    if let Err(gate) = super::member_page(&back, Action::ManageDecisions) {
        return gate;
    }
    let action = ServerAction::<OpenDecision>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else {
                    return view! { <super::NotFound/> }.into_any();
                };
                let defaults = match decision_form_defaults(id).await {
                    Ok(defaults) => defaults,
                    Err(AppError::NotFound) => return view! { <super::NotFound/> }.into_any(),
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                let typed = |field: &str, default: &str| {
                    error.as_ref().and_then(|e| e.typed(field)).unwrap_or(default).to_owned()
                };
                let eligibility = typed("eligibility", "core");
                let opens = typed("opens", "now");
                let opens_at = typed("opens_at", "");
                let closes_at = typed("closes_at", &defaults.closes_at);
                let quorum = typed("quorum", "5");
                let message = |field: &str| error.as_ref().and_then(|e| e.message_for(field)).map(str::to_owned);
                let proposal_message = message("proposal");
                let eligibility_message = message("eligibility");
                view! {
                    <PageTitle text=t("open-decision-title")/>
                    <h1>{t("open-decision-title")}</h1>
                    <p class="lead"><a href=format!("/proposals/{id}")>{defaults.title.clone()}</a></p>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <FormMessage error=error.clone()/>
                        {proposal_message.map(|m| view! { <p class="form-error" role="alert">{t(&m)}</p> })}
                        <input type="hidden" name="proposal" value=id/>
                        <fieldset class="field">
                            <legend>{t("decision-eligibility")}</legend>
                            <label class="choice">
                                <input type="radio" name="eligibility" value="core" checked=eligibility == "core"/>
                                <span>{t("eligibility-core")}</span>
                            </label>
                            <label class="choice">
                                <input type="radio" name="eligibility" value="members" checked=eligibility == "members"/>
                                <span>{t("eligibility-members")}</span>
                            </label>
                            <FieldError id="eligibility-error".to_string() message=eligibility_message/>
                        </fieldset>
                        <fieldset class="field">
                            <legend>{t("decision-opens-label")}</legend>
                            <label class="choice">
                                <input type="radio" name="opens" value="now" checked=opens != "later"/>
                                <span>{t("opens-now")}</span>
                            </label>
                            <label class="choice">
                                <input type="radio" name="opens" value="later" checked=opens == "later"/>
                                <span>{t("opens-later")}</span>
                            </label>
                            <TextField name="opens_at" label="decision-opens-at" kind="datetime-local"
                                value=opens_at error=error.clone()/>
                        </fieldset>
                        <TextField name="closes_at" label="decision-closes-label" kind="datetime-local"
                            value=closes_at error=error.clone()/>
                        <TextField name="quorum" label="decision-quorum-label" kind="number"
                            hint="decision-quorum-hint" value=quorum error=error.clone()/>
                        <p class="rule" id="rule"><strong>{t("decision-rule-label")}</strong>" "{t("decision-rule-before")}</p>
                        <button type="submit" class="button primary">
                            <IconSvg icon=Icon::Decisions/>
                            <span>{t("open-decision")}</span>
                        </button>
                    </ActionForm>
                }.into_any()
            })}
        </Suspense>
    }
    .into_any()
}
