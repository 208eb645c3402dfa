//! `/proposals/new`: propose in under a minute — a title, what should change, a category.
mod create_proposal;
mod proposal_choices;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle, TextArea, TextField};
use crate::domain::{ProposalBody, ProposalTitle};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::proposals::ProposalDetail;
use create_proposal::CreateProposal;
use leptos::prelude::*;
use proposal_choices::get_proposal_choices;

#[component]
pub fn NewProposalPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/proposals/new", Action::Participate) {
        return gate;
    }
    let action = ServerAction::<CreateProposal>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <PageTitle text=t("propose")/>
        <h1>{t("new-proposal-title")}</h1>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone()/>
            <ProposalFields error=error.clone()/>
            <button type="submit" class="button primary">
                <IconSvg icon=Icon::Plus/>
                <span>{t("propose")}</span>
            </button>
        </ActionForm>
    }
    .into_any()
}

/// A proposal's fields, for proposing and for editing: title, text, category (icon + word) and
/// place. `current` fills them when editing; what was typed before an error wins.
#[component]
pub(super) fn ProposalFields(
    error: Option<AppError>,
    #[prop(optional)] current: Option<ProposalDetail>,
) -> impl IntoView {
    let typed_or = |field: &str, current: Option<String>| {
        error
            .as_ref()
            .and_then(|e| e.typed(field))
            .map(str::to_owned)
            .or(current)
            .unwrap_or_default()
    };
    let chosen_category = typed_or(
        "category",
        current
            .as_ref()
            .and_then(|c| c.category.as_ref())
            .map(|c| c.id.to_string()),
    );
    let chosen_place = typed_or(
        "place",
        current
            .as_ref()
            .and_then(|c| c.place_id)
            .map(|id| id.to_string()),
    );
    let category_message = error
        .as_ref()
        .and_then(|e| e.message_for("category"))
        .map(str::to_owned);
    let place_message = error
        .as_ref()
        .and_then(|e| e.message_for("place"))
        .map(str::to_owned);
    view! {
        <TextField name="title" label="proposal-title" hint="proposal-title-hint" error=error.clone()
            max_length=ProposalTitle::MAX value=current.as_ref().map(|c| c.title.clone()).unwrap_or_default()/>
        <TextArea name="body" label="proposal-body" hint="proposal-body-hint" error=error.clone()
            max_length=ProposalBody::MAX value=current.as_ref().map(|c| c.body.clone()).unwrap_or_default()/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let choices = match get_proposal_choices().await {
                    Ok(choices) => choices,
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                let described_by = category_message.is_some().then_some("category-error");
                view! {
                    <fieldset class="field category-choice" aria-describedby=described_by>
                        <legend>{t("proposal-category")}</legend>
                        {choices.categories.into_iter().map(|c| {
                            let value = c.id.to_string();
                            let checked = value == chosen_category;
                            view! {
                                <label class="choice">
                                    <input type="radio" name="category" value=value checked=checked/>
                                    <IconSvg icon=Icon::for_category(&c.icon)/>
                                    <span>{c.name}</span>
                                </label>
                            }
                        }).collect_view()}
                        <FieldError id="category-error".to_string() message=category_message/>
                    </fieldset>
                    <div class="field">
                        <label for="place">{t("proposal-place")}</label>
                        <select id="place" name="place">
                            <option value="">{t("proposal-place-none")}</option>
                            {choices.places.into_iter().map(|(id, name)| {
                                let value = id.to_string();
                                let selected = value == chosen_place;
                                view! { <option value=value selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                        <FieldError id="place-error".to_string() message=place_message/>
                    </div>
                }.into_any()
            })}
        </Suspense>
    }
}
