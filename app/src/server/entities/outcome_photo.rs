use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_photos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub update_id: i32,
    pub position: i32,
    pub file_name: String,
    pub thumbnail_name: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
