//! `/proposals/{id}/meeting`: staff record a vote the core group counted in a meeting — the numbers,
//! the day, and a note such as "core-group meeting, 12 present". The result page is the same as an
//! online vote's, marked "decided at a meeting".
mod record_meeting_tally;

use crate::components::{
    DecisionButton, EligibilityChoice, FormMessage, Icon, IconSvg, PageTitle, TextArea, TextField,
};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
use leptos::prelude::*;
use record_meeting_tally::RecordMeetingTally;

#[component]
pub fn RecordMeetingPage() -> impl IntoView {
    let id = match super::numbered_page("/proposals", "meeting", Action::ManageDecisions) {
        Ok((_, id)) => id,
        Err(gate) => return gate,
    };
    let Some(id) = id else {
        return view! { <crate::components::NotFound/> }.into_any();
    };
    let action = ServerAction::<RecordMeetingTally>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let proposal_message = error.field_message("proposal");
    let (held_on, yes, no, abstain, quorum) = (
        error.typed_or("held_on", ""),
        error.typed_or("yes", "0"),
        error.typed_or("no", "0"),
        error.typed_or("abstain", "0"),
        error.typed_or("quorum", "5"),
    );
    view! {
        <PageTitle text=t("meeting-title")/>
        <h1>{t("meeting-title")}</h1>
        <p class="lead"><a class="action-link" href=format!("/proposals/{id}")><IconSvg icon=Icon::Proposals/><span>{t("decision-read-proposal")}</span></a></p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            {proposal_message.map(|m| view! { <p class="form-error" role="alert">{t(&m)}</p> })}
            <input type="hidden" name="proposal" value=id/>
            <EligibilityChoice error=error.clone()/>
            <TextField name="held_on" label="meeting-day" kind="date" value=held_on error=error.clone()/>
            <TextField name="yes" label="vote-yes" kind="number" value=yes error=error.clone()/>
            <TextField name="no" label="vote-no" kind="number" value=no error=error.clone()/>
            <TextField name="abstain" label="vote-abstain" kind="number" value=abstain error=error.clone()/>
            <TextField name="quorum" label="decision-quorum-label" kind="number"
                hint="decision-quorum-hint" value=quorum error=error.clone()/>
            <TextArea name="note" label="meeting-note" hint="meeting-note-hint" error=error.clone()
                max_length=500 value=String::new()/>
            <p class="rule"><strong>{t("decision-rule-label")}</strong>" "{t("meeting-rule")}</p>
            <DecisionButton label="meeting-save"/>
        </ActionForm>
    }
    .into_any()
}
