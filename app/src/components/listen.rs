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

/// Lines joined into one text to read aloud, each ending as a sentence, so a heading or a
/// stage ("hotovo") is followed by a pause rather than run into the next line.
#[cfg(feature = "ssr")]
pub fn spoken_lines(lines: impl IntoIterator<Item = String>) -> String {
    lines
        .into_iter()
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .map(|line| {
            if line.ends_with(['.', '!', '?', ':', '…']) {
                line
            } else {
                format!("{line}.")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::spoken_lines;

    #[test]
    fn every_line_is_read_as_a_sentence_and_empty_ones_are_left_out() {
        let text = spoken_lines(["Hotovo".into(), " ".into(), "Lavičky jsou nové.".into()]);
        assert_eq!(text, "Hotovo.\nLavičky jsou nové.");
    }
}
