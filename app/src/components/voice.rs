//! Voice messages in pages: the player for a post's recording, and the form field that takes
//! one — the phone's own recorder through a file field (no JavaScript needed), and, once
//! `enhance.js` runs, a record button that fills that same field.
use super::icons::{Icon, IconSvg};
use super::{FieldError, FormMessage, SendProgress};
use crate::domain::ReadingOf;
use crate::error::{AppError, Refused};
use crate::i18n::{t, t_with};
use crate::serverfns::RecordReading;
use crate::views::proposals::VoiceView;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// "1:05": minutes and seconds, as a phone's recorder shows them.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A recording with its length; nothing is downloaded until the person presses play.
#[component]
pub fn VoicePlayer(voice: VoiceView, label: String) -> impl IntoView {
    view! {
        <figure class="listen voice">
            <figcaption>
                <IconSvg icon=Icon::Microphone/>
                <span>{label.clone()}</span>
                <span class="hint">{clock(voice.seconds)}</span>
            </figcaption>
            <audio controls=true preload="none" src=voice.url aria-label=label></audio>
        </figure>
    }
}

/// The field of a form that may carry a voice message (`name="voice"`). `id` tells the fields
/// of several forms on one page apart.
#[component]
pub fn VoiceField(
    id: String,
    error: Option<AppError>,
    /// What the field is for, when it is not a voice message in place of writing.
    #[prop(default = "voice-hint")]
    hint: &'static str,
) -> impl IntoView {
    let hint_key = hint;
    let message = error.field_message("voice");
    let hint = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = if message.is_some() {
        format!("{hint} {error_id}")
    } else {
        hint.clone()
    };
    view! {
        <fieldset class="field voice-field" aria-describedby=described_by>
            <legend>{t("voice-label")}</legend>
            <p class="hint" id=hint>{t(hint_key)}</p>
            <FieldError id=error_id message=message/>
            // Like the photo pickers: the whole box is the field's label, a big target.
            <label class="file-choice">
                <span class="file-choice-label"><IconSvg icon=Icon::Microphone/>{t("voice-choose")}</span>
                <input type="file" id=id.clone() name="voice" accept="audio/*" capture=true/>
            </label>
            // The record button: `enhance.js` shows it where the browser can record, and puts the
            // recording into the file field above. `{time}` is filled in as it runs.
            <div class="voice-recorder" hidden=true data-input=id
                data-recording=t_with("voice-recording", &[("time", "{time}".into())])
                data-recorded=t_with("voice-recorded", &[("time", "{time}".into())])
                data-failed=t("voice-no-microphone")>
                <p class="recorder-status" role="status"></p>
                <audio controls=true hidden=true aria-label=t("voice-label")></audio>
                <button type="button" class="button record">
                    <IconSvg icon=Icon::Microphone/><span>{t("voice-record")}</span>
                </button>
                <button type="button" class="button danger stop" hidden=true>
                    <IconSvg icon=Icon::Cross/><span>{t("voice-stop")}</span>
                </button>
            </div>
        </fieldset>
    }
}

/// "Read it in your own voice": staff (or a proposal's author) record or upload their reading,
/// which then plays in place of the machine's voice. Folded until asked for.
#[component]
pub fn ReadingForm(kind: ReadingOf, id: i32) -> impl IntoView {
    let key = format!("{}-{id}", kind.as_str());
    // Several such forms may share a page (a proposal and its outcome): a refusal opens its own.
    let error = AppError::from_form_post(RecordReading::PATH)
        .filter(|e| e.typed("reading") == Some(key.as_str()));
    let open = error.is_some();
    view! {
        <details class="voice-comment reading" open=open>
            <summary><IconSvg icon=Icon::Microphone/><span>{t("reading-open")}</span></summary>
            <form method="post" action=RecordReading::PATH enctype="multipart/form-data"
                class="form" novalidate=true>
                <input type="hidden" name="kind" value=kind.as_str()/>
                <input type="hidden" name="id" value=id/>
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <VoiceField id=format!("reading-{key}") error=error hint="reading-hint"/>
                <SendProgress/>
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Check/><span>{t("reading-save")}</span>
                </button>
            </form>
        </details>
    }
}
