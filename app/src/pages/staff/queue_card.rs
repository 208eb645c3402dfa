//! One item in the moderation queue: what was written, by whom, why it is here, and the actions.
//! Every action is its own small form, so each works without JavaScript.
use super::approve_content::ApproveContent;
use super::dismiss_reports::DismissReports;
use super::edit_content::EditContent;
use super::hide_content::HideContent;
use super::lock_discussion::LockDiscussion;
use super::merge_proposal::MergeProposal;
use super::restore_content::RestoreContent;
use crate::components::{
    FieldError, Icon, IconSvg, ModerationMarks, PlainText, TextBox, VoicePlayer,
};
use crate::domain::{CommentText, HideReason, ProposalBody, ProposalTitle, StaffNote};
use crate::error::{AppError, Refused};
use crate::i18n::{date, t, t_with};
use crate::views::moderation::QueueItem;
use leptos::prelude::*;

/// The queue's actions, made once per page and shared by every card.
#[derive(Clone, Copy)]
pub struct QueueActions {
    hide: ServerAction<HideContent>,
    restore: ServerAction<RestoreContent>,
    dismiss: ServerAction<DismissReports>,
    approve: ServerAction<ApproveContent>,
    edit: ServerAction<EditContent>,
    lock: ServerAction<LockDiscussion>,
    merge: ServerAction<MergeProposal>,
}

impl QueueActions {
    pub fn new() -> Self {
        Self {
            hide: ServerAction::new(),
            restore: ServerAction::new(),
            dismiss: ServerAction::new(),
            approve: ServerAction::new(),
            edit: ServerAction::new(),
            lock: ServerAction::new(),
            merge: ServerAction::new(),
        }
    }

    /// The failure of whichever action was just tried, if any.
    pub fn error(&self) -> Option<AppError> {
        let err = |v: Option<Result<(), AppError>>| v.and_then(Result::err);
        err(self.hide.value().get_untracked())
            .or_else(|| err(self.restore.value().get_untracked()))
            .or_else(|| err(self.dismiss.value().get_untracked()))
            .or_else(|| err(self.approve.value().get_untracked()))
            .or_else(|| err(self.edit.value().get_untracked()))
            .or_else(|| err(self.lock.value().get_untracked()))
            .or_else(|| err(self.merge.value().get_untracked()))
    }
}

/// Which item a form acts on.
fn item_inputs(kind: &'static str, id: i32) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="kind" value=kind/>
        <input type="hidden" name="id" value=id/>
    }
}

#[component]
pub fn QueueCard(item: QueueItem, actions: QueueActions, error: Option<AppError>) -> impl IntoView {
    let key = format!("{}-{}", item.kind, item.id);
    let is_proposal = item.kind == "proposal";
    let link = if is_proposal {
        format!("/proposals/{}", item.proposal_id)
    } else {
        format!("/proposals/{}#comment-{}", item.proposal_id, item.id)
    };
    let heading = if is_proposal {
        t_with("queue-proposal", &[("id", item.id.into())])
    } else {
        t_with(
            "queue-comment",
            &[("title", item.proposal_title.clone().into())],
        )
    };
    // Messages that belong to a button rather than a field.
    let general = ["approve", "restore", "dismiss", "lock"]
        .into_iter()
        .find_map(|field| error.field_message(field));
    let hidden = item.marks.hidden_reason.is_some();
    let has_reports = !item.reasons.is_empty();
    let kind = if is_proposal { "proposal" } else { "comment" };
    let id = item.id;
    let by = t_with(
        "queue-by",
        &[
            ("name", item.author.clone().into()),
            ("date", date(&item.on).into()),
        ],
    );
    view! {
        <article class="queue-card" id=key.clone()>
            <h3><a href=link>{heading}</a></h3>
            <p class="hint">{by}</p>
            {is_proposal.then(|| view! { <p class="queue-title">{item.proposal_title.clone()}</p> })}
            {item.voice.clone().map(|voice| view! { <VoicePlayer voice label=t("voice-of-author")/> })}
            {if item.awaiting_text {
                view! { <p class="notice">{t("voice-write-first")}</p> }.into_any()
            } else {
                view! { <blockquote class="queue-text"><PlainText text=item.text.clone()/></blockquote> }.into_any()
            }}
            <ModerationMarks marks=item.marks.clone()/>
            <Reasons reasons=item.reasons.clone() notes=item.notes.clone()/>
            {general.map(|m| view! { <p class="form-error" role="alert">{t(&m)}</p> })}
            <div class="queue-actions">
                {item.waiting.then(|| view! {
                    <ActionForm action=actions.approve attr:class="inline-form">
                        {item_inputs(kind, id)}
                        <button type="submit" class="button primary"><IconSvg icon=Icon::Check/><span>{t("approve")}</span></button>
                    </ActionForm>
                })}
                {(has_reports && !hidden).then(|| view! {
                    <ActionForm action=actions.dismiss attr:class="inline-form">
                        {item_inputs(kind, id)}
                        <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("dismiss-reports")}</span></button>
                    </ActionForm>
                })}
                {hidden.then(|| view! {
                    <ActionForm action=actions.restore attr:class="inline-form">
                        {item_inputs(kind, id)}
                        <button type="submit" class="button"><IconSvg icon=Icon::Undo/><span>{t("restore")}</span></button>
                    </ActionForm>
                })}
                <ActionForm action=actions.lock attr:class="inline-form">
                    {item_inputs("proposal", item.proposal_id)}
                    <input type="hidden" name="lock" value=if item.locked { "no" } else { "yes" }/>
                    <button type="submit" class="button">
                        <IconSvg icon=Icon::Lock/>
                        <span>{if item.locked { t("unlock-discussion") } else { t("lock-discussion") }}</span>
                    </button>
                </ActionForm>
            </div>
            {(!hidden).then(|| view! { <HideForm action=actions.hide key=key.clone() kind id error=error.clone()/> })}
            <EditForm action=actions.edit key=key.clone() item=item.clone() error=error.clone()/>
            {item.mergeable.then(|| view! { <MergeForm action=actions.merge key=key.clone() id error=error.clone()/> })}
        </article>
    }
}

