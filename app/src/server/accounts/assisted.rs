//! Acting for a resident who is present and asks (assisted entry): staff write a proposal or a
//! comment that is stored as the member's and marked "written with the help of" the staff member.
use crate::error::AppError;
use crate::permissions::{Action, require};
use crate::server::accounts::members::to_member;
use crate::server::entities::user;
use crate::visitor::Member;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Who is writing: the asker themselves, or — when `for_member` names someone — that member, with
/// the asking staff member as helper. A suspended member cannot be written for either.
pub async fn author_and_helper(
    db: &DatabaseConnection,
    asker: Option<Member>,
    for_member: Option<&str>,
) -> Result<(Member, Option<Member>), AppError> {
    let Some(id) = for_member.map(str::trim).filter(|id| !id.is_empty()) else {
        return Ok((require(asker, Action::Participate)?, None));
    };
    let staff = require(asker, Action::ActForResident)?;
    let id: i32 = id.parse().map_err(|_| AppError::BadRequest)?;
    let author = to_member(&resident(db, &staff, id).await?);
    if author.suspended {
        return Err(AppError::Suspended);
    }
    Ok((author, Some(staff)))
}

/// The resident `staff` may act for (see `permissions::may_act_for`), or why not.
async fn resident(
    db: &DatabaseConnection,
    staff: &Member,
    id: i32,
) -> Result<user::Model, AppError> {
    let row = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|row| row.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    if !crate::permissions::may_act_for(staff, &to_member(&row)) {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// The display name of the member staff are writing for, for the form's banner.
pub async fn member_name(
    db: &DatabaseConnection,
    staff: &Member,
    id: i32,
) -> Result<String, AppError> {
    Ok(resident(db, staff, id).await?.display_name)
}
