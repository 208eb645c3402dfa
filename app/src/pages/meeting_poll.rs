//! `/decisions/new-meeting-poll`: staff record a priority poll held in a meeting — how many dots
//! each proposal got in the room (leave a proposal empty to leave it out), how many people took
//! part, the day and a note. Shown like an online poll's result, marked "decided at a meeting".
mod record_meeting_poll;

use crate::components::{
    EligibilityChoice, FieldError, FormMessage, Icon, IconSvg, PageTitle, TextArea, TextField,
};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::serverfns::list_proposals;
use leptos::prelude::*;
use record_meeting_poll::RecordMeetingPoll;

#[component]
pub fn MeetingPollPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/decisions/new-meeting-poll", Action::ManageDecisions) {
        return gate;
    }
    let action = ServerAction::<RecordMeetingPoll>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let typed = {
        let error = error.clone();
        move |field: &str, default: &str| {
            error
                .as_ref()
                .and_then(|e| e.typed(field))
                .unwrap_or(default)
                .to_owned()
        }
    };
    let (title, held_on, voters, quorum) = (
        typed("title", ""),
        typed("held_on", ""),
        typed("voters", ""),
        typed("quorum", "5"),
    );
    let message = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(field))
            .map(str::to_owned)
    };
    let (proposals_message, dots_message) = (message("proposals"), message("dots"));
    view! {
        <PageTitle text=t("meeting-poll-title")/>
        <h1>{t("meeting-poll-title")}</h1>
        <p class="lead">{t("meeting-poll-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            <TextField name="title" label="poll-name" hint="poll-name-hint" value=title error=error.clone()/>
            <fieldset class="field">
                <legend>{t("meeting-poll-dots")}</legend>
                <Suspense fallback=|| ()>
                    {Suspend::new(async move {
                        let cards = list_proposals(None, Some("open".into()), None, None, None, None)
                            .await
                            .map(|list| list.cards)
                            .unwrap_or_default();
                        cards.into_iter().map(|card| {
                            let input = format!("dots-{}", card.id);
                            let value = typed(&input, "");
                            view! {
                                <div class="field dots-field">
                                    <label for=input.clone()>{card.title}</label>
                                    <input type="hidden" name="proposals[]" value=card.id/>
                                    <input id=input type="number" name="dots[]" min="0" value=value inputmode="numeric"/>
                                </div>
                            }
                        }).collect_view()
                    })}
                </Suspense>
                <FieldError id="proposals-error".to_string() message=proposals_message/>
                <FieldError id="dots-error".to_string() message=dots_message/>
            </fieldset>
            <EligibilityChoice error=error.clone()/>
            <TextField name="held_on" label="meeting-day" kind="date" value=held_on error=error.clone()/>
            <TextField name="voters" label="meeting-poll-voters" kind="number" value=voters error=error.clone()/>
            <TextField name="quorum" label="poll-quorum" kind="number" value=quorum error=error.clone()/>
            <TextArea name="note" label="meeting-note" hint="meeting-note-hint" error=error.clone()
                max_length=500 value=String::new()/>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Decisions/>
                <span>{t("meeting-save")}</span>
            </button>
        </ActionForm>
    }
    .into_any()
}
