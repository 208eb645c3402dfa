//! The friendly question "Do you want to hear what happens next?": asked right after a member's
//! first proposal or first vote, never on a first visit (when it would only be noise), never
//! again after that, and not at all to someone who already has phone notifications on. Nothing
//! is stored for it: "first" is read from what the member has done.
use crate::error::AppError;
use crate::server::entities::{decision_participant, proposal, push_device};
use crate::visitor::Member;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Whether to ask `member` now, on the page that follows their first proposal or vote.
pub async fn ask_now(db: &DatabaseConnection, member: &Member) -> Result<bool, AppError> {
    let has_device = push_device::Entity::find()
        .filter(push_device::Column::MemberId.eq(member.id))
        .count(db)
        .await?
        > 0;
    if has_device {
        return Ok(false);
    }
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(member.id))
        .count(db)
        .await?;
    let votes = decision_participant::Entity::find()
        .filter(decision_participant::Column::MemberId.eq(member.id))
        .count(db)
        .await?;
    Ok(proposals + votes == 1)
}
