//! Fields the staff forms for decisions share: who votes, and when voting opens and closes.
use super::form_field::{FieldError, TextArea, TextField};
use super::icons::{Icon, IconSvg};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::serverfns::list_proposals;
use crate::views::proposals::ProposalCard;
use leptos::prelude::*;

/// "Who votes": the core group (the default) or all members. Reads what was typed from `error`.
#[component]
pub fn EligibilityChoice(error: Option<AppError>) -> impl IntoView {
    let chosen = error
        .typed_value("eligibility")
        .or_else(|| {
            crate::views::site::use_site().map(|site| site.default_eligibility.as_str().to_owned())
        })
        .unwrap_or_else(|| "core".to_owned());
    let message = error.field_message("eligibility");
    view! {
        <fieldset class="field">
            <legend>{t("decision-eligibility")}</legend>
            <label class="choice">
                <input type="radio" name="eligibility" value="core" checked=chosen == "core"/>
                <span>{t("eligibility-core")}</span>
            </label>
            <label class="choice">
                <input type="radio" name="eligibility" value="members" checked=chosen == "members"/>
                <span>{t("eligibility-members")}</span>
            </label>
            <FieldError id="eligibility-error".to_string() message=message/>
        </fieldset>
    }
}

/// When voting opens (now, or at a local date and time) and when it closes.
#[component]
pub fn ScheduleFields(error: Option<AppError>, closes_at: String) -> impl IntoView {
    let opens = error.typed_value("opens").unwrap_or_else(|| "now".into());
    let opens_at = error.typed_value("opens_at").unwrap_or_default();
    let closes_at = error.typed_value("closes_at").unwrap_or(closes_at);
    view! {
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
    }
}

/// What a meeting's record ends with: the note shown with the result (e.g. "core-group meeting,
/// 12 present"), then the button that saves it.
#[component]
pub fn MeetingNoteAndSave(error: Option<AppError>) -> impl IntoView {
    view! {
        <TextArea name="note" label="meeting-note" hint="meeting-note-hint" error=error
            max_length=500 value=String::new()/>
        <DecisionButton label="meeting-save"/>
    }
}

/// The one main button of a staff form for decisions.
#[component]
pub fn DecisionButton(
    /// Locale key of the button's words.
    label: &'static str,
) -> impl IntoView {
    view! {
        <button type="submit" class="button primary">
            <IconSvg icon=Icon::Decisions/>
            <span>{t(label)}</span>
        </button>
    }
}

/// The proposals open for discussion, for a poll to rank: each as `row` makes it (a tick box,
/// or the dots counted in a meeting), with the message about the choice below them.
#[component]
pub fn PollProposals<F, V>(
    /// Locale key of the fieldset's legend.
    legend: &'static str,
    error: Option<AppError>,
    row: F,
    /// Besides "choose at least two": the message about the dots typed in the rows, if any.
    #[prop(default = None)]
    dots_message: Option<String>,
) -> impl IntoView
where
    F: Fn(ProposalCard) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let open_proposals = move || {
        let row = row.clone();
        Suspend::new(async move {
            let cards = list_proposals(None, Some("open".into()), None, None, None, None)
                .await
                .map(|list| list.cards)
                .unwrap_or_default();
            cards.into_iter().map(row).collect_view()
        })
    };
    view! {
        <fieldset class="field">
            <legend>{t(legend)}</legend>
            <Suspense fallback=|| ()>{open_proposals}</Suspense>
            <FieldError id="proposals-error".to_string() message=error.field_message("proposals")/>
            <FieldError id="dots-error".to_string() message=dots_message/>
        </fieldset>
    }
}
