//! `/proposals/{id}`: a proposal — its text, category, place, author, history and supporters.
mod add_outcome_update;
mod delete_comment;
mod discussion;
mod edit_comment;
mod get_outcome;
mod list_comments;
mod outcome_section;
mod publish_outcome;
mod report_content;
mod report_form;
mod send_voice_comment;
mod support_proposal;
mod withdraw_proposal;

use crate::components::{
    CategoryBadge, FormMessage, Icon, IconSvg, Listen, ModerationMarks, PageTitle, PhotoGallery,
    PlainText, ReadingForm, StaffBadge, StatusBadge, VoicePlayer,
};
use crate::domain::{ProposalStatus, ReadingOf};
use crate::error::AppError;
use crate::i18n::{t, t_with};
use crate::islands::ReadAloud;
use crate::serverfns::get_proposal;
use crate::views::proposals::ProposalDetail;
use discussion::Discussion;
use leptos::prelude::*;
use list_comments::list_comments;
use outcome_section::OutcomeSection;
use report_content::ReportContent;
use report_form::ReportForm;
use support_proposal::SupportProposal;
use withdraw_proposal::WithdrawProposal;

#[component]
pub fn ProposalPage() -> impl IntoView {
    let id = super::id_in_address();
    // Just proposed: the author is told it arrived (`create_proposal` adds `?sent`).
    let sent = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("sent")
        .is_some();
    let support = ServerAction::<SupportProposal>::new();
    let support_error = support.value().get_untracked().and_then(Result::err);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else {
                    return view! { <crate::components::NotFound/> }.into_any();
                };
                match get_proposal(id).await {
                    Ok(detail) => {
                        let locked = detail.locked;
                        // A part that cannot be read makes the page say so (with an error
                        // status), rather than show the proposal as if it had no comments.
                        let comments = match list_comments(id).await {
                            Ok(comments) => comments,
                            Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                        };
                        let outcome = match get_outcome::get_outcome(id).await {
                            Ok(outcome) => outcome,
                            Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                        };
                        let glance = outcome.as_ref().map(|o| (o.stage, o.summary.clone()));
                        let sent_message = (sent && detail.can_change).then(|| {
                            if detail.status == ProposalStatus::Submitted {
                                t("proposal-sent-waiting")
                            } else {
                                t("proposal-sent")
                            }
                        });
                        let visitor = crate::visitor::use_visitor();
                        let signed_in = visitor.member.is_some();
                        let can_publish = matches!(detail.status, ProposalStatus::Accepted | ProposalStatus::Rejected)
                            && crate::permissions::allows(visitor.member.as_ref(), crate::permissions::Action::PublishOutcomes, true);
                        let report = ServerAction::<ReportContent>::new();
                        let report_error = report.value().get_untracked().and_then(Result::err);
                        view! {
                            <FormMessage error=report_error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                            {report_error.as_ref().and_then(|e| e.message_for("note").or(e.message_for("reason"))).map(|m| view! {
                                <p class="form-error" role="alert">{t(m)}</p>
                            })}
                            {sent_message.map(|message| view! {
                                <p class="notice sent" role="status"><IconSvg icon=Icon::Check/><span>{message}</span></p>
                                <crate::components::PushPrompt/>
                            })}
                            <Proposal detail support support_error report signed_in glance/>
                            <OutcomeSection proposal=id outcome can_publish/>
                            <Discussion proposal=id comments signed_in locked report/>
                        }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <crate::components::NotFound/> }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Proposal(
    detail: ProposalDetail,
    support: ServerAction<SupportProposal>,
    support_error: Option<AppError>,
    report: ServerAction<ReportContent>,
    signed_in: bool,
    /// What happens next (stage and summary), shown beside the "accepted" badge; the whole
    /// outcome is further down.
    glance: Option<(crate::domain::OutcomeStage, String)>,
) -> impl IntoView {
    let supporters = t_with(
        "supporters-count",
        &[("count", i64::from(detail.support_count).into())],
    );
    let support_message = support_error
        .as_ref()
        .and_then(|e| e.message_for("support"))
        .map(t);
    // A hidden proposal reaches all but staff without its words; it is named by its number.
    let title = if detail.title.is_empty() {
        t_with("hidden-proposal-title", &[("id", detail.id.into())])
    } else {
        detail.title.clone()
    };
    view! {
        <PageTitle text=title.clone()/>
        <article class="proposal">
            <p class="proposal-meta">
                <CategoryBadge category=detail.category.clone()/>
                <StatusBadge status=detail.status/>
            </p>
            <h1>{title}</h1>
            {glance.map(|(stage, summary)| view! {
                <p class="outcome-glance">
                    <IconSvg icon=Icon::for_stage(stage)/>
                    <span>
                        <strong>{format!("{}: {}.", t("outcome-title"), t(&stage.label_key()))}</strong>
                        " "{summary}" "<a href="#outcome">{t("outcome-more")}</a>
                    </span>
                </p>
            })}
            <ModerationMarks marks=detail.marks.clone()/>
            {detail.merged_into.map(|into| view! {
                <p class="moderation-mark">
                    <IconSvg icon=Icon::Merge/>
                    <a href=format!("/proposals/{into}")>{t_with("merged-into", &[("id", into.into())])}</a>
                </p>
            })}
            {detail.can_moderate.then(|| view! {
                <p><a class="button" href=format!("/staff?item=proposal-{}", detail.id)>
                    <IconSvg icon=Icon::Tools/><span>{t("moderate")}</span>
                </a></p>
            })}
            <p class="hint">
                {t_with("proposal-by", &[("name", detail.author.clone().into()), ("date", crate::i18n::date(&detail.created_on).into())])}
                {detail.edited.then(|| format!(" · {}", t("edited")))}
                " "<StaffBadge show=detail.author_is_staff/>
            </p>
            {detail.place.clone().map(|place| view! {
                <p class="place"><IconSvg icon=Icon::Place/><span>{place}</span></p>
            })}
            <PlainText text=detail.body.clone()/>
            <PhotoGallery key="photo" photos=detail.photos.clone()/>
            {detail.decision_id.map(|decision| view! {
                <p class="decision-link">
                    <a class="button primary" href=format!("/decisions/{decision}")>
                        <IconSvg icon=Icon::Decisions/>
                        <span>{if detail.status == crate::domain::ProposalStatus::Voting { t("vote-now") } else { t("decision-see") }}</span>
                    </a>
                </p>
            })}
            {detail.can_open_decision.then(|| view! {
                <p><a class="button" href=format!("/proposals/{}/decide", detail.id)>
                    <IconSvg icon=Icon::Decisions/><span>{t("open-decision")}</span>
                </a></p>
                <p><a class="button" href=format!("/proposals/{}/meeting", detail.id)>
                    <IconSvg icon=Icon::People/><span>{t("record-meeting")}</span>
                </a></p>
            })}
            {detail.voice.clone().map(|voice| view! { <VoicePlayer voice label=t("voice-of-author")/> })}
            {match detail.listen.clone() {
                Some(audio) => view! { <Listen audio/> }.into_any(),
                // Said only by voice so far: its words are a note, not worth reading aloud.
                None if detail.awaiting_text => ().into_any(),
                // The server cannot speak: the browser's own voice, where the phone has one.
                None => view! {
                    <ReadAloud
                        text=format!("{}. {}", detail.title, detail.body)
                        language=crate::i18n::use_locale().tag()
                        read_label=t("read-aloud")
                        stop_label=t("read-aloud-stop")
                    />
                }.into_any(),
            }}
            // The author or staff may read it aloud themselves, e.g. in Romani.
            {(detail.can_change && !detail.awaiting_text).then(|| view! {
                <ReadingForm kind=ReadingOf::Proposal id=detail.id/>
            })}
            <section class="support" aria-labelledby="supporters">
                <p id="supporters" class="supporters"><IconSvg icon=Icon::Heart/><span>{supporters}</span></p>
                {support_message.map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                {detail.can_support.then(|| view! {
                    <ActionForm action=support attr:class="support-form">
                        <input type="hidden" name="proposal" value=detail.id/>
                        <input type="hidden" name="want" value=if detail.supported_by_me { "no" } else { "yes" }/>
                        {if detail.supported_by_me {
                            view! {
                                <p class="supported"><IconSvg icon=Icon::Check/><span>{t("support-given")}</span></p>
                                <button type="submit" class="button"><IconSvg icon=Icon::Undo/><span>{t("support-take-back")}</span></button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="submit" class="button primary">
                                    <IconSvg icon=Icon::Heart/><span>{t("support")}</span>
                                </button>
                            }.into_any()
                        }}
                    </ActionForm>
                })}
                // Decided: supporting is over, but the member still sees that they did.
                {(!detail.can_support && detail.supported_by_me).then(|| view! {
                    <p class="supported"><IconSvg icon=Icon::Check/><span>{t("support-given-past")}</span></p>
                })}
            </section>
            {(signed_in && detail.marks.hidden_reason.is_none()).then(|| view! { <ReportForm kind="proposal" id=detail.id reported=detail.reported_by_me action=report/> })}
            {detail.can_change.then(|| view! {
                <p><a class="button" href=format!("/proposals/{}/edit", detail.id)><IconSvg icon=Icon::Pencil/><span>{t("edit-proposal")}</span></a></p>
                <WithdrawForm proposal=detail.id/>
            })}
            <section aria-labelledby="history">
                <h2 id="history">{t("proposal-history")}</h2>
                <ol class="history">
                    {detail.history.into_iter().map(|change| view! {
                        <li><StatusBadge status=change.status/><span class="hint">{crate::i18n::date(&change.on)}</span></li>
                    }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

/// "Withdraw": folded, with a second tap to confirm, because it cannot be undone.
#[component]
fn WithdrawForm(proposal: i32) -> impl IntoView {
    let action = ServerAction::<WithdrawProposal>::new();
    let message = action
        .value()
        .get_untracked()
        .and_then(Result::err)
        .and_then(|e| e.message_for("withdraw").map(t));
    view! {
        {message.map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        <details class="report">
            <summary><IconSvg icon=Icon::Undo/><span>{t("withdraw")}</span></summary>
            <p class="hint">{t("withdraw-explain")}</p>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="proposal" value=proposal/>
                <button type="submit" class="button">
                    <IconSvg icon=Icon::Undo/><span>{t("withdraw-confirm")}</span>
                </button>
            </ActionForm>
        </details>
    }
}