#[component]
fn Reasons(reasons: Vec<(String, u32)>, notes: Vec<String>) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        view! {
            <ul class="queue-reasons" aria-label=t("queue-reasons")>
                {reasons.into_iter().map(|(reason, count)| view! {
                    <li>
                        <IconSvg icon=Icon::Warning/>
                        <span>{t_with("queue-reason", &[("reason", t(&reason).into()), ("count", count.into())])}</span>
                    </li>
                }).collect_view()}
                {notes.into_iter().map(|note| view! { <li class="hint">"„" {note} "“"</li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn HideForm(
    action: ServerAction<HideContent>,
    key: String,
    kind: &'static str,
    id: i32,
    error: Option<AppError>,
) -> impl IntoView {
    view! {
        <ActionForm action=action attr:class="form hide-form">
            {item_inputs(kind, id)}
            <div class="field">
                <label for=format!("{key}-reason")>{t("hide-why")}</label>
                // Nothing chosen at first: the reason is shown to everyone, so a hurried click
                // must not hide with the wrong one.
                <select id=format!("{key}-reason") name="reason">
                    <option value="" selected=true>{t("hide-reason-choose")}</option>
                    {HideReason::CODES.into_iter().map(|code| view! {
                        <option value=code>{t(&HideReason::label_key(code).unwrap_or_default())}</option>
                    }).collect_view()}
                    <option value="other">{t("hide-reason-other")}</option>
                </select>
                <FieldError id=format!("{key}-reason-error") message=error.field_message("reason")/>
            </div>
            <div class="field">
                <label for=format!("{key}-written")>{t("hide-written")}</label>
                <input id=format!("{key}-written") name="written" type="text" maxlength=StaffNote::MAX/>
                <FieldError id=format!("{key}-written-error") message=error.field_message("written")/>
            </div>
            <button type="submit" class="button danger"><IconSvg icon=Icon::Cross/><span>{t("hide")}</span></button>
        </ActionForm>
    }
}

#[component]
fn EditForm(
    action: ServerAction<EditContent>,
    key: String,
    item: QueueItem,
    error: Option<AppError>,
) -> impl IntoView {
    let is_proposal = item.kind == "proposal";
    // A voice-only post's words are a note: staff write them from the recording, so the form
    // is open and starts empty.
    let open = item.awaiting_text
        || ["title", "text", "note"]
            .iter()
            .any(|field| error.field_message(field).is_some());
    let (title, text, note) = if item.awaiting_text {
        (String::new(), String::new(), t("voice-written-note"))
    } else {
        (item.proposal_title, item.text, String::new())
    };
    let title = error.typed_value("title").unwrap_or(title);
    let text = error.typed_value("text").unwrap_or(text);
    let note = error.typed_value("note").unwrap_or(note);
    let text_max = if is_proposal {
        ProposalBody::MAX
    } else {
        CommentText::MAX
    };
    view! {
        <details class="edit" open=open>
            <summary><IconSvg icon=Icon::Pencil/><span>{t("moderator-edit")}</span></summary>
            <ActionForm action=action attr:class="form">
                {item_inputs(if is_proposal { "proposal" } else { "comment" }, item.id)}
                {is_proposal.then(|| view! {
                    <div class="field">
                        <label for=format!("{key}-title")>{t("proposal-title")}</label>
                        <input id=format!("{key}-title") name="title" type="text" maxlength=ProposalTitle::MAX value=title/>
                        <FieldError id=format!("{key}-title-error") message=error.field_message("title")/>
                    </div>
                })}
                <div class="field">
                    <label for=format!("{key}-text")>{t("moderator-edit-text")}</label>
                    <TextBox id=format!("{key}-text") name="text" rows=4 max_length=text_max text=text/>
                    <FieldError id=format!("{key}-text-error") message=error.field_message("text")/>
                </div>
                <div class="field">
                    <label for=format!("{key}-note")>{t("moderator-edit-note")}</label>
                    <input id=format!("{key}-note") name="note" type="text" maxlength=StaffNote::MAX
                        value=note/>
                    <FieldError id=format!("{key}-note-error") message=error.field_message("note")/>
                </div>
                <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("save")}</span></button>
            </ActionForm>
        </details>
    }
}

#[component]
fn MergeForm(
    action: ServerAction<MergeProposal>,
    key: String,
    id: i32,
    error: Option<AppError>,
) -> impl IntoView {
    let into_message = error.field_message("into");
    let open = into_message.is_some();
    view! {
        <details class="edit" open=open>
            <summary><IconSvg icon=Icon::Merge/><span>{t("merge")}</span></summary>
            <ActionForm action=action attr:class="form">
                {item_inputs("proposal", id)}
                <div class="field">
                    <label for=format!("{key}-into")>{t("merge-into")}</label>
                    <input id=format!("{key}-into") name="into" type="text" inputmode="numeric"
                        value=error.typed_value("into").unwrap_or_default()/>
                    <FieldError id=format!("{key}-into-error") message=into_message/>
                </div>
                <button type="submit" class="button"><IconSvg icon=Icon::Merge/><span>{t("merge")}</span></button>
            </ActionForm>
        </details>
    }
}
