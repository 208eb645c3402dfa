//! `/decisions/new-poll`: staff open a priority poll — which open proposals to rank, how many dots
//! each voter spreads (and how many at most on one), who votes, when, and how many must take part.
mod open_poll;

use crate::components::{
    EligibilityChoice, FieldError, FormMessage, Icon, IconSvg, PageTitle, ScheduleFields, TextField,
};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::serverfns::list_proposals;
use leptos::prelude::*;
use open_poll::OpenPoll;

#[component]
pub fn NewPollPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/decisions/new-poll", Action::ManageDecisions) {
        return gate;
    }
    let action = ServerAction::<OpenPoll>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let typed = |field: &str, default: &str| {
        error
            .as_ref()
            .and_then(|e| e.typed(field))
            .unwrap_or(default)
            .to_owned()
    };
    let chosen: Vec<String> = typed("proposals", "")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let (title, quorum, dots, dots_per_proposal) = (
        typed("title", ""),
        typed("quorum", "5"),
        typed("dots", "3"),
        typed("dots_per_proposal", "2"),
    );
    let message = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(field))
            .map(str::to_owned)
    };
    let proposals_message = message("proposals");
    view! {
        <PageTitle text=t("poll-title")/>
        <h1>{t("poll-title")}</h1>
        <p class="lead">{t("poll-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            <TextField name="title" label="poll-name" hint="poll-name-hint" value=title error=error.clone()/>
            <fieldset class="field">
                <legend>{t("poll-proposals")}</legend>
                <Suspense fallback=|| ()>
                    {Suspend::new(async move {
                        let cards = list_proposals(None, Some("open".into()), None, None, None, None)
                            .await
                            .map(|list| list.cards)
                            .unwrap_or_default();
                        cards.into_iter().map(|card| {
                            let value = card.id.to_string();
                            let checked = chosen.contains(&value);
                            view! {
                                <label class="choice">
                                    <input type="checkbox" name="proposals[]" value=value checked=checked/>
                                    <span>{card.title}</span>
                                </label>
                            }
                        }).collect_view()
                    })}
                </Suspense>
                <FieldError id="proposals-error".to_string() message=proposals_message/>
            </fieldset>
            <TextField name="dots" label="poll-dots" kind="number" value=dots error=error.clone()/>
            <TextField name="dots_per_proposal" label="poll-dots-per-proposal" kind="number"
                value=dots_per_proposal error=error.clone()/>
            <EligibilityChoice error=error.clone()/>
            <ScheduleFields error=error.clone() closes_at=String::new()/>
            <TextField name="quorum" label="poll-quorum" kind="number" value=quorum error=error.clone()/>
            <p class="rule"><strong>{t("decision-rule-label")}</strong>" "{t("poll-rule")}</p>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Decisions/>
                <span>{t("poll-open")}</span>
            </button>
        </ActionForm>
    }
    .into_any()
}
