//! A person's own reading of a text "Listen" reads: one per text, standing in for the machine's
//! voice while the text is the one it was recorded for.
use crate::domain::ReadingOf;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "readings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: ReadingOf,
    /// The proposal's or decision's id (an outcome is named by its proposal's).
    #[sea_orm(primary_key, auto_increment = false)]
    pub target_id: i32,
    /// A hash of the text as "Listen" reads it in Czech when this was recorded: once the text
    /// changes, the machine reads the new one until someone records it again.
    pub text_key: String,
    /// A stored Ogg Opus file (see `infra::voice`).
    pub file_name: String,
    pub seconds: i32,
    pub recorded_by: i32,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
