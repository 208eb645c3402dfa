//! `/decisions/new-poll`: staff open a priority poll — which open proposals to rank, how many dots
//! each voter spreads (and how many at most on one), who votes, when, and how many must take part.
mod open_poll;

use crate::components::{
    DecisionButton, EligibilityChoice, FormMessage, PageTitle, PollProposals, ScheduleFields,
    TextField,
};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
use leptos::prelude::*;
use open_poll::OpenPoll;

#[component]
pub fn NewPollPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/decisions/new-poll", Action::ManageDecisions) {
        return gate;
    }
    let action = ServerAction::<OpenPoll>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let chosen: Vec<String> = error
        .typed_or("proposals", "")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let (title, quorum, dots, dots_per_proposal) = (
        error.typed_or("title", ""),
        error.typed_or("quorum", "5"),
        error.typed_or("dots", "3"),
        error.typed_or("dots_per_proposal", "2"),
    );
    view! {
        <PageTitle text=t("poll-title")/>
        <h1>{t("poll-title")}</h1>
        <p class="lead">{t("poll-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            <TextField name="title" label="poll-name" hint="poll-name-hint" value=title error=error.clone()/>
            <PollProposals legend="poll-proposals" error=error.clone()
                row=move |card| {
                    let value = card.id.to_string();
                    let checked = chosen.contains(&value);
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="proposals[]" value=value checked=checked/>
                            <span>{card.title}</span>
                        </label>
                    }
                }/>
            <TextField name="dots" label="poll-dots" kind="number" value=dots error=error.clone()/>
            <TextField name="dots_per_proposal" label="poll-dots-per-proposal" kind="number"
                value=dots_per_proposal error=error.clone()/>
            <EligibilityChoice error=error.clone()/>
            <ScheduleFields error=error.clone() closes_at=String::new()/>
            <TextField name="quorum" label="poll-quorum" kind="number" value=quorum error=error.clone()/>
            <p class="rule"><strong>{t("decision-rule-label")}</strong>" "{t("poll-rule")}</p>
            <DecisionButton label="poll-open"/>
        </ActionForm>
    }
    .into_any()
}
