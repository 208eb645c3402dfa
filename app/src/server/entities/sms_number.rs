//! The number a member gave for text messages: personal data, shown only to the member and
//! staff, in the member's data download, deleted with the account.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sms_numbers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_id: i32,
    /// `+420777123456` (a checked `PhoneNumber`).
    pub number: String,
    /// The member, or the staff member who added it at the desk with the member's consent.
    pub added_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
