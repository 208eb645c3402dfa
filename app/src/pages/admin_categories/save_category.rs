//! Saving a category, or adding one (`id` 0).
use crate::error::AppError;
use leptos::prelude::*;

#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "save_category")]
pub async fn save_category(
    id: i32,
    name_cs: String,
    name_en: Option<String>,
    icon: String,
    colour: String,
    position: String,
    archived: Option<String>,
) -> Result<(), AppError> {
    let key = format!("category-{id}");
    crate::error::respond(
        run(
            id,
            &name_cs,
            name_en.unwrap_or_default(),
            icon,
            colour,
            &position,
            archived.is_some(),
        )
        .await
        .map_err(|e| e.keeping(&[("item", &key), ("name_cs", &name_cs)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(
    id: i32,
    name_cs: &str,
    name_en: String,
    icon: String,
    colour: String,
    position: &str,
    archived: bool,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog, current_member};
    use crate::views::catalog::CategoryEdit;

    let admin = require(current_member(), Action::Administer)?;
    let edit = CategoryEdit {
        id,
        name_cs: name_cs.to_owned(),
        name_en,
        icon,
        colour,
        position: position.trim().parse().unwrap_or(-1),
        archived,
    };
    catalog::save_category(&app_state()?.db, &admin, &edit)
        .await
        .map(|_| ())
}
