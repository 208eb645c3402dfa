//! Saving a place, or adding one (`id` 0).
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "save_place")]
pub async fn save_place(
    id: i32,
    name: String,
    description: Option<String>,
    position: String,
    archived: Option<String>,
) -> Result<(), AppError> {
    let key = format!("place-{id}");
    crate::error::respond(
        run(
            id,
            &name,
            description.unwrap_or_default(),
            &position,
            archived.is_some(),
        )
        .await
        .map_err(|e| e.keeping(&[("item", &key), ("name", &name)])),
    )
}

#[cfg(feature = "ssr")]
async fn run(
    id: i32,
    name: &str,
    description: String,
    position: &str,
    archived: bool,
) -> Result<(), AppError> {
    use crate::permissions::{Action, require};
    use crate::server::{app_state, catalog, current_member};
    use crate::views::catalog::PlaceEdit;

    let admin = require(current_member(), Action::Administer)?;
    let edit = PlaceEdit {
        id,
        name: name.to_owned(),
        description,
        position: position.trim().parse().unwrap_or(-1),
        archived,
    };
    catalog::save_place(&app_state()?.db, &admin, &edit)
        .await
        .map(|_| ())
}
