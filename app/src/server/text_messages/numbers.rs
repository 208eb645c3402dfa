//! The number a member gave for text messages. Personal data: shown only to the member and to
//! staff, in the member's data download, gone with the account. A member sets their own; staff
//! set one at the desk only when the member agrees, and that is logged.
use super::gateway_settings::offered;
use crate::domain::{LogAction, PhoneNumber, Role};
use crate::error::AppError;
use crate::permissions::{Action, allows};
use crate::server::accounts::members::to_member;
use crate::server::clock::now;
use crate::server::entities::{sms_message, sms_number, user};
use crate::server::infra::text_gateway::TextChannel;
use crate::server::staff_log::{LogEntry, log};
use crate::views::text_messages::MyTextMessages;
use crate::visitor::Member;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use std::collections::HashMap;

/// What `/me` shows.
pub async fn my_text_messages(
    db: &DatabaseConnection,
    channel: &TextChannel,
    member: &Member,
) -> Result<MyTextMessages, AppError> {
    Ok(MyTextMessages {
        offered: offered(db, channel).await?,
        number: number_of(db, member.id).await?.map(|n| n.spaced()),
    })
}

pub async fn number_of(
    db: &impl ConnectionTrait,
    member: i32,
) -> Result<Option<PhoneNumber>, AppError> {
    Ok(sms_number::Entity::find_by_id(member)
        .one(db)
        .await?
        .and_then(|row| PhoneNumber::parse(&row.number).ok()))
}

/// The numbers of `members` who gave one, spaced for reading (for the staff's member list).
pub async fn for_members(
    db: &DatabaseConnection,
    members: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(sms_number::Entity::find()
        .filter(sms_number::Column::MemberId.is_in(members))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| {
            Some((
                row.member_id,
                PhoneNumber::parse(&row.number).ok()?.spaced(),
            ))
        })
        .collect())
}

/// Keeps `number` for `member_id`'s text messages. `by` is the member themself, or staff at the
/// desk, who must say the member agreed (`consent`). Only while the site sends text messages.
pub async fn set_number(
    db: &DatabaseConnection,
    channel: &TextChannel,
    by: &Member,
    member_id: i32,
    number: &PhoneNumber,
    consent: bool,
) -> Result<(), AppError> {
    // Who may change this number is checked first: a refusal says nothing about the site.
    let for_someone = may_change(db, by, member_id).await?;
    if !offered(db, channel).await? {
        return Err(AppError::field("number", "error-sms-not-offered"));
    }
    if !consent {
        return Err(AppError::field("consent", "error-sms-consent"));
    }
    let txn = db.begin().await?;
    sms_number::Entity::insert(sms_number::ActiveModel {
        member_id: Set(member_id),
        number: Set(number.as_str().to_owned()),
        added_by: Set(by.id),
        created_at: Set(now()),
    })
    .on_conflict(
        OnConflict::column(sms_number::Column::MemberId)
            .update_columns([
                sms_number::Column::Number,
                sms_number::Column::AddedBy,
                sms_number::Column::CreatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if for_someone {
        logged(&txn, by, LogAction::SetPhone, member_id).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Forgets `member_id`'s number and the messages still waiting for it.
pub async fn remove_number(
    db: &DatabaseConnection,
    by: &Member,
    member_id: i32,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let for_someone = may_change(&txn, by, member_id).await?;
    let removed = sms_number::Entity::delete_by_id(member_id)
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(AppError::field("number", "error-sms-no-number"));
    }
    sms_message::Entity::delete_many()
        .filter(sms_message::Column::MemberId.eq(member_id))
        .filter(sms_message::Column::SentAt.is_null())
        .exec(&txn)
        .await?;
    if for_someone {
        logged(&txn, by, LogAction::RemovePhone, member_id).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Whether `by` may change `member_id`'s number, and whether it is someone else's: a member their
/// own; staff a resident's or a core member's (admins also staff's), never for a deleted account.
async fn may_change(
    db: &impl ConnectionTrait,
    by: &Member,
    member_id: i32,
) -> Result<bool, AppError> {
    let row = user::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .filter(|row| row.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    if row.id == by.id {
        return Ok(false);
    }
    let target = to_member(&row);
    let staff_may = allows(Some(by), Action::ManageMembers, true)
        && (target.role == Role::Resident || allows(Some(by), Action::ManageStaff, true));
    if staff_may {
        Ok(true)
    } else {
        Err(AppError::Forbidden)
    }
}

async fn logged(
    db: &impl ConnectionTrait,
    staff: &Member,
    action: LogAction,
    member: i32,
) -> Result<(), AppError> {
    log(
        db,
        LogEntry {
            staff,
            action,
            target: None,
            member: Some(member),
            reason: None,
        },
    )
    .await
    .map(|_| ())
}
