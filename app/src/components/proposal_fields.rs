//! A proposal's form fields, shared by proposing, editing and an outcome's photos.
use super::{FieldError, FormMessage, Icon, IconSvg, TextArea, TextField};
use crate::domain::{ProposalBody, ProposalTitle};
use crate::error::AppError;
use crate::i18n::{t, t_with};
use crate::serverfns::get_proposal_choices;
use crate::views::proposals::ProposalDetail;
use leptos::prelude::*;

/// Up to four photos: one straight from the camera, or several chosen from the phone. After a
/// failed submission it says which photo was refused and why; browsers never let a page fill a
/// file field again, so it asks for the photos once more.
#[component]
pub fn PhotoFields(error: Option<AppError>) -> impl IntoView {
    let refused: Vec<(String, String, String)> = error
        .iter()
        .flat_map(|e| e.field_errors())
        .filter_map(|field_error| {
            let number = field_error.field.strip_prefix("photo-")?;
            let name = error
                .as_ref()
                .and_then(|e| e.typed(&format!("photo-{number}-name")))
                .unwrap_or_default();
            Some((
                format!("photo-{number}-error"),
                t_with(
                    "photo-refused",
                    &[
                        ("number", number.to_owned().into()),
                        ("name", name.to_owned().into()),
                    ],
                ),
                t(&field_error.message),
            ))
        })
        .collect();
    let photos_were_sent = error
        .as_ref()
        .and_then(|e| e.typed("photos"))
        .is_some_and(|count| count != "0");
    let described_by = std::iter::once("photos-hint".to_owned())
        .chain(refused.iter().map(|(id, _, _)| id.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <fieldset class="field photo-choice" aria-describedby=described_by>
            <legend>{t("proposal-photos")}</legend>
            <p class="hint" id="photos-hint">{t("proposal-photos-hint")}</p>
            {refused.into_iter().map(|(id, which, why)| view! {
                <p class="field-error" id=id>
                    <IconSvg icon=Icon::Warning/>
                    <span>{which}" "{why}</span>
                </p>
            }).collect_view()}
            {photos_were_sent.then(|| view! { <p class="field-error">{t("photos-choose-again")}</p> })}
            <label class="file-choice">
                <span class="file-choice-label"><IconSvg icon=Icon::Camera/>{t("photo-take")}</span>
                <input type="file" name="photos" accept="image/*" capture="environment"/>
            </label>
            <label class="file-choice">
                <span class="file-choice-label"><IconSvg icon=Icon::Photo/>{t("photo-choose")}</span>
                <input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple=true/>
            </label>
        </fieldset>
    }
}

/// A proposal's fields, for proposing and for editing: title, text, category (icon + word) and
/// place. `current` fills them when editing; what was typed before an error wins.
#[component]
pub fn ProposalFields(
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
        <TextArea name="body" label="proposal-body" hint="proposal-body-hint" error=error.clone()
            max_length=ProposalBody::MAX value=current.as_ref().map(|c| c.body.clone()).unwrap_or_default()/>
        <TextField name="title" label="proposal-title" hint="proposal-title-hint" error=error.clone()
            required=false max_length=ProposalTitle::MAX value=current.as_ref().map(|c| c.title.clone()).unwrap_or_default()/>
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
                        <p class="hint">{t("proposal-category-hint")}</p>
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
