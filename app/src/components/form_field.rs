//! A labelled form field with its message right below it, tied together for screen readers.
use super::icons::{Icon, IconSvg};
use crate::error::AppError;
use crate::i18n::t;
use leptos::either::Either;
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
) -> impl IntoView {
    let message = error
        .as_ref()
        .and_then(|e| e.message_for(name))
        .map(str::to_owned);
    // After a failed submission, show again what was typed (passwords are never sent back).
    let value = error
        .as_ref()
        .and_then(|e| e.typed(name))
        .map(str::to_owned)
        .or(value);
    let invalid = message.is_some();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = [
        hint.map(|_| hint_id.clone()),
        invalid.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class="field" class:invalid=invalid>
            <label for=name>{t(label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{t(hint)}</p> })}
            <input
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize=autocapitalize
                maxlength=max_length
                value=value
                required=true
                aria-invalid=invalid.then_some("true")
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
            />
            <FieldError id=error_id message=message/>
        </div>
    }
}

/// A message about the whole form (not one field), e.g. "Try again in 5 minutes".
#[component]
pub fn FormMessage(error: Option<AppError>) -> impl IntoView {
    error.and_then(|error| {
        let key = error.form_message()?;
        let text = match error {
            AppError::TooManyAttempts { minutes } => crate::i18n::t_with(
                "error-too-many-attempts-wait",
                &[("minutes", i64::from(minutes).into())],
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

/// A multi-line text field with its message; line breaks are kept.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = None)] error: Option<AppError>,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] max_length: Option<usize>,
) -> impl IntoView {
    let message = error
        .as_ref()
        .and_then(|e| e.message_for(name))
        .map(str::to_owned);
    let value = error
        .as_ref()
        .and_then(|e| e.typed(name))
        .map(str::to_owned)
        .unwrap_or_default();
    let invalid = message.is_some();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = [
        hint.map(|_| hint_id.clone()),
        invalid.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class="field" class:invalid=invalid>
            <label for=name>{t(label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{t(hint)}</p> })}
            {
                // Two branches, so that the islands router replaces the whole field when it gains or
                // loses text: diffing an empty textarea against a filled one shifts every node after it.
                let described_by = (!described_by.is_empty()).then_some(described_by);
                let invalid = invalid.then_some("true");
                if value.is_empty() {
                    Either::Left(view! {
                        <textarea id=name name=name rows=rows maxlength=max_length required=true
                            aria-invalid=invalid aria-describedby=described_by></textarea>
                    })
                } else {
                    Either::Right(view! {
                        <textarea id=name name=name rows=rows maxlength=max_length required=true
                            aria-invalid=invalid aria-describedby=described_by>{value}</textarea>
                    })
                }
            }
            <FieldError id=error_id message=message/>
        </div>
    }
}
