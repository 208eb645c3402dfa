//! An outcome as residents see it: its stage, the decision in plain words, who does what by when,
//! and the dated updates as a timeline with their photos.
use super::photo_gallery::PhotoGallery;
use super::{Icon, IconSvg, PlainText};
use crate::domain::OutcomeStage;
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
