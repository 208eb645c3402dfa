//! `/staff/assist?member=…`: a staff member writes for a member who is present and asks — a
//! proposal (the usual form, marked as theirs) or a comment on a proposal. What is stored is the
//! member's, marked "written with the help of" the staff member, and logged.
use crate::components::{
    FormMessage, Icon, IconSvg, PageTitle, TextArea, WritingFor, member_in_query,
};
use crate::domain::CommentText;
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::serverfns::AddComment;
use leptos::prelude::*;

#[component]
pub fn StaffAssistPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/staff/members", Action::ActForResident) {
        return gate;
    }
    let Some(member) = member_in_query("member") else {
        return view! { <crate::components::NotFound/> }.into_any();
    };
    let comment = ServerAction::<AddComment>::new();
    let error = comment.value().get_untracked().and_then(Result::err);
    let proposal_message = error
        .as_ref()
        .filter(|e| matches!(e, AppError::NotFound))
        .map(|_| t("error-assist-proposal"));
    view! {
        <PageTitle text=t("write-for-title")/>
        <h1>{t("write-for-title")}</h1>
        <p class="lead">{t("write-for-intro")}</p>
        <p><a class="button primary" href=format!("/proposals/new?for={member}")>
            <IconSvg icon=Icon::Plus/><span>{t("assist-propose")}</span>
        </a></p>
        <h2>{t("assist-comment")}</h2>
        <ActionForm action=comment attr:class="form">
            <WritingFor member/>
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. } | AppError::NotFound))/>
            <div class="field">
                <label for="proposal">{t("assist-proposal-number")}</label>
                <input id="proposal" name="proposal" type="text" inputmode="numeric" required=true
                    value=error.as_ref().and_then(|e| e.typed("proposal")).unwrap_or_default().to_owned()/>
                {proposal_message.map(|m| view! { <p class="field-error" id="proposal-error"><IconSvg icon=Icon::Warning/><span>{m}</span></p> })}
            </div>
            <TextArea name="text" label="comment-label" error=error.clone() rows=4 max_length=CommentText::MAX/>
            <button type="submit" class="button primary"><IconSvg icon=Icon::Comment/><span>{t("send")}</span></button>
        </ActionForm>
    }
    .into_any()
}
