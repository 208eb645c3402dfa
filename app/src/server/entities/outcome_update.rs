use crate::domain::OutcomeStage;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub outcome_id: i32,
    pub body: String,
    pub stage: Option<OutcomeStage>,
    pub written_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
