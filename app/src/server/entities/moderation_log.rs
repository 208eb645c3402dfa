use crate::domain::{LogAction, TargetKind};
use sea_orm::entity::prelude::*;

/// Append-only: the code only ever inserts rows here.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub staff_id: i32,
    pub action: LogAction,
    pub target_kind: Option<TargetKind>,
    pub target_id: Option<i32>,
    pub member_id: Option<i32>,
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
