//! The discussion under a proposal: comments, one level of replies, and the forms to write,
//! reply, edit (for 15 minutes) and delete.
use super::delete_comment::DeleteComment;
use super::edit_comment::EditComment;
use super::report_content::ReportContent;
use super::report_form::ReportForm;
use super::send_voice_comment::SendVoiceComment;
use crate::components::{
    FieldError, FormMessage, Icon, IconSvg, Listen, ModerationMarks, PlainText, SendProgress,
    StaffBadge, TextArea, TextBox, VoiceField, VoicePlayer,
};
use crate::domain::CommentText;
use crate::error::{AppError, Refused};
use crate::i18n::{date, t, t_with};
use crate::serverfns::AddComment;
use crate::views::proposals::CommentView;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn Discussion(
    proposal: i32,
    comments: Vec<CommentView>,
    signed_in: bool,
    /// Moderators locked the discussion: comments stay, no new ones.
    locked: bool,
    report: ServerAction<ReportContent>,
) -> impl IntoView {
    let may_write = signed_in && !locked;
    let add = ServerAction::<AddComment>::new();
    let edit = ServerAction::<EditComment>::new();
    let delete = ServerAction::<DeleteComment>::new();
    let error = [
        add.value().get_untracked().and_then(Result::err),
        edit.value().get_untracked().and_then(Result::err),
        delete.value().get_untracked().and_then(Result::err),
    ]
    .into_iter()
    .flatten()
    .next();
    let count = comments
        .iter()
        .filter(|c| !c.deleted && c.marks.hidden_reason.is_none())
        .count();
    let (top, replies): (Vec<CommentView>, Vec<CommentView>) =
        comments.into_iter().partition(|c| c.parent_id.is_none());
    let heading = t_with(
        "comments-count",
        &[("count", i64::try_from(count).unwrap_or(0).into())],
    );
    let form_error = error
        .clone()
        .filter(|e| !matches!(e, AppError::Invalid { .. }));
    let new_form = view! {
        <ActionForm action=add attr:class="form comment-form">
            <input type="hidden" name="proposal" value=proposal/>
            <TextArea name="text" label="comment-label" error=error.clone() rows=3 max_length=CommentText::MAX/>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Comment/><span>{t("send")}</span>
            </button>
        </ActionForm>
    };
    view! {
        <section class="discussion" aria-labelledby="discussion">
            <h2 id="discussion">{heading}</h2>
            <FormMessage error=form_error/>
            // The form sits in a branch that changes with the number of comments, so that after
            // sending, the islands router replaces it and the sent text leaves the box.
            {may_write.then(|| if count % 2 == 0 { Either::Left(new_form) } else { Either::Right(new_form) })}
            {may_write.then(|| view! { <VoiceComment proposal/> })}
            {locked.then(|| view! {
                <p class="moderation-mark"><IconSvg icon=Icon::Lock/><span>{t("discussion-locked")}</span></p>
            })}
            {(!signed_in).then(|| view! {
                <p><a class="button" href="/login"><IconSvg icon=Icon::Key/><span>{t("comment-sign-in")}</span></a></p>
            })}
            <ol class="comments">
                {top.into_iter().map(|comment| {
                    let id = comment.id;
                    let thread: Vec<CommentView> = replies.iter().filter(|r| r.parent_id == Some(id)).cloned().collect();
                    view! {
                        <li>
                            <Comment comment edit delete report signed_in/>
                            {(!thread.is_empty()).then(|| view! {
                                <ol class="replies">
                                    {thread.into_iter().map(|reply| view! { <li><Comment comment=reply edit delete report signed_in/></li> }).collect_view()}
                                </ol>
                            })}
                            {may_write.then(|| view! {
                                <details class="reply">
                                    <summary><IconSvg icon=Icon::Reply/><span>{t("reply")}</span></summary>
                                    <ActionForm action=add attr:class="form">
                                        <input type="hidden" name="proposal" value=proposal/>
                                        <input type="hidden" name="parent" value=id/>
                                        <label for=format!("reply-{id}")>{t("reply-label")}</label>
                                        <TextBox id=format!("reply-{id}") name="text" rows=2 max_length=CommentText::MAX required=true/>
                                        <button type="submit" class="button"><IconSvg icon=Icon::Reply/><span>{t("send")}</span></button>
                                    </ActionForm>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// A comment said with the voice: its own form, since it carries a file (multipart, posted by
/// the browser itself); folded until asked for, or open with its message after a refusal.
#[component]
fn VoiceComment(proposal: i32) -> impl IntoView {
    let error = AppError::from_form_post(SendVoiceComment::PATH);
    let text = error.typed_value("text").unwrap_or_default();
    view! {
        <details class="voice-comment" open=error.is_some()>
            <summary><IconSvg icon=Icon::Microphone/><span>{t("voice-comment-open")}</span></summary>
            <form method="post" action=SendVoiceComment::PATH enctype="multipart/form-data"
                class="form" novalidate=true>
                <input type="hidden" name="proposal" value=proposal/>
                <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
                <VoiceField id="comment-voice".to_owned() error=error.clone()/>
                <div class="field">
                    <label for="voice-comment-text">{t("comment-label")}</label>
                    <TextBox id="voice-comment-text".to_owned() name="text" rows=2
                        max_length=CommentText::MAX text=text/>
                    <FieldError id="voice-comment-text-error".to_owned() message=error.field_message("text")/>
                </div>
                <SendProgress/>
                <button type="submit" class="button primary">
                    <IconSvg icon=Icon::Microphone/><span>{t("voice-send")}</span>
                </button>
            </form>
        </details>
    }
}

#[component]
fn Comment(
    comment: CommentView,
    edit: ServerAction<EditComment>,
    delete: ServerAction<DeleteComment>,
    report: ServerAction<ReportContent>,
    signed_in: bool,
) -> impl IntoView {
    let id = comment.id;
    view! {
        <article class="comment" id=format!("comment-{id}")>
            <p class="comment-meta">
                <strong>{comment.author}</strong>
                <StaffBadge show=comment.author_is_staff/>
                <span class="hint">{date(&comment.written_on)}</span>
                {comment.edited.then(|| view! { <span class="hint">{t("edited")}</span> })}
            </p>
            {if comment.deleted {
                Either::Left(view! { <p class="hint deleted">{t("comment-deleted")}</p> })
            } else {
                Either::Right(view! { <PlainText text=comment.text.clone()/> })
            }}
            {comment.voice.clone().map(|voice| view! { <VoicePlayer voice label=t("voice-of-author")/> })}
            {comment.listen.clone().map(|audio| view! { <Listen audio compact=true/> })}
            <ModerationMarks marks=comment.marks.clone()/>
            {comment.editable.then(|| view! {
                <details class="edit">
                    <summary><IconSvg icon=Icon::Pencil/><span>{t("comment-edit")}</span></summary>
                    <ActionForm action=edit attr:class="form">
                        <input type="hidden" name="comment" value=id/>
                        <label for=format!("edit-{id}")>{t("comment-label")}</label>
                        <TextBox id=format!("edit-{id}") name="text" rows=3 max_length=CommentText::MAX required=true text=comment.text.clone()/>
                        <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("save")}</span></button>
                    </ActionForm>
                </details>
            })}
            {(signed_in && !comment.mine && !comment.deleted && comment.marks.hidden_reason.is_none()).then(|| view! {
                <ReportForm kind="comment" id=id reported=comment.reported_by_me action=report/>
            })}
            {comment.mine.then(|| view! {
                // A second tap to confirm: deleting cannot be undone.
                <details class="edit">
                    <summary><IconSvg icon=Icon::Trash/><span>{t("comment-delete")}</span></summary>
                    <ActionForm action=delete attr:class="delete-form">
                        <input type="hidden" name="comment" value=id/>
                        <button type="submit" class="button"><IconSvg icon=Icon::Trash/><span>{t("comment-delete-confirm")}</span></button>
                    </ActionForm>
                </details>
            })}
        </article>
    }
}
