//! `/decisions/new-meeting-poll`: staff record a priority poll held in a meeting — how many dots
//! each proposal got in the room (leave a proposal empty to leave it out), how many people took
//! part, the day and a note. Shown like an online poll's result, marked "decided at a meeting".
mod record_meeting_poll;

use crate::components::{
    EligibilityChoice, FormMessage, MeetingNoteAndSave, PageTitle, PollProposals, TextField,
};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
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
        move |field: &str| error.typed_or(field, "")
    };
    let (title, held_on, voters, quorum) = (
        error.typed_or("title", ""),
        error.typed_or("held_on", ""),
        error.typed_or("voters", ""),
        error.typed_or("quorum", "5"),
    );
    let dots_message = error.field_message("dots");
    view! {
        <PageTitle text=t("meeting-poll-title")/>
        <h1>{t("meeting-poll-title")}</h1>
        <p class="lead">{t("meeting-poll-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            <TextField name="title" label="poll-name" hint="poll-name-hint" value=title error=error.clone()/>
            <PollProposals legend="meeting-poll-dots" error=error.clone() dots_message
                row=move |card| {
                    let input = format!("dots-{}", card.id);
                    let value = typed(&input);
                    view! {
                        <div class="field dots-field">
                            <label for=input.clone()>{card.title}</label>
                            <input type="hidden" name="proposals[]" value=card.id/>
                            <input id=input type="number" name="dots[]" min="0" value=value inputmode="numeric"/>
                        </div>
                    }
                }/>
            <EligibilityChoice error=error.clone()/>
            <TextField name="held_on" label="meeting-day" kind="date" value=held_on error=error.clone()/>
            <TextField name="voters" label="meeting-poll-voters" kind="number" value=voters error=error.clone()/>
            <TextField name="quorum" label="poll-quorum" kind="number" value=quorum error=error.clone()/>
            <MeetingNoteAndSave error=error.clone()/>
        </ActionForm>
    }
    .into_any()
}
