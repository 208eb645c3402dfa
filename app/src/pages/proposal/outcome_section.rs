//! The outcome on a proposal's page: what became of it, as a timeline; and for staff, the forms
//! to publish or correct it and to add a dated update with photos.
use super::add_outcome_update::AddOutcomeUpdate;
use super::publish_outcome::PublishOutcome;
use crate::components::{
    FormMessage, Icon, IconSvg, OutcomeFacts, OutcomeTimeline, ReadingForm, TextArea, TextField,
};
use crate::domain::{OutcomeStage, OutcomeText, ReadingOf, WhoDoes};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::views::outcomes::OutcomeView;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn OutcomeSection(
    proposal: i32,
    outcome: Option<OutcomeView>,
    can_publish: bool,
) -> impl IntoView {
    if outcome.is_none() && !can_publish {
        return None;
    }
    let published = outcome.is_some();
    Some(view! {
        <section class="outcome" id="outcome" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t("outcome-title")}</h2>
            {outcome.clone().map(|outcome| {
                let published_on = outcome.published_on.clone();
                let updates = outcome.updates.clone();
                let poster = format!("/outcomes/{}/poster", outcome.id);
                view! {
                    <OutcomeFacts outcome/>
                    {can_publish.then(|| view! {
                        <ReadingForm kind=ReadingOf::Outcome id=proposal/>
                        <p><a class="button" href=poster>
                            <IconSvg icon=Icon::Print/><span>{t("poster-print")}</span>
                        </a></p>
                    })}
                    <h3>{t("outcome-timeline")}</h3>
                    <OutcomeTimeline published_on updates/>
                }
            })}
            {(!published).then(|| view! { <p class="hint">{t("outcome-none-yet")}</p> })}
            {can_publish.then(|| view! {
                <PublishForm proposal current=outcome.clone()/>
                {published.then(|| view! { <UpdateForm proposal/> })}
            })}
        </section>
    })
}

/// Publishing (or correcting) the outcome; folded once it is published.
#[component]
fn PublishForm(proposal: i32, current: Option<OutcomeView>) -> impl IntoView {
    let action = ServerAction::<PublishOutcome>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let stage = error
        .typed_value("stage")
        .or_else(|| current.as_ref().map(|c| c.stage.as_str().to_owned()))
        .unwrap_or_else(|| OutcomeStage::Planned.as_str().to_owned());
    let stage_message = error.as_ref().and_then(|e| e.message_for("stage")).map(t);
    let due_on = error
        .typed_value("due_on")
        .or_else(|| current.as_ref().and_then(|c| c.due_on.clone()))
        .unwrap_or_default();
    let due_message = error.as_ref().and_then(|e| e.message_for("due_on")).map(t);
    let due_invalid = due_message.is_some();
    let stage_described = stage_message.is_some().then_some("stage-error");
    let open = error.is_some() || current.is_none();
    let summary_label = if current.is_some() {
        "outcome-correct"
    } else {
        "outcome-publish"
    };
    view! {
        <details class="staff-form" open=open>
            <summary><IconSvg icon=Icon::Pencil/><span>{t(summary_label)}</span></summary>
            <ActionForm action=action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="proposal" value=proposal/>
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                {error.as_ref().and_then(|e| e.message_for("outcome")).map(|m| view! {
                    <p class="form-error" role="alert">{t(m)}</p>
                })}
                <TextArea name="summary" label="outcome-summary" hint="outcome-summary-hint"
                    error=error.clone() rows=4 max_length=OutcomeText::MAX
                    value=current.as_ref().map(|c| c.summary.clone()).unwrap_or_default()/>
                <TextField name="who_does" label="outcome-who-does" hint="outcome-who-does-hint"
                    error=error.clone() max_length=WhoDoes::MAX
                    value=current.as_ref().and_then(|c| c.who_does.clone()).unwrap_or_default()/>
                <div class="field" class:invalid=due_invalid>
                    <label for="due_on">{t("outcome-due-on")}</label>
                    <input type="date" id="due_on" name="due_on" value=due_on
                        aria-describedby=due_invalid.then_some("due_on-error")/>
                    {due_message.map(|m| view! { <p class="field-error" id="due_on-error">{m}</p> })}
                </div>
                <fieldset class="field" aria-describedby=stage_described>
                    <legend>{t("outcome-stage")}</legend>
                    {stage_message.map(|m| view! { <p class="field-error" id="stage-error">{m}</p> })}
                    {OutcomeStage::ALL.into_iter().map(|option| view! {
                        <label class="choice">
                            <input type="radio" name="stage" value=option.as_str()
                                checked=stage == option.as_str()/>
                            <IconSvg icon=Icon::for_stage(option)/>
                            <span>{t(&option.label_key())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <TextArea name="reason" label="outcome-reason" hint="outcome-reason-hint"
                    error=error.clone() rows=3 max_length=OutcomeText::MAX
                    value=current.as_ref().and_then(|c| c.not_possible_reason.clone()).unwrap_or_default()/>
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Changed/><span>{t(summary_label)}</span>
                </button>
            </ActionForm>
        </details>
    }
}

/// A dated update with photos, optionally moving the stage. Posted as multipart.
#[component]
fn UpdateForm(proposal: i32) -> impl IntoView {
    let error = AppError::from_form_post(AddOutcomeUpdate::PATH);
    let stage = error.typed_or("stage", "");
    let stage_message = error.as_ref().and_then(|e| e.message_for("stage")).map(t);
    let stage_invalid = stage_message.is_some();
    let open = error.is_some();
    view! {
        <details class="staff-form" open=open>
            <summary><IconSvg icon=Icon::Plus/><span>{t("outcome-add-update")}</span></summary>
            <form method="post" action=AddOutcomeUpdate::PATH enctype="multipart/form-data"
                class="form" novalidate=true>
                <input type="hidden" name="proposal" value=proposal/>
                <FormMessage error=error.clone()/>
                <TextArea name="body" label="outcome-update-body" hint="outcome-update-hint"
                    error=error.clone() rows=4 max_length=OutcomeText::MAX/>
                <div class="field" class:invalid=stage_invalid>
                    <label for="update-stage">{t("outcome-update-stage")}</label>
                    <select id="update-stage" name="stage">
                        <option value="" selected=stage.is_empty()>{t("outcome-stage-same")}</option>
                        {OutcomeStage::ALL.into_iter().map(|option| view! {
                            <option value=option.as_str() selected=stage == option.as_str()>
                                {t(&option.label_key())}
                            </option>
                        }).collect_view()}
                    </select>
                    {stage_message.map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <crate::components::PhotoFields error=error/>
                <crate::components::SendProgress/>
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Plus/><span>{t("outcome-add-update")}</span>
                </button>
            </form>
        </details>
    }
}
