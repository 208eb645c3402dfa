//! Categories and places as admins edit them on `/admin/categories` (shared by server and page).
use serde::{Deserialize, Serialize};

/// The icons a category may have, as stored in `categories.icon`.
pub const CATEGORY_ICONS: [&str; 8] = [
    "playground",
    "broom",
    "tree",
    "shield",
    "building",
    "car",
    "people",
    "dots",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEdit {
    pub id: i32,
    pub name_cs: String,
    pub name_en: String,
    pub icon: String,
    /// `#rrggbb`
    pub colour: String,
    pub position: i32,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceEdit {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub position: i32,
    pub archived: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub categories: Vec<CategoryEdit>,
    pub places: Vec<PlaceEdit>,
}
