//! Fields the staff forms for decisions share: who votes, and when voting opens and closes.
use super::form_field::{FieldError, TextField};
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;

/// "Who votes": the core group (the default) or all members. Reads what was typed from `error`.
#[component]
pub fn EligibilityChoice(error: Option<AppError>) -> impl IntoView {
    let chosen = error
        .as_ref()
        .and_then(|e| e.typed("eligibility"))
        .map(str::to_owned)
        .or_else(|| {
            crate::views::site::use_site().map(|site| site.default_eligibility.as_str().to_owned())
        })
        .unwrap_or_else(|| "core".to_owned());
    let message = error
        .as_ref()
        .and_then(|e| e.message_for("eligibility"))
        .map(str::to_owned);
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
    let typed = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.typed(field))
            .map(str::to_owned)
    };
    let opens = typed("opens").unwrap_or_else(|| "now".into());
    let opens_at = typed("opens_at").unwrap_or_default();
    let closes_at = typed("closes_at").unwrap_or(closes_at);
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
