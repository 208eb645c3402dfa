//! A labelled form field with its message right below it, tied together for screen readers.
use super::icons::{Icon, IconSvg};
use super::text_box::TextBox;
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;

/// The message for one field, from a failed submission, translated.
#[component]
pub fn FieldError(id: String, message: Option<String>) -> impl IntoView {
    message.map(|message| {
        view! {
            <p class="field-error" id=id>
                <IconSvg icon=Icon::Warning/>
                <span>{t(&message)}</span>
            </p>
        }
    })
}

/// What a field shows after a failed submission, and the ids that tie label, hint and message.
struct FieldState {
    /// Locale key of the field's message.
    message: Option<String>,
    /// What the person had typed (passwords are never sent back).
    typed: Option<String>,
    invalid: bool,
    hint_id: String,
    error_id: String,
    described_by: Option<String>,
}

impl FieldState {
    fn new(name: &str, hint: Option<&str>, error: Option<&AppError>) -> Self {
        let message = error.and_then(|e| e.message_for(name)).map(str::to_owned);
        let typed = error.and_then(|e| e.typed(name)).map(str::to_owned);
        let invalid = message.is_some();
        let hint_id = format!("{name}-hint");
        let error_id = format!("{name}-error");
        let ids: Vec<&str> = [
            hint.map(|_| hint_id.as_str()),
            invalid.then_some(error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let described_by = (!ids.is_empty()).then(|| ids.join(" "));
        Self {
            message,
            typed,
            invalid,
            hint_id,
            error_id,
            described_by,
        }
    }
}

#[component]
pub fn TextField(
    /// The form field's name, as the server function expects it.
    name: &'static str,
    /// Locale key of the label.
    label: &'static str,
    /// Locale key of a hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] value: Option<String>,
    #[prop(default = None)] error: Option<AppError>,
    #[prop(optional)] autocapitalize: Option<&'static str>,
    #[prop(optional)] max_length: Option<usize>,
    /// Most fields must be filled in; a field that may stay empty says so in its label or hint.
    #[prop(default = true)]
    required: bool,
) -> impl IntoView {
    let field = FieldState::new(name, hint, error.as_ref());
    let invalid = field.invalid;
    let value = field.typed.or(value);
    view! {
        <div class="field" class:invalid=invalid>
            <label for=name>{t(label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=field.hint_id.clone()>{t(hint)}</p> })}
            <input
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize=autocapitalize
                maxlength=max_length
                value=value
                required=required
                aria-invalid=invalid.then_some("true")
                aria-describedby=field.described_by
            />
            <FieldError id=field.error_id message=field.message/>
        </div>
    }
}

/// A message about the whole form (not one field), e.g. "Try again in 5 minutes".
#[component]
pub fn FormMessage(error: Option<AppError>) -> impl IntoView {
    use crate::error::{WHOLE_FORM, WHOLE_FORM_COUNT};
    error.and_then(|error| {
        let key = error
            .form_message()
            .or_else(|| error.message_for(WHOLE_FORM))?;
        let count = error
            .typed(WHOLE_FORM_COUNT)
            .and_then(|n| n.parse::<i64>().ok());
        let text = match &error {
            AppError::Invalid { .. } => {
                crate::i18n::t_with(key, &[("count", count.unwrap_or_default().into())])
            }
            AppError::TooManyAttempts { minutes } => crate::i18n::t_with(
                "error-too-many-attempts-wait",
                &[("minutes", i64::from(*minutes).into())],
            ),
            _ => t(key),
        };
        Some(view! {
            <p class="form-error" role="alert">
                <IconSvg icon=Icon::Warning/>
                <span>{text}</span>
            </p>
        })
    })
}

/// What a page shows of a server function's answer: the view `show` makes of it, or what went
/// wrong, in words.
pub fn shown<T, V: IntoView + 'static>(
    answer: Result<T, AppError>,
    show: impl FnOnce(T) -> V,
) -> AnyView {
    match answer {
        Ok(value) => show(value).into_any(),
        Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
    }
}

/// Where `frontend/enhance.js` tells how a form with photos is being sent (shrinking the photos,
/// "Sending: 40 %", sent, or not sent). Hidden until then, and never shown without JavaScript,
/// when the browser shows its own progress.
#[component]
pub fn SendProgress() -> impl IntoView {
    view! {
        <p class="send-progress" role="status" hidden=true
            data-shrinking=t("sending-shrinking")
            data-sending=crate::i18n::t_with("sending-percent", &[("percent", "{percent}".into())])
            data-sent=t("sending-done")
            data-failed=t("sending-failed")>
            <progress max="100"></progress>
            <span></span>
        </p>
    }
}

/// A multi-line text field with its message; line breaks are kept.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = None)] error: Option<AppError>,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] max_length: Option<usize>,
    /// The text already there (e.g. when editing); what was typed before an error wins.
    #[prop(optional)]
    value: Option<String>,
) -> impl IntoView {
    let field = FieldState::new(name, hint, error.as_ref());
    let invalid = field.invalid;
    let value = field.typed.or(value).unwrap_or_default();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=name>{t(label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=field.hint_id.clone()>{t(hint)}</p> })}
            <TextBox id=name.to_owned() name=name rows=rows max_length=max_length
                required=true invalid=invalid described_by=field.described_by text=value/>
            <FieldError id=field.error_id message=field.message/>
        </div>
    }
}
