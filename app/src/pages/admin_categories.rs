//! `/admin/categories`: the categories residents choose from (a name in each language, an icon,
//! a colour, the order, archived or not) and the places on the estate. A form per row, and one
//! to add a new one; archived ones stay on old proposals but are no longer offered.
mod read_catalog;
mod save_category;
mod save_place;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle};
use crate::error::AppError;
use crate::i18n::t;
use crate::permissions::Action;
use crate::views::catalog::{CATEGORY_ICONS, CategoryEdit, PlaceEdit};
use leptos::prelude::*;
use read_catalog::read_catalog;
use save_category::SaveCategory;
use save_place::SavePlace;

fn message(error: &Option<AppError>, field: &str) -> Option<String> {
    error
        .as_ref()
        .and_then(|e| e.message_for(field))
        .map(str::to_owned)
}

#[component]
pub fn AdminCategoriesPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/admin/categories", Action::Administer) {
        return gate;
    }
    let category = ServerAction::<SaveCategory>::new();
    let place = ServerAction::<SavePlace>::new();
    let category_error = category.value().get_untracked().and_then(Result::err);
    let place_error = place.value().get_untracked().and_then(Result::err);
    let new_category = CategoryEdit {
        id: 0,
        name_cs: String::new(),
        name_en: String::new(),
        icon: "dots".into(),
        colour: "#546e7a".into(),
        position: 100,
        archived: false,
    };
    let new_place = PlaceEdit {
        id: 0,
        name: String::new(),
        description: String::new(),
        position: 100,
        archived: false,
    };
    view! {
        <PageTitle text=t("categories-title")/>
        <h1>{t("categories-title")}</h1>
        <p class="lead">{t("categories-intro")}</p>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match read_catalog().await {
                    Ok(catalog) => {
                        let for_item = |error: &Option<AppError>, key: String| {
                            error.clone().filter(|e| e.typed("item") == Some(key.as_str()))
                        };
                        view! {
                            <h2>{t("categories-heading")}</h2>
                            <ul class="queue">
                                {catalog.categories.into_iter().chain(std::iter::once(new_category.clone())).map(|edit| {
                                    let error = for_item(&category_error, format!("category-{}", edit.id));
                                    view! { <li><CategoryForm edit action=category error/></li> }
                                }).collect_view()}
                            </ul>
                            <h2>{t("places-heading")}</h2>
                            <ul class="queue">
                                {catalog.places.into_iter().chain(std::iter::once(new_place.clone())).map(|edit| {
                                    let error = for_item(&place_error, format!("place-{}", edit.id));
                                    view! { <li><PlaceForm edit action=place error/></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CategoryForm(
    edit: CategoryEdit,
    action: ServerAction<SaveCategory>,
    error: Option<AppError>,
) -> impl IntoView {
    let key = format!("category-{}", edit.id);
    let article_id = key.clone();
    let heading = if edit.id == 0 {
        t("category-new")
    } else {
        edit.name_cs.clone()
    };
    let name_cs = error
        .as_ref()
        .and_then(|e| e.typed("name_cs"))
        .map_or_else(|| edit.name_cs.clone(), str::to_owned);
    let (cs_message, en_message, icon_message, colour_message, position_message) = (
        message(&error, "name_cs"),
        message(&error, "name_en"),
        message(&error, "icon"),
        message(&error, "colour"),
        message(&error, "position"),
    );
    view! {
        <article class="queue-card" id=article_id>
            <h3><IconSvg icon=Icon::for_category(&edit.icon)/>" " {heading}</h3>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="id" value=edit.id/>
                <div class="field">
                    <label for=format!("{key}-cs")>{t("category-name-cs")}</label>
                    <input id=format!("{key}-cs") name="name_cs" type="text" maxlength="40" value=name_cs/>
                    <FieldError id=format!("{key}-cs-error") message=cs_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-en")>{t("category-name-en")}</label>
                    <input id=format!("{key}-en") name="name_en" type="text" maxlength="40" value=edit.name_en.clone()/>
                    <FieldError id=format!("{key}-en-error") message=en_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-icon")>{t("category-icon")}</label>
                    <select id=format!("{key}-icon") name="icon">
                        {CATEGORY_ICONS.into_iter().map(|icon| view! {
                            <option value=icon selected=icon == edit.icon>{t(&format!("icon-{icon}"))}</option>
                        }).collect_view()}
                    </select>
                    <FieldError id=format!("{key}-icon-error") message=icon_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-colour")>{t("category-colour")}</label>
                    <input id=format!("{key}-colour") name="colour" type="color" value=edit.colour.clone()/>
                    <FieldError id=format!("{key}-colour-error") message=colour_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-position")>{t("catalog-position")}</label>
                    <input id=format!("{key}-position") name="position" type="number" inputmode="numeric" min="0" max="999" value=edit.position/>
                    <FieldError id=format!("{key}-position-error") message=position_message/>
                </div>
                <label class="choice">
                    <input type="checkbox" name="archived" value="on" checked=edit.archived/>
                    <span>{t("catalog-archived")}</span>
                </label>
                <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{if edit.id == 0 { t("catalog-add") } else { t("save") }}</span></button>
            </ActionForm>
        </article>
    }
}

#[component]
fn PlaceForm(
    edit: PlaceEdit,
    action: ServerAction<SavePlace>,
    error: Option<AppError>,
) -> impl IntoView {
    let key = format!("place-{}", edit.id);
    let article_id = key.clone();
    let heading = if edit.id == 0 {
        t("place-new")
    } else {
        edit.name.clone()
    };
    let name = error
        .as_ref()
        .and_then(|e| e.typed("name"))
        .map_or_else(|| edit.name.clone(), str::to_owned);
    let (name_message, description_message, position_message) = (
        message(&error, "name"),
        message(&error, "description"),
        message(&error, "position"),
    );
    view! {
        <article class="queue-card" id=article_id>
            <h3><IconSvg icon=Icon::Place/>" " {heading}</h3>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="id" value=edit.id/>
                <div class="field">
                    <label for=format!("{key}-name")>{t("place-name")}</label>
                    <input id=format!("{key}-name") name="name" type="text" maxlength="80" value=name/>
                    <FieldError id=format!("{key}-name-error") message=name_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-description")>{t("place-description")}</label>
                    <input id=format!("{key}-description") name="description" type="text" maxlength="200" value=edit.description.clone()/>
                    <FieldError id=format!("{key}-description-error") message=description_message/>
                </div>
                <div class="field">
                    <label for=format!("{key}-position")>{t("catalog-position")}</label>
                    <input id=format!("{key}-position") name="position" type="number" inputmode="numeric" min="0" max="999" value=edit.position/>
                    <FieldError id=format!("{key}-position-error") message=position_message/>
                </div>
                <label class="choice">
                    <input type="checkbox" name="archived" value="on" checked=edit.archived/>
                    <span>{t("catalog-archived")}</span>
                </label>
                <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{if edit.id == 0 { t("catalog-add") } else { t("save") }}</span></button>
            </ActionForm>
        </article>
    }
}
