//! Which proposals a visitor may see: the one rule every read of a proposal goes through.
use crate::domain::ProposalStatus;
use crate::error::AppError;
use crate::server::entities::proposal;
use crate::server::proposal_words::is_staff;
use crate::visitor::Member;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select};

/// Proposals waiting for approval are seen only by their author and staff.
pub(super) fn visible_to(
    query: Select<proposal::Entity>,
    viewer: Option<&Member>,
) -> Select<proposal::Entity> {
    if is_staff(viewer) {
        return query;
    }
    let mut visible = Condition::any().add(proposal::Column::Status.ne(ProposalStatus::Submitted));
    if let Some(member) = viewer {
        visible = visible.add(proposal::Column::AuthorId.eq(member.id));
    }
    query.filter(visible)
}

/// The proposal with this id if `viewer` may see it; otherwise "not found" (not "forbidden", so a
/// waiting proposal's existence is not told).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: Option<&Member>,
    id: i32,
) -> Result<proposal::Model, AppError> {
    visible_to(proposal::Entity::find_by_id(id), viewer)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}
