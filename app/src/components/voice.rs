//! Voice messages in pages: the player for a post's recording, and the form field that takes
//! one — the phone's own recorder through a file field (no JavaScript needed), and, once the
//! page's script runs, a record button that fills that same field.
use super::FieldError;
use super::icons::{Icon, IconSvg};
use crate::error::{AppError, Refused};
use crate::i18n::{t, t_with};
use crate::islands::VoiceRecorder;
use crate::views::proposals::VoiceView;
use leptos::prelude::*;

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
pub fn VoiceField(id: String, error: Option<AppError>) -> impl IntoView {
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
            <p class="hint" id=hint>{t("voice-hint")}</p>
            <FieldError id=error_id message=message/>
            // Like the photo pickers: the whole box is the field's label, a big target.
            <label class="file-choice">
                <span class="file-choice-label"><IconSvg icon=Icon::Microphone/>{t("voice-choose")}</span>
                <input type="file" id=id.clone() name="voice" accept="audio/*" capture=true/>
            </label>
            <VoiceRecorder
                input=id
                record_label=t("voice-record")
                stop_label=t("voice-stop")
                recording_label=t_with("voice-recording", &[("time", "{time}".into())])
                recorded_label=t_with("voice-recorded", &[("time", "{time}".into())])
                failed_label=t("voice-no-microphone")
            />
        </fieldset>
    }
}
