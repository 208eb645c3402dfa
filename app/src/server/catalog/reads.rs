//! What the forms and lists offer from the catalog: category labels in a language, the categories
//! and places people can choose now.
use crate::error::AppError;
use crate::server::entities::{category, category_name, place};
use crate::views::proposals::{CategoryLabel, ProposalChoices};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

/// Category icons and names in `language` (Czech where a name is missing): two queries.
pub async fn category_labels(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i32>,
    language: &str,
) -> Result<HashMap<i32, CategoryLabel>, AppError> {
    let mut ids: Vec<i32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let mut query = category::Entity::find().order_by_asc(category::Column::Position);
    if !ids.is_empty() {
        query = query.filter(category::Column::Id.is_in(ids));
    }
    let categories = query.all(db).await?;
    let names = category_name::Entity::find()
        .filter(category_name::Column::CategoryId.is_in(categories.iter().map(|c| c.id)))
        .filter(category_name::Column::Language.is_in([language, "cs"]))
        .all(db)
        .await?;
    Ok(categories
        .into_iter()
        .map(|c| {
            let name = names
                .iter()
                .filter(|n| n.category_id == c.id)
                .max_by_key(|n| n.language == language)
                .map(|n| n.name.clone())
                .unwrap_or_else(|| c.slug.clone());
            (
                c.id,
                CategoryLabel {
                    id: c.id,
                    icon: c.icon,
                    name,
                },
            )
        })
        .collect())
}

/// The categories people can choose now (not archived), in their order.
pub async fn active_categories(
    db: &impl ConnectionTrait,
    language: &str,
) -> Result<Vec<CategoryLabel>, AppError> {
    let active = category::Entity::find()
        .filter(category::Column::ArchivedAt.is_null())
        .order_by_asc(category::Column::Position)
        .all(db)
        .await?;
    let mut labels = category_labels(db, active.iter().map(|c| c.id), language).await?;
    Ok(active.iter().filter_map(|c| labels.remove(&c.id)).collect())
}

/// What the new-proposal form offers: categories and places that are not archived.
pub async fn choices(db: &DatabaseConnection, language: &str) -> Result<ProposalChoices, AppError> {
    let categories = active_categories(db, language).await?;
    let places = place::Entity::find()
        .filter(place::Column::ArchivedAt.is_null())
        .order_by_asc(place::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(ProposalChoices { categories, places })
}
