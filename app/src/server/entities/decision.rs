use crate::domain::{DecisionKind, Eligibility, Outcome, VotingMethod};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: DecisionKind,
    pub method: VotingMethod,
    pub title: String,
    pub eligibility: Eligibility,
    pub quorum: i32,
    pub dots_per_voter: Option<i32>,
    pub dots_per_proposal: Option<i32>,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub started_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub cancel_reason: Option<String>,
    pub eligible_count: Option<i32>,
    pub voter_count: Option<i32>,
    pub outcome: Option<Outcome>,
    pub meeting_note: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    /// When the "closes tomorrow" reminder went out (once, whichever instance sent it).
    pub reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
