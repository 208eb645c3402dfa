//! `/decisions/{id}/assist`: a staff member helps a member who is present vote on the centre's
//! device. The member types their own name and password and chooses; the screen then clears for
//! the next person, and says nothing about what was chosen.
mod assisted_vote;

use crate::components::{FormMessage, Icon, IconSvg, PageTitle, TextField};
use crate::domain::Choice;
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use assisted_vote::AssistedVote;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AssistVotePage() -> impl IntoView {
    let id = match super::numbered_page("/decisions", "assist", Action::ActForResident) {
        Ok((_, id)) => id,
        Err(gate) => return gate,
    };
    let Some(id) = id else {
        return view! { <crate::components::NotFound/> }.into_any();
    };
    let saved = use_query_map().get_untracked().get("saved").is_some();
    let action = ServerAction::<AssistedVote>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let choice_message = error.as_ref().and_then(|e| e.message_for("choice")).map(t);
    view! {
        <PageTitle text=t("assist-title")/>
        <h1>{t("assist-title")}</h1>
        <p class="lead">{t("assist-intro")}</p>
        <p><a href=format!("/decisions/{id}")>{t("assist-back")}</a></p>
        {(saved && error.is_none()).then(|| view! {
            <p class="vote-saved" role="status"><IconSvg icon=Icon::Check/><span>{t("assist-saved")}</span></p>
        })}
        <ActionForm action=action attr:class="form" attr:novalidate=true attr:autocomplete="off">
            <FormMessage error=error.clone().filter(|e| !matches!(e, AppError::Invalid { .. }))/>
            <input type="hidden" name="decision" value=id/>
            <TextField name="username" label="join-username" autocomplete="off" autocapitalize="none" error=error.clone()/>
            <TextField name="password" label="join-password" kind="password" autocomplete="off" error=error.clone()/>
            <fieldset class="field">
                <legend>{t("assist-choice")}</legend>
                {Choice::ALL.into_iter().map(|choice| view! {
                    <label class="choice">
                        <input type="radio" name="choice" value=choice.as_str()/>
                        <span>{t(crate::components::choice_key(choice))}</span>
                    </label>
                }).collect_view()}
                {choice_message.map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Check/>
                <span>{t("assist-save")}</span>
            </button>
        </ActionForm>
    }
    .into_any()
}
