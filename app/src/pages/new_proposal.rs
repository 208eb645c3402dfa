//! `/proposals/new`: propose in under a minute — a title, what should change, a category, photos.
mod create_proposal;

use crate::components::{
    FormMessage, Icon, IconSvg, PageTitle, PhotoFields, ProposalFields, SendProgress, VoiceField,
    WritingFor, member_in_query,
};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use create_proposal::CreateProposal;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn NewProposalPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/proposals/new", Action::Participate) {
        return gate;
    }
    let error = AppError::from_form_post(CreateProposal::PATH);
    // Staff writing for a member at the centre (assisted entry).
    let for_member = member_in_query("for");
    view! {
        <PageTitle text=t("propose")/>
        <h1>{t("new-proposal-title")}</h1>
        <form method="post" action=CreateProposal::PATH enctype="multipart/form-data"
            class="form" novalidate=true>
            {for_member.map(|member| view! { <WritingFor member/> })}
            <FormMessage error=error.clone()/>
            // A photo says most with the least typing; then one sentence. Title, category
            // and place may follow (the title defaults to the text's start, the category
            // to "Other").
            <PhotoFields error=error.clone()/>
            // Or say it: a voice message may stand in for the words (staff write them down).
            <VoiceField id="voice".to_owned() error=error.clone()/>
            <ProposalFields error=error/>
            <SendProgress/>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Plus/>
                <span>{t("propose")}</span>
            </button>
        </form>
    }
    .into_any()
}
