//! A voter's current choice while a decision is open. The close deletes every row of the decision
//! in the transaction that writes its tallies.
use crate::domain::Choice;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "open_ballot_marks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub decision_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub proposal_id: i32,
    pub choice: Option<Choice>,
    pub dots: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
