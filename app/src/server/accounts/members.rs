//! Member accounts: creating them and turning rows into the `Member` the app works with.
use crate::domain::{DisplayName, Role, Username};
use crate::error::AppError;
use crate::server::entities::user;
use crate::visitor::Member;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, SqlErr,
};
use std::collections::HashMap;

pub struct NewMember<'a> {
    pub username: &'a Username,
    pub display_name: &'a DisplayName,
    pub password_hash: String,
    pub role: Role,
    pub core: bool,
    pub language: Option<String>,
}

/// What staff find a member by: their name and username, folded ("Žofie K." → "zofie k. zofie.k").
pub fn search_text(display_name: &str, username: &str) -> String {
    crate::server::infra::search::fold(&format!("{display_name} {username}"))
}

/// Stores a new member; a taken username becomes a message next to the username field.
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewMember<'_>,
) -> Result<user::Model, AppError> {
    let row = user::ActiveModel {
        username: Set(new.username.as_str().to_owned()),
        display_name: Set(new.display_name.as_str().to_owned()),
        password_hash: Set(new.password_hash),
        role: Set(new.role),
        core: Set(new.core),
        language: Set(new.language),
        created_at: Set(Utc::now()),
        search_text: Set(search_text(
            new.display_name.as_str(),
            new.username.as_str(),
        )),
        ..Default::default()
    };
    row.insert(db).await.map_err(|error| match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            AppError::field("username", "error-username-taken")
        }
        _ => error.into(),
    })
}

pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &Username,
) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .one(db)
        .await?)
}

pub async fn any_admin_exists(db: &impl ConnectionTrait) -> Result<bool, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .one(db)
        .await?
        .is_some())
}

/// The app's view of a stored member; a row with an unknown role is treated as a resident.
pub fn to_member(row: &user::Model) -> Member {
    Member {
        id: row.id,
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        role: row.role,
        core: row.core,
        suspended: row.suspended_until.is_some_and(|until| until > Utc::now()),
    }
}

/// The member's suspension while it lasts; a past one is over by itself, nothing needs to lift it.
pub fn suspension(row: &user::Model, zone: chrono_tz::Tz) -> Option<crate::visitor::Suspension> {
    let until = row.suspended_until.filter(|until| *until > Utc::now())?;
    Some(crate::visitor::Suspension {
        // The member may act again from `until`: the last day without is the day it ends on,
        // unless it ends at midnight.
        until_day: crate::server::clock::local_day(until - chrono::Duration::seconds(1), zone),
        reason: row.suspension_reason.clone().unwrap_or_default(),
    })
}

/// The name others see: a deleted account is "former member", in the reader's language.
pub fn shown_name(row: &user::Model) -> String {
    if row.deleted_at.is_some() {
        crate::i18n::Locale::parse(&crate::server::request_language())
            .unwrap_or_default()
            .text("former-member")
    } else {
        row.display_name.clone()
    }
}

/// Whether the account speaks for the centre (staff or admin), for the badge beside its name.
pub fn is_staff_account(row: &crate::server::entities::user::Model) -> bool {
    row.deleted_at.is_none()
        && matches!(
            row.role,
            crate::domain::Role::Staff | crate::domain::Role::Admin
        )
}

/// Display names by member id, in one query.
pub async fn names(
    db: &DatabaseConnection,
    ids: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut ids: Vec<i32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, crate::server::accounts::members::shown_name(&u)))
        .collect())
}
