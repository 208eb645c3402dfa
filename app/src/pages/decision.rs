//! `/decisions/{id}`: one decision — the rule in plain words, voting with big buttons (the
//! member's own choice only, changeable until the close), and the results once it has closed.
mod cancel_decision;
mod cast_dots;
mod cast_vote;
mod close_decision;
mod get_decision;
mod result_chart;

use crate::components::{
    DecisionWords, FormMessage, Icon, IconSvg, Listen, PageTitle, ReadingForm, ResultWords,
    TextBox, choice_key, ranked_by_dots, shown_title,
};
use crate::domain::{Choice, DecisionKind, ReadingOf};
use crate::error::AppError;
use crate::i18n::{t, t_with, use_locale};
use crate::views::decisions::{DecisionResult, DecisionState, DecisionView};
use cancel_decision::CancelDecision;
use cast_dots::CastDots;
use cast_vote::CastVote;
use close_decision::CloseDecision;
use get_decision::get_decision;
use leptos::prelude::*;
use result_chart::{DotsChart, ResultChart};

fn choice_icon(choice: Choice) -> Icon {
    match choice {
        Choice::Yes => Icon::Check,
        Choice::No => Icon::Cross,
        Choice::Abstain => Icon::Dots,
    }
}

#[component]
pub fn DecisionPage() -> impl IntoView {
    let id = super::id_in_address();
    let vote = ServerAction::<CastVote>::new();
    let dots = ServerAction::<CastDots>::new();
    let close = ServerAction::<CloseDecision>::new();
    let cancel = ServerAction::<CancelDecision>::new();
    let errors = [
        vote.value()
            .get_untracked()
            .and_then(Result::err)
            .or(dots.value().get_untracked().and_then(Result::err)),
        close.value().get_untracked().and_then(Result::err),
        cancel.value().get_untracked().and_then(Result::err),
    ];
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else {
                    return view! { <crate::components::NotFound/> }.into_any();
                };
                match get_decision(id).await {
                    Ok(decision) => view! {
                        <Decision decision vote dots close cancel errors=errors.clone()/>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::components::NotFound/> }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Decision(
    decision: DecisionView,
    vote: ServerAction<CastVote>,
    dots: ServerAction<CastDots>,
    close: ServerAction<CloseDecision>,
    cancel: ServerAction<CancelDecision>,
    errors: [Option<AppError>; 3],
) -> impl IntoView {
    let [vote_error, close_error, cancel_error] = errors;
    let words = DecisionWords::new(&decision, &use_locale());
    let field_message = |error: &Option<AppError>, field: &str| {
        error.as_ref().and_then(|e| e.message_for(field)).map(t)
    };
    let vote_message = field_message(&vote_error, "choice").or(field_message(&vote_error, "dots"));
    let manage_message =
        field_message(&close_error, "decision").or(field_message(&cancel_error, "reason"));
    let id = decision.id;
    let title = words.title.clone();
    view! {
        <PageTitle text=title.clone()/>
        <article class="decision">
            <p class="proposal-meta">
                <span class=format!("status decision-{:?}", decision.state).to_lowercase()>
                    <IconSvg icon=Icon::for_decision(decision.state)/>
                    <span>{t(decision.state.label_key())}</span>
                </span>
            </p>
            <h1>{title}</h1>
            {decision.listen.clone().map(|audio| view! { <Listen audio/> })}
            // A poll links each proposal beside its dots instead.
            {(decision.kind == DecisionKind::Single).then(|| decision.proposals.iter().map(|(pid, _)| view! {
                <p><a class="action-link" href=format!("/proposals/{pid}")><IconSvg icon=Icon::Proposals/><span>{t("decision-read-proposal")}</span></a></p>
            }).collect_view())}
            {match words.at_meeting {
                Some(at_meeting) => view! { <p class="notice">{at_meeting}</p> }.into_any(),
                None => view! { <p class="hint">{words.times}</p> }.into_any(),
            }}
            <p>{words.who}</p>
            {words.rule.map(|rule| view! { <p class="rule">{rule}</p> })}
            <FormMessage error=vote_error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            {vote_message.map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            {(decision.state == DecisionState::Open && decision.took_part).then(|| view! { <crate::components::PushPrompt/> })}
            {match decision.state {
                DecisionState::Open if decision.kind == DecisionKind::Priority => {
                    view! { <DotsBallot decision=decision.clone() dots/> }.into_any()
                }
                DecisionState::Open => view! { <Ballot decision=decision.clone() vote/> }.into_any(),
                DecisionState::Closed => decision.result.clone().zip(words.result).map(|(result, said)| view! {
                    <Results result said took_part=decision.took_part/>
                }).into_any(),
                DecisionState::Cancelled => view! {
                    <p class="notice">{words.cancelled}</p>
                }.into_any(),
                DecisionState::Scheduled => view! { <p class="notice">{t("vote-not-open-yet")}</p> }.into_any(),
            }}
            {decision.can_manage.then(|| view! {
                <section class="manage" aria-labelledby="manage-title">
                    <h2 id="manage-title">{t("decision-manage")}</h2>
                    {manage_message.map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    // "Listen" in a person's voice, e.g. in Romani.
                    <ReadingForm kind=ReadingOf::Decision id=id/>
                    <p><a class="button" href=format!("/decisions/{id}/poster")>
                        <IconSvg icon=Icon::Print/><span>{t("poster-print")}</span>
                    </a></p>
                    {(decision.state == DecisionState::Open && decision.kind == DecisionKind::Single).then(|| view! {
                        <p><a class="button" href=format!("/decisions/{id}/assist")>
                            <IconSvg icon=Icon::People/><span>{t("assist-link")}</span>
                        </a></p>
                    })}
                    {(decision.state == DecisionState::Open).then(|| view! {
                        <ActionForm action=close attr:class="form">
                            <input type="hidden" name="decision" value=id/>
                            <p class="hint">{t("close-now-explain")}</p>
                            <button type="submit" class="button"><IconSvg icon=Icon::Lock/><span>{t("close-now")}</span></button>
                        </ActionForm>
                    })}
                    <details class="cancel">
                        <summary><IconSvg icon=Icon::Cross/><span>{t("cancel-decision")}</span></summary>
                        <ActionForm action=cancel attr:class="form">
                            <input type="hidden" name="decision" value=id/>
                            <div class="field">
                                <label for="reason">{t("cancel-reason")}</label>
                                <TextBox id="reason".to_owned() name="reason" rows=3 max_length=500/>
                            </div>
                            <button type="submit" class="button danger"><IconSvg icon=Icon::Cross/><span>{t("cancel-confirm")}</span></button>
                        </ActionForm>
                    </details>
                </section>
            })}
        </article>
    }
}

/// Three big buttons, one form each (the islands router sends no button values). The member's
/// saved choice is marked, and a new tap replaces it.
#[component]
fn Ballot(decision: DecisionView, vote: ServerAction<CastVote>) -> impl IntoView {
    if let Some(reason) = decision.cannot_vote {
        return view! { <p class="notice">{t(reason.message_key())}</p> }.into_any();
    }
    let saved = decision.my_choice.map(|choice| {
        view! {
            <p class="vote-saved" role="status">
                <IconSvg icon=Icon::Check/>
                <span>{t_with("vote-saved", &[("choice", t(choice_key(choice)).into())])}</span>
            </p>
        }
    });
    view! {
        <section class="ballot" aria-labelledby="ballot-title">
            <h2 id="ballot-title">{if decision.my_choice.is_some() { t("vote-change") } else { t("vote-now") }}</h2>
            {saved}
            <div class="ballot-choices">
                {Choice::ALL.into_iter().map(|choice| {
                    let chosen = decision.my_choice == Some(choice);
                    view! {
                        <ActionForm action=vote attr:class="ballot-choice">
                            <input type="hidden" name="decision" value=decision.id/>
                            <input type="hidden" name="choice" value=choice.as_str()/>
                            <button type="submit" class=format!("button vote vote-{}", choice.as_str())
                                aria-pressed=if chosen { "true" } else { "false" }>
                                <IconSvg icon=choice_icon(choice)/>
                                <span>{t(choice_key(choice))}</span>
                            </button>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

/// A number for each proposal; the member spreads their dots and saves them all at once.
#[component]
fn DotsBallot(decision: DecisionView, dots: ServerAction<CastDots>) -> impl IntoView {
    if let Some(reason) = decision.cannot_vote {
        return view! { <p class="notice">{t(reason.message_key())}</p> }.into_any();
    }
    let (per_voter, per_proposal) = decision.dots.unwrap_or((0, 0));
    let saved = decision.took_part.then(|| {
        view! {
            <p class="vote-saved" role="status">
                <IconSvg icon=Icon::Check/><span>{t("dots-saved")}</span>
            </p>
        }
    });
    view! {
        <section class="ballot" aria-labelledby="ballot-title">
            <h2 id="ballot-title">{t("dots-title")}</h2>
            <p>{t_with("dots-hint", &[("dots", i64::from(per_voter).into()), ("most", i64::from(per_proposal).into())])}</p>
            {saved}
            <ActionForm action=dots attr:class="form">
                <input type="hidden" name="decision" value=decision.id/>
                {decision.proposals.iter().zip(decision.my_dots.iter().chain(std::iter::repeat(&0))).enumerate().map(|(i, ((pid, title), mine))| {
                    let input = format!("dots-{i}");
                    view! {
                        <div class="field dots-field">
                            <label for=input.clone()>{shown_title(*pid, title.clone())}</label>
                            <a class="action-link" href=format!("/proposals/{pid}")><IconSvg icon=Icon::Proposals/><span>{t("decision-read-proposal")}</span></a>
                            <input id=input type="number" name="dots[]" min="0" max=per_proposal
                                value=mine.to_string() inputmode="numeric"/>
                        </div>
                    }
                }).collect_view()}
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Check/><span>{t("dots-save")}</span>
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
fn Results(result: DecisionResult, said: ResultWords, took_part: bool) -> impl IntoView {
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{t("result-title")}</h2>
            <p class=format!("outcome outcome-{}", result.outcome.as_str())><strong>{said.outcome}</strong></p>
            <p>{said.turnout}</p>
            {took_part.then(|| view! { <p class="hint">{t("vote-took-part")}</p> })}
            {if ranked_by_dots(&result) {
                let mut ranked = result.tallies.clone();
                ranked.sort_by_key(|row| std::cmp::Reverse(row.dots));
                view! { <DotsChart rows=ranked/> }.into_any()
            } else {
                result.tallies.into_iter().map(|row| view! { <ResultChart row/> }).collect_view().into_any()
            }}
        </section>
    }
}
