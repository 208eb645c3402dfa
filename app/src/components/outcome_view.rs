//! An outcome as residents see it: its stage, the decision in plain words, who does what by when,
//! and the dated updates as a timeline with their photos.
#[cfg(feature = "ssr")]
use super::listen::spoken_lines;
use super::photo_gallery::PhotoGallery;
use super::{Icon, IconSvg, Listen, PlainText};
use crate::domain::OutcomeStage;
#[cfg(feature = "ssr")]
use crate::i18n::{DateIn, Locale};
use crate::i18n::{date, t};
use crate::views::outcomes::{OutcomeUpdateView, OutcomeView};
use leptos::prelude::*;

/// A stage as an icon and a word, never by colour alone.
#[component]
pub fn StageBadge(stage: OutcomeStage) -> impl IntoView {
    view! {
        <span class=format!("status stage-{}", stage.as_str())>
            <IconSvg icon=Icon::for_stage(stage)/>
            <span>{t(&stage.label_key())}</span>
        </span>
    }
}

/// The outcome's facts: stage, what was decided, who, by when, and why not.
#[component]
pub fn OutcomeFacts(outcome: OutcomeView) -> impl IntoView {
    view! {
        <p><StageBadge stage=outcome.stage/></p>
        {outcome.listen.map(|audio| view! { <Listen audio/> })}
        <PlainText text=outcome.summary/>
        {outcome.not_possible_reason.map(|reason| view! {
            <p class="outcome-reason"><strong>{t("outcome-why-not")}</strong>" "{reason}</p>
        })}
        <dl class="facts">
            {outcome.who_does.map(|who| view! {
                <dt>{t("outcome-who")}</dt>
                <dd>{who}</dd>
            })}
            {outcome.due_on.map(|day| view! {
                <dt>{t("outcome-due")}</dt>
                <dd>{date(&day)}</dd>
            })}
        </dl>
    }
}

/// Publication, then each update, oldest first.
#[component]
pub fn OutcomeTimeline(published_on: String, updates: Vec<OutcomeUpdateView>) -> impl IntoView {
    view! {
        <ol class="timeline">
            <li>
                <span class="hint">{date(&published_on)}</span>
                <span>{t("outcome-published")}</span>
            </li>
            {updates.into_iter().map(|update| view! {
                <li id=format!("update-{}", update.id)>
                    <span class="hint">{date(&update.written_on)}</span>
                    {update.stage.map(|stage| view! { <StageBadge stage/> })}
                    <PlainText text=update.body/>
                    <PhotoGallery key=format!("update-{}-photo", update.id) photos=update.photos/>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// The outcome as "Listen" reads it: the facts, then each update with its date, in the order
/// the page shows them.
#[cfg(feature = "ssr")]
pub fn spoken_outcome(outcome: &OutcomeView, locale: &Locale) -> String {
    let mut lines = vec![
        locale.text("outcome-title"),
        locale.text(&outcome.stage.label_key()),
        outcome.summary.clone(),
    ];
    if let Some(reason) = &outcome.not_possible_reason {
        lines.push(format!("{} {reason}", locale.text("outcome-why-not")));
    }
    if let Some(who) = &outcome.who_does {
        lines.push(format!("{}: {who}", locale.text("outcome-who")));
    }
    if let Some(day) = &outcome.due_on {
        let due = locale.date(day, DateIn::Plain);
        lines.push(format!("{}: {due}", locale.text("outcome-due")));
    }
    for update in &outcome.updates {
        lines.push(locale.date(&update.written_on, DateIn::Plain));
        lines.extend(update.stage.map(|stage| locale.text(&stage.label_key())));
        lines.push(update.body.clone());
    }
    spoken_lines(lines)
}
