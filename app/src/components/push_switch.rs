//! The switch that turns phone notifications on for this browser, on `/me` and in the one
//! friendly question after a member's first proposal or vote. It needs a script (only a script
//! can ask the browser), so it starts hidden and `enhance.js` brings it to life.
use crate::components::{Icon, IconSvg};
use crate::i18n::t;
use crate::serverfns::phone_and_texts::ask_push_prompt;
use leptos::prelude::*;

/// "Do you want to hear what happens next?": on the page after a member's first proposal or
/// vote, the same switch as on `/me`; without a script it points there.
#[component]
pub fn PushPrompt() -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                ask_push_prompt().await.ok().flatten().map(|public_key| view! {
                    <aside class="push-prompt" aria-labelledby="push-prompt-title">
                        <h2 id="push-prompt-title">{t("push-prompt-title")}</h2>
                        <p>{t("push-prompt-text")}</p>
                        <PushSwitch public_key/>
                        <p><a href="/me#phone-notifications">{t("push-prompt-settings")}</a></p>
                    </aside>
                })
            })}
        </Suspense>
    }
}

/// The button that asks this browser for notifications. It needs a script, so it starts
/// hidden; `enhance.js` shows it where the browser can take push messages, and otherwise
/// says so in words.
#[component]
pub fn PushSwitch(public_key: String) -> impl IntoView {
    view! {
        <div class="push-switch" data-key=public_key
            data-done=t("push-turned-on") data-denied=t("push-denied")
            data-failed=t("push-failed") data-this-device=t("push-this-device")>
            <p class="hint push-needs-script">{t("push-needs-script")}</p>
            <button type="button" class="button primary push-turn-on" hidden=true>
                <IconSvg icon=Icon::Bell/><span>{t("push-turn-on")}</span>
            </button>
            <p class="notice push-status" role="status" hidden=true></p>
        </div>
    }
}
