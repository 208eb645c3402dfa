//! The interactive parts of pages: the only code that becomes wasm. Everything else is server HTML.
use crate::components::{Icon, IconSvg};
use leptos::prelude::*;

/// A button that shows or hides the password being typed, for people who find typing blind hard.
/// Without JavaScript it never appears, and the field stays a normal password field.
#[island]
pub fn ShowPassword(
    /// The id of the password input.
    target: String,
    show_label: String,
    hide_label: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    // The input is reached only in the browser.
    #[cfg(not(feature = "hydrate"))]
    let _ = target;
    let toggle = move |_| {
        shown.update(|s| *s = !*s);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&target))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_type(if shown.get_untracked() {
                    "text"
                } else {
                    "password"
                });
            }
        }
    };
    // Rendered hidden on the server; the island shows itself once it can work.
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    view! {
        <button
            type="button"
            class="show-password"
            hidden=move || !mounted.get()
            aria-pressed=move || if shown.get() { "true" } else { "false" }
            on:click=toggle
        >
            {move || if shown.get() { hide_label.clone() } else { show_label.clone() }}
        </button>
    }
}

/// "Read aloud": reads the proposal with the browser's own speech synthesis, in the page's
/// language (a Czech voice for Czech). It shows itself only where the browser can speak; nothing
/// is sent anywhere.
#[island]
pub fn ReadAloud(
    /// The text to read: title, then body.
    text: String,
    /// The page's language tag, e.g. `cs`.
    language: String,
    read_label: String,
    stop_label: String,
) -> impl IntoView {
    let can_speak = RwSignal::new(false);
    let speaking = RwSignal::new(false);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        can_speak.set(
            web_sys::window()
                .and_then(|w| w.speech_synthesis().ok())
                .is_some(),
        );
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&text, &language);
    let toggle = move |_| {
        #[cfg(feature = "hydrate")]
        speak_or_stop(&text, &language, speaking);
        #[cfg(not(feature = "hydrate"))]
        speaking.update(|s| *s = !*s);
    };
    view! {
        <button type="button" class="button read-aloud" hidden=move || !can_speak.get() on:click=toggle>
            <IconSvg icon=Icon::Speaker/>
            <span>{move || if speaking.get() { stop_label.clone() } else { read_label.clone() }}</span>
        </button>
    }
}

#[cfg(feature = "hydrate")]
fn speak_or_stop(text: &str, language: &str, speaking: RwSignal<bool>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synthesis.cancel();
    if speaking.get_untracked() {
        speaking.set(false);
        return;
    }
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    // "cs" → "cs-CZ": Chrome on Android picks a voice by the full tag more reliably.
    let tag = match language {
        "cs" => "cs-CZ",
        "en" => "en-GB",
        other => other,
    };
    utterance.set_lang(tag);
    if let Some(voice) = synthesis
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().starts_with(language))
    {
        utterance.set_voice(Some(&voice));
    }
    let done = Closure::<dyn FnMut()>::new(move || speaking.set(false));
    utterance.set_onend(Some(done.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(done.as_ref().unchecked_ref()));
    done.forget();
    speaking.set(true);
    synthesis.speak(&utterance);
}
