//! Categories of proposals. The defaults below come with the demo; admins edit them at
//! `/admin/categories` (`catalog.rs`).
use crate::error::AppError;
use crate::server::entities::{category, category_name};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// (slug, icon, colour, Czech name, English name), in display order.
pub const DEFAULTS: [(&str, &str, &str, &str, &str); 8] = [
    (
        "playgrounds",
        "playground",
        "#e07a1f",
        "Hřiště a děti",
        "Playgrounds and children",
    ),
    (
        "cleanliness",
        "broom",
        "#2e7d32",
        "Čistota a odpad",
        "Cleanliness and waste",
    ),
    ("greenery", "tree", "#558b2f", "Zeleň", "Greenery"),
    ("safety", "shield", "#c62828", "Bezpečnost", "Safety"),
    (
        "buildings",
        "building",
        "#5d4037",
        "Domy a vchody",
        "Buildings and entrances",
    ),
    (
        "traffic",
        "car",
        "#1565c0",
        "Doprava a parkování",
        "Traffic and parking",
    ),
    (
        "events",
        "people",
        "#6a1b9a",
        "Akce a setkání",
        "Events and meetings",
    ),
    (OTHER, "dots", "#546e7a", "Jiné", "Other"),
];

/// The category a proposal gets when its author chose none.
pub const OTHER: &str = "other";

/// Whether the estate has any category at all (archived ones count).
pub async fn any_exist(db: &DatabaseConnection) -> Result<bool, AppError> {
    Ok(category::Entity::find().one(db).await?.is_some())
}

/// Adds the default categories that are missing (by slug). Returns how many were added.
pub async fn add_missing_defaults(db: &DatabaseConnection) -> Result<usize, AppError> {
    let mut added = 0;
    for (position, (slug, icon, colour, czech, english)) in DEFAULTS.iter().enumerate() {
        let exists = category::Entity::find()
            .filter(category::Column::Slug.eq(*slug))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        // The category and its names together, or not at all.
        let txn = db.begin().await?;
        let row = category::ActiveModel {
            slug: Set((*slug).into()),
            icon: Set((*icon).into()),
            colour: Set((*colour).into()),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (language, name) in [("cs", czech), ("en", english)] {
            category_name::ActiveModel {
                category_id: Set(row.id),
                language: Set(language.into()),
                name: Set((*name).into()),
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        added += 1;
    }
    Ok(added)
}
