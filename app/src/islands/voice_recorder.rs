//! The record button of a voice message: records with the phone's microphone, shows the time
//! and a stop button, and puts the recording into the form's own file field, so the form sends
//! it exactly as if it had been chosen there (with or without `enhance.js`). Without JavaScript,
//! or where the browser cannot record, it never shows; the file field opens the phone's own
//! recorder instead.
use crate::components::{Icon, IconSvg, clock};
use leptos::prelude::*;

/// Stops by itself at the server's limit, so a forgotten recording is never refused.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const MOST_SECONDS: u32 = crate::views::proposals::VOICE_MAX_SECONDS;

// Only the browser moves past `Idle`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recording {
    /// Nothing recorded yet (or the person chose a file instead).
    Idle,
    /// Seconds so far.
    Running(u32),
    /// Seconds recorded; the file field holds the recording.
    Done(u32),
    /// No microphone, or permission was refused.
    Failed,
}

#[island]
pub fn VoiceRecorder(
    /// The id of the form's `voice` file field.
    input: String,
    record_label: String,
    stop_label: String,
    /// With `{time}` where the running time goes.
    recording_label: String,
    recorded_label: String,
    failed_label: String,
) -> impl IntoView {
    let can_record = RwSignal::new(false);
    let state = RwSignal::new(Recording::Idle);
    let preview = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    let session = StoredValue::new_local(None::<microphone::Session>);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        can_record.set(microphone::supported());
    });
    // Kept where every copy of the button's handler reaches it (only the browser records).
    // Not `cfg_attr` on this line: the island's name is a hash of its code as each build sees
    // it, and the server and the browser must agree on it.
    let input = StoredValue::new(input);
    #[cfg(not(feature = "hydrate"))]
    let _ = input;
    let start = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let input = input.get_value();
            leptos::task::spawn_local(async move {
                match microphone::Session::start(input, state, preview).await {
                    Ok(started) => session.set_value(Some(started)),
                    Err(_) => state.set(Recording::Failed),
                }
            });
        }
    };
    let stop = move |_| {
        #[cfg(feature = "hydrate")]
        session.with_value(|s| {
            if let Some(s) = s {
                s.stop();
            }
        });
    };
    let time = move |label: &str, seconds: u32| label.replace("{time}", &clock(seconds));
    view! {
        <div class="voice-recorder" hidden=move || !can_record.get()>
            {move || match state.get() {
                Recording::Running(seconds) => view! {
                    <p class="recording" role="status"><span class="dot" aria-hidden="true"></span>{time(&recording_label, seconds)}</p>
                    <button type="button" class="button danger" on:click=stop>
                        <IconSvg icon=Icon::Cross/><span>{stop_label.clone()}</span>
                    </button>
                }.into_any(),
                other => view! {
                    {match other {
                        Recording::Done(seconds) => Some(view! { <p class="recorded" role="status">{time(&recorded_label, seconds)}</p> }.into_any()),
                        Recording::Failed => Some(view! { <p class="field-error" role="alert">{failed_label.clone()}</p> }.into_any()),
                        _ => None,
                    }}
                    {move || preview.get().map(|src| view! { <audio controls=true src=src></audio> })}
                    <button type="button" class="button" on:click=start>
                        <IconSvg icon=Icon::Microphone/><span>{record_label.clone()}</span>
                    </button>
                }.into_any(),
            }}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod microphone {
    use super::{MOST_SECONDS, Recording};
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub fn supported() -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        window.navigator().media_devices().is_ok()
            && js_sys::Reflect::has(&window, &JsValue::from_str("MediaRecorder")).unwrap_or(false)
    }

    /// One recording under way; its callbacks live as long as it does.
    pub struct Session {
        recorder: web_sys::MediaRecorder,
        timer: i32,
        _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
        _on_stop: Closure<dyn FnMut()>,
        _tick: Closure<dyn FnMut()>,
    }

    impl Session {
        pub async fn start(
            input: String,
            state: RwSignal<Recording>,
            preview: RwSignal<Option<String>>,
        ) -> Result<Self, JsValue> {
            let window = web_sys::window().ok_or(JsValue::NULL)?;
            let constraints = web_sys::MediaStreamConstraints::new();
            constraints.set_audio(&JsValue::TRUE);
            let asked = window
                .navigator()
                .media_devices()?
                .get_user_media_with_constraints(&constraints)?;
            let stream: web_sys::MediaStream = JsFuture::from(asked).await?.dyn_into()?;
            let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream)?;
            let chunks = js_sys::Array::new();
            let on_data = {
                let chunks = chunks.clone();
                Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |event: web_sys::BlobEvent| {
                    if let Some(blob) = event.data() {
                        chunks.push(&blob);
                    }
                })
            };
            let on_stop = {
                let recorder = recorder.clone();
                Closure::<dyn FnMut()>::new(move || {
                    for track in stream.get_tracks().iter() {
                        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                            track.stop();
                        }
                    }
                    let seconds = match state.get_untracked() {
                        Recording::Running(seconds) => seconds.max(1),
                        _ => 1,
                    };
                    match fill_field(&input, &chunks, &recorder.mime_type()) {
                        Ok(url) => {
                            preview.set(Some(url));
                            state.set(Recording::Done(seconds));
                        }
                        Err(_) => state.set(Recording::Failed),
                    }
                })
            };
            recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
            recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
            let tick = {
                let recorder = recorder.clone();
                Closure::<dyn FnMut()>::new(move || {
                    if let Recording::Running(seconds) = state.get_untracked() {
                        state.set(Recording::Running(seconds + 1));
                        if seconds + 1 >= MOST_SECONDS {
                            let _ = recorder.stop();
                        }
                    }
                })
            };
            let timer = window.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                1000,
            )?;
            state.set(Recording::Running(0));
            preview.set(None);
            recorder.start()?;
            Ok(Session {
                recorder,
                timer,
                _on_data: on_data,
                _on_stop: on_stop,
                _tick: tick,
            })
        }

        pub fn stop(&self) {
            if self.recorder.state() == web_sys::RecordingState::Recording {
                let _ = self.recorder.stop();
            }
            if let Some(window) = web_sys::window() {
                window.clear_interval_with_handle(self.timer);
            }
        }
    }

    impl Drop for Session {
        fn drop(&mut self) {
            self.stop();
        }
    }

    /// Puts the recording into the file field; answers an address to play it back from.
    fn fill_field(input: &str, chunks: &js_sys::Array, mime: &str) -> Result<String, JsValue> {
        let kind = web_sys::BlobPropertyBag::new();
        kind.set_type(mime);
        let blob = web_sys::Blob::new_with_blob_sequence_and_options(chunks, &kind)?;
        // The server reads the content, not the name; the name only helps a person who sees it.
        let extension = if mime.contains("ogg") {
            "ogg"
        } else if mime.contains("mp4") {
            "m4a"
        } else {
            "webm"
        };
        let options = web_sys::FilePropertyBag::new();
        options.set_type(mime);
        let file = web_sys::File::new_with_blob_sequence_and_options(
            &js_sys::Array::of1(&blob),
            &format!("voice.{extension}"),
            &options,
        )?;
        let transfer = web_sys::DataTransfer::new()?;
        transfer.items().add_with_file(&file)?;
        let field: web_sys::HtmlInputElement = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(input))
            .ok_or(JsValue::NULL)?
            .dyn_into()?;
        field.set_files(transfer.files().as_ref());
        web_sys::Url::create_object_url_with_blob(&blob)
    }
}
