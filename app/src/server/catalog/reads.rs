//! What the forms and lists offer from the catalog: category labels in a language, the categories
//! and places people can choose now. The catalog is small and rarely changes: a request reads it
//! from memory while the data version it read is the one the catalog was kept under.
use crate::error::AppError;
use crate::server::entities::{category, category_name, place};
use crate::server::infra::data_version::{self, DataVersion};
use crate::server::infra::state::{AppState, CatalogRows};
use crate::views::proposals::{CategoryLabel, ProposalChoices};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use std::collections::HashMap;
use std::sync::Arc;

/// The catalog as this request sees it: kept in memory under the request's data version, or
/// read (three queries) when there is no request (exports, the open data API) or it changed.
pub async fn rows(db: &impl ConnectionTrait) -> Result<Arc<CatalogRows>, AppError> {
    data_version::for_request(|state| &state.catalog, async || load(db).await).await
}

/// The catalog for a handler outside the pages (the CSV exports, the open data API): kept under
/// the data version its request read, as a page's is.
pub async fn rows_at(
    state: &AppState,
    version: Option<DataVersion>,
) -> Result<Arc<CatalogRows>, AppError> {
    state
        .catalog
        .get_or_load(version, async || load(&state.db).await)
        .await
}

async fn load(db: &impl ConnectionTrait) -> Result<Arc<CatalogRows>, AppError> {
    Ok(Arc::new(CatalogRows {
        categories: category::Entity::find()
            .order_by_asc(category::Column::Position)
            .all(db)
            .await?,
        names: category_name::Entity::find().all(db).await?,
        places: place::Entity::find()
            .order_by_asc(place::Column::Position)
            .all(db)
            .await?,
    }))
}

/// Every category's icon and name in `language` (Czech where a name is missing), archived ones
/// too: old proposals keep their category.
pub async fn category_labels(
    db: &impl ConnectionTrait,
    language: &str,
) -> Result<HashMap<i32, CategoryLabel>, AppError> {
    Ok(labels(&*rows(db).await?, language))
}

/// [`category_labels`] of a catalog already read.
pub fn labels(catalog: &CatalogRows, language: &str) -> HashMap<i32, CategoryLabel> {
    catalog
        .categories
        .iter()
        .map(|c| (c.id, label(catalog, c, language)))
        .collect()
}

fn label(catalog: &CatalogRows, category: &category::Model, language: &str) -> CategoryLabel {
    let name = catalog
        .names
        .iter()
        .filter(|n| n.category_id == category.id && (n.language == language || n.language == "cs"))
        .max_by_key(|n| n.language == language)
        .map(|n| n.name.clone())
        .unwrap_or_else(|| category.slug.clone());
    CategoryLabel {
        id: category.id,
        icon: category.icon.clone(),
        name,
    }
}

/// The categories people can choose now (not archived), in their order.
pub async fn active_categories(
    db: &impl ConnectionTrait,
    language: &str,
) -> Result<Vec<CategoryLabel>, AppError> {
    Ok(active(&*rows(db).await?, language))
}

fn active(catalog: &CatalogRows, language: &str) -> Vec<CategoryLabel> {
    catalog
        .categories
        .iter()
        .filter(|c| c.archived_at.is_none())
        .map(|c| label(catalog, c, language))
        .collect()
}

/// What the new-proposal form offers: categories and places that are not archived.
pub async fn choices(
    db: &impl ConnectionTrait,
    language: &str,
) -> Result<ProposalChoices, AppError> {
    let catalog = rows(db).await?;
    let places = catalog
        .places
        .iter()
        .filter(|p| p.archived_at.is_none())
        .map(|p| (p.id, p.name.clone()))
        .collect();
    Ok(ProposalChoices {
        categories: active(&catalog, language),
        places,
    })
}

/// A place's name, archived or not.
pub async fn place_name(
    db: &impl ConnectionTrait,
    place_id: i32,
) -> Result<Option<String>, AppError> {
    let catalog = rows(db).await?;
    Ok(catalog
        .places
        .iter()
        .find(|p| p.id == place_id)
        .map(|p| p.name.clone()))
}
