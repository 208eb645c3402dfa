//! "Listen": a text read aloud by the server, in a plain audio player that works without
//! JavaScript on every phone. Nothing is downloaded until the person presses play.
use super::icons::{Icon, IconSvg};
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Listen(
    /// Where the audio is, e.g. `/proposals/12/listen?lang=cs`.
    audio: String,
    /// Under a comment: the player alone, named for screen readers, so a long discussion does
    /// not repeat the caption under every comment.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    view! {
        <figure class="listen" class:compact=compact>
            {(!compact).then(|| view! {
                <figcaption><IconSvg icon=Icon::Speaker/><span>{t("listen")}</span></figcaption>
            })}
            <audio controls=true preload="none" src=audio aria-label=t("listen")></audio>
        </figure>
    }
}
