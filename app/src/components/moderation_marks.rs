//! What moderators did to a proposal or comment, in words everyone reads the same way: hidden
//! (with the reason, in place of the text), edited (with the note), waiting for a moderator,
//! written with a staff member's help.
use super::icons::{Icon, IconSvg};
use crate::domain::HideReason;
use crate::i18n::{t, t_with};
use crate::views::moderation::Marks;
use leptos::prelude::*;

/// The reason for hiding as people read it: a built-in reason translated, staff's words as written.
pub fn hide_reason_text(stored: &str) -> String {
    HideReason::label_key(stored).map_or_else(|| stored.to_owned(), |key| t(&key))
}

/// A proposal's title as the viewer may read it (`None` where moderators hid it from them):
/// "Skrytý návrh č. 12" in its place.
pub fn shown_title(id: i32, title: Option<String>) -> String {
    title_or_hidden(&crate::i18n::use_locale(), id, title)
}

/// [`shown_title`] in a language chosen by the caller (a text read aloud asks for its own).
pub fn title_or_hidden(locale: &crate::i18n::Locale, id: i32, title: Option<String>) -> String {
    title.unwrap_or_else(|| locale.text_with("hidden-proposal-title", &[("id", id.into())]))
}

/// Beside the name of a post written by staff: their name could be anything, the badge cannot.
#[component]
pub fn StaffBadge(show: bool) -> impl IntoView {
    show.then(|| {
        view! {
            <span class="staff-badge">
                <IconSvg icon=Icon::People/>
                <span>{t("role-staff")}</span>
            </span>
        }
    })
}

#[component]
pub fn ModerationMarks(marks: Marks) -> impl IntoView {
    let Marks {
        hidden_reason,
        moderator_note,
        held,
        helped_by,
    } = marks;
    view! {
        {hidden_reason.map(|reason| view! {
            <p class="moderation-mark hidden-mark">
                <IconSvg icon=Icon::Hidden/>
                <span>{t_with("hidden-by-moderators", &[("reason", hide_reason_text(&reason).into())])}</span>
            </p>
        })}
        {moderator_note.map(|note| view! {
            <p class="moderation-mark">
                <IconSvg icon=Icon::Pencil/>
                <span>{t_with("edited-by-moderators", &[("note", note.into())])}</span>
            </p>
        })}
        {held.then(|| view! {
            <p class="moderation-mark">
                <IconSvg icon=Icon::Clock/>
                <span>{t("waiting-for-moderator")}</span>
            </p>
        })}
        {helped_by.map(|name| view! {
            <p class="hint">{t_with("written-with-help", &[("name", name.into())])}</p>
        })}
    }
}
