use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub proposal_id: i32,
    pub author_id: i32,
    pub parent_id: Option<i32>,
    pub body: String,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
    pub hidden_at: Option<DateTimeUtc>,
    pub hidden_reason: Option<String>,
    pub moderator_note: Option<String>,
    pub held_at: Option<DateTimeUtc>,
    pub assisted_by: Option<i32>,
    /// The author's recording, a stored Ogg Opus file; see `infra::voice`.
    pub voice_file: Option<String>,
    pub voice_seconds: Option<i32>,
    /// Sent only as a voice: held until staff have listened and written its words.
    pub awaiting_text: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
