//! `/admin/categories`: the categories residents choose from (a name in each language, an icon,
//! a colour, the order, archived or not) and the places on the estate. A form per row, and one
//! to add a new one; archived ones stay on old proposals but are no longer offered.
mod read_catalog;
mod save_category;
mod save_place;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle};
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
use crate::views::catalog::{CATEGORY_ICONS, CategoryEdit, PlaceEdit};
use leptos::prelude::*;
use read_catalog::read_catalog;
use save_category::SaveCategory;
use save_place::SavePlace;

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
    let heading = if edit.id == 0 {
        t("category-new")
    } else {
        edit.name_cs.clone()
    };
    let icon_message = error.field_message("icon");
    let article = key.clone();
    view! {
        <article class="queue-card" id=article>
            <h3><IconSvg icon=Icon::for_category(&edit.icon)/>" " {heading}</h3>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="id" value=edit.id/>
                <RowInput row=key.clone() name="name_cs" label="category-name-cs" max_length=40
                    value=edit.name_cs.clone() error=error.clone()/>
                <RowInput row=key.clone() name="name_en" label="category-name-en" max_length=40
                    value=edit.name_en.clone() error=error.clone()/>
                <div class="field">
                    <label for=format!("{key}-icon")>{t("category-icon")}</label>
                    <select id=format!("{key}-icon") name="icon">
                        {CATEGORY_ICONS.into_iter().map(|icon| view! {
                            <option value=icon selected=icon == edit.icon>{t(&format!("icon-{icon}"))}</option>
                        }).collect_view()}
                    </select>
                    <FieldError id=format!("{key}-icon-error") message=icon_message/>
                </div>
                <RowInput row=key.clone() name="colour" label="category-colour" kind="color"
                    value=edit.colour.clone() error=error.clone()/>
                <RowEnd row=key.clone() id=edit.id position=edit.position archived=edit.archived error/>
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
    let heading = if edit.id == 0 {
        t("place-new")
    } else {
        edit.name.clone()
    };
    let article = key.clone();
    view! {
        <article class="queue-card" id=article>
            <h3><IconSvg icon=Icon::Place/>" " {heading}</h3>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="id" value=edit.id/>
                <RowInput row=key.clone() name="name" label="place-name" max_length=80
                    value=edit.name.clone() error=error.clone()/>
                <RowInput row=key.clone() name="description" label="place-description" max_length=200
                    value=edit.description.clone() error=error.clone()/>
                <RowEnd row=key.clone() id=edit.id position=edit.position archived=edit.archived error/>
            </ActionForm>
        </article>
    }
}

/// One input of a row's form. Every row is on the same page, so its ids carry the row's key;
/// after a refused save, what was typed comes back.
#[component]
fn RowInput(
    row: String,
    name: &'static str,
    /// Locale key of the label.
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] max_length: Option<usize>,
    value: String,
    error: Option<AppError>,
) -> impl IntoView {
    let id = format!("{row}-{name}");
    let value = error.typed_or(name, value);
    view! {
        <div class="field">
            <label for=id.clone()>{t(label)}</label>
            <input id=id.clone() name=name type=kind maxlength=max_length value=value/>
            <FieldError id=format!("{id}-error") message=error.field_message(name)/>
        </div>
    }
}

/// What ends every row's form: its place in the order, archived or not, and the save button.
#[component]
fn RowEnd(
    row: String,
    id: i32,
    position: i32,
    archived: bool,
    error: Option<AppError>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=format!("{row}-position")>{t("catalog-position")}</label>
            <input id=format!("{row}-position") name="position" type="number" inputmode="numeric" min="0" max="999" value=position/>
            <FieldError id=format!("{row}-position-error") message=error.field_message("position")/>
        </div>
        <label class="choice">
            <input type="checkbox" name="archived" value="on" checked=archived/>
            <span>{t("catalog-archived")}</span>
        </label>
        <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{if id == 0 { t("catalog-add") } else { t("save") }}</span></button>
    }
}
