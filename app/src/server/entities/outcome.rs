use crate::domain::OutcomeStage;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcomes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub proposal_id: i32,
    pub summary: String,
    pub who_does: String,
    pub due_on: Option<Date>,
    pub stage: OutcomeStage,
    pub not_possible_reason: Option<String>,
    pub published_by: i32,
    pub published_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
