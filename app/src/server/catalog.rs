//! Admins' edits of categories (a name per language, an icon from the built-in set, a colour,
//! an order, archived or not) and places (name, short description, order, archived). Archived
//! ones stay on the proposals that have them but are no longer offered. Each save and its log
//! row are one transaction.
pub mod categories;
pub mod reads;
pub mod word_list;
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{category, category_name, place};
use crate::server::staff_log::log_setting;
use crate::views::catalog::{CATEGORY_ICONS, Catalog, CategoryEdit, PlaceEdit};
use crate::visitor::Member;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set, TransactionTrait,
};

pub async fn catalog(db: &DatabaseConnection) -> Result<Catalog, AppError> {
    let categories = category::Entity::find()
        .order_by_asc(category::Column::Position)
        .all(db)
        .await?;
    let names = category_name::Entity::find().all(db).await?;
    let name = |id: i32, language: &str| {
        names
            .iter()
            .find(|n| n.category_id == id && n.language == language)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    Ok(Catalog {
        categories: categories
            .into_iter()
            .map(|c| CategoryEdit {
                name_cs: name(c.id, "cs"),
                name_en: name(c.id, "en"),
                id: c.id,
                icon: c.icon,
                colour: c.colour,
                position: c.position,
                archived: c.archived_at.is_some(),
            })
            .collect(),
        places: place::Entity::find()
            .order_by_asc(place::Column::Position)
            .all(db)
            .await?
            .into_iter()
            .map(|p| PlaceEdit {
                id: p.id,
                name: p.name,
                description: p.description.unwrap_or_default(),
                position: p.position,
                archived: p.archived_at.is_some(),
            })
            .collect(),
    })
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every field of a category, checked at once.
pub fn check_category(edit: &CategoryEdit) -> Result<CategoryEdit, AppError> {
    let mut errors = FieldErrors::default();
    let name_cs = tidy(&edit.name_cs);
    let name_en = tidy(&edit.name_en);
    if name_cs.is_empty() || name_cs.chars().count() > 40 {
        errors.add("name_cs", "error-category-name");
    }
    if name_en.chars().count() > 40 {
        errors.add("name_en", "error-category-name");
    }
    if !CATEGORY_ICONS.contains(&edit.icon.as_str()) {
        errors.add("icon", "error-category-icon");
    }
    let colour = edit.colour.trim().to_ascii_lowercase();
    let is_colour = colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !is_colour {
        errors.add("colour", "error-category-colour");
    }
    if !(0..=999).contains(&edit.position) {
        errors.add("position", "error-position");
    }
    errors.finish()?;
    Ok(CategoryEdit {
        name_cs,
        name_en,
        colour,
        ..edit.clone()
    })
}

/// Saves a category (id 0 makes a new one) with its names.
pub async fn save_category(
    db: &DatabaseConnection,
    admin: &Member,
    edit: &CategoryEdit,
) -> Result<i32, AppError> {
    let edit = check_category(edit)?;
    let archived_at = edit.archived.then(now);
    // Read before the transaction: on SQLite a transaction should start with its write.
    let found = match edit.id {
        0 => None,
        id => Some(
            category::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    let txn = db.begin().await?;
    let id = if let Some(found) = found {
        // An archived category keeps the day it was archived.
        let keep_archived_since = found.archived_at.filter(|_| edit.archived);
        category::ActiveModel {
            id: Set(found.id),
            icon: Set(edit.icon.clone()),
            colour: Set(edit.colour.clone()),
            position: Set(edit.position),
            archived_at: Set(keep_archived_since.or(archived_at)),
            ..Default::default()
        }
        .update(&txn)
        .await?
        .id
    } else {
        category::ActiveModel {
            slug: Set(format!("c{}", now().timestamp_micros())),
            icon: Set(edit.icon.clone()),
            colour: Set(edit.colour.clone()),
            position: Set(edit.position),
            archived_at: Set(archived_at),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id
    };
    for (language, name) in [("cs", &edit.name_cs), ("en", &edit.name_en)] {
        if name.is_empty() {
            continue;
        }
        category_name::Entity::insert(category_name::ActiveModel {
            category_id: Set(id),
            language: Set(language.into()),
            name: Set(name.clone()),
        })
        .on_conflict(
            OnConflict::columns([
                category_name::Column::CategoryId,
                category_name::Column::Language,
            ])
            .update_column(category_name::Column::Name)
            .to_owned(),
        )
        .exec(&txn)
        .await?;
    }
    let what = format!("category {}", edit.name_cs);
    log_setting(&txn, admin, &what).await?;
    txn.commit().await?;
    Ok(id)
}

/// Saves a place (id 0 makes a new one).
pub async fn save_place(
    db: &DatabaseConnection,
    admin: &Member,
    edit: &PlaceEdit,
) -> Result<i32, AppError> {
    let name = tidy(&edit.name);
    let description = tidy(&edit.description);
    let mut errors = FieldErrors::default();
    if name.is_empty() || name.chars().count() > 80 {
        errors.add("name", "error-place-name");
    }
    if description.chars().count() > 200 {
        errors.add("description", "error-place-description");
    }
    if !(0..=999).contains(&edit.position) {
        errors.add("position", "error-position");
    }
    errors.finish()?;
    let description = (!description.is_empty()).then_some(description);
    let found = match edit.id {
        0 => None,
        id => Some(
            place::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    let txn = db.begin().await?;
    let mut row = place::ActiveModel {
        name: Set(name.clone()),
        description: Set(description),
        position: Set(edit.position),
        ..Default::default()
    };
    let id = if let Some(found) = found {
        row.id = Set(found.id);
        row.archived_at = Set(found
            .archived_at
            .filter(|_| edit.archived)
            .or(edit.archived.then(now)));
        row.update(&txn).await?.id
    } else {
        row.archived_at = Set(edit.archived.then(now));
        row.insert(&txn).await?.id
    };
    let what = format!("place {name}");
    log_setting(&txn, admin, &what).await?;
    txn.commit().await?;
    Ok(id)
}
