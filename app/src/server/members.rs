//! What staff do with members' accounts at the desk: find them, add them to or remove them from
//! the core group, suspend them until a day or lift it, give a one-time code for a new password,
//! and (admins only) change their role. Each change and its log row are one transaction.
use crate::domain::{InviteCode, LogAction, Role, StaffNote};
use crate::error::{AppError, FieldErrors};
use crate::permissions::{Action, allows, may_handle_code_for};
use crate::server::accounts::members::to_member;
use crate::server::clock::now;
use crate::server::clock::parse_local;
use crate::server::entities::{invite, user};
use crate::server::infra::search;
use crate::server::infra::session_store::end_sessions;
use crate::server::invites::{InviteBatch, create as create_codes};
use crate::server::staff_log::LogEntry;
use crate::server::staff_log::log;
use crate::views::members::MemberRow;
use crate::visitor::Member;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// How long a password-reset code works: long enough to walk home, short enough not to linger.
pub const RESET_VALIDITY: Duration = Duration::days(2);
/// At most this many members are listed for a search.
const LIST_LIMIT: u64 = 50;

/// Members whose name or username contains every word of `q` (accents and case do not matter),
/// by name, at most [`LIST_LIMIT`]. Found in SQL through each member's folded `search_text`, so
/// no more than one page of accounts is ever read, however many members there are.
pub async fn search_members(
    db: &DatabaseConnection,
    staff: &Member,
    q: &str,
    zone: Tz,
) -> Result<Vec<MemberRow>, AppError> {
    let at = now();
    let mut query = user::Entity::find().filter(user::Column::DeletedAt.is_null());
    for word in search::words(q) {
        query = query.filter(user::Column::SearchText.like(search::contains_pattern(&word)));
    }
    let rows: Vec<user::Model> = query
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    let phones = crate::server::text_messages::for_members(db, rows.iter().map(|r| r.id)).await?;
    let codes = invite::Entity::find()
        .filter(invite::Column::ResetFor.is_in(rows.iter().map(|r| r.id)))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(at))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let member = to_member(&row);
            let suspension = crate::server::accounts::members::suspension(&row, zone);
            MemberRow {
                id: row.id,
                phone: phones.get(&row.id).cloned(),
                reset_code: codes
                    .iter()
                    .filter(|_| may_handle_code_for(staff, member.role))
                    .find(|c| c.reset_for == Some(row.id))
                    .and_then(|c| InviteCode::parse(&c.code).ok())
                    .map(|c| c.to_string()),
                display_name: row.display_name,
                username: row.username,
                role: member.role,
                core: member.core,
                suspended_until: suspension.as_ref().map(|s| s.until_day.clone()),
                suspension_reason: suspension.map(|s| s.reason),
            }
        })
        .collect())
}

/// The member staff want to act on, if `staff` may act on them: never on themselves, and only
/// admins on an admin ("staff cannot suspend or demote an admin").
async fn subject(
    db: &impl sea_orm::ConnectionTrait,
    staff: &Member,
    member_id: i32,
) -> Result<user::Model, AppError> {
    let row = user::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.id == staff.id {
        return Err(AppError::field("member", "error-member-self"));
    }
    if to_member(&row).role == Role::Admin && !allows(Some(staff), Action::ManageStaff, true) {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

fn entry<'a>(
    staff: &'a Member,
    action: LogAction,
    member: i32,
    reason: Option<&'a str>,
) -> LogEntry<'a> {
    LogEntry {
        staff,
        action,
        target: None,
        member: Some(member),
        reason,
    }
}

/// Adds a member to the core group or removes them.
pub async fn set_core(
    db: &DatabaseConnection,
    staff: &Member,
    member_id: i32,
    core: bool,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let changed = user::Entity::update_many()
        .col_expr(user::Column::Core, Expr::value(core))
        .filter(user::Column::Id.eq(member_id))
        .filter(user::Column::Core.eq(!core))
        .exec(&txn)
        .await?;
    subject(&txn, staff, member_id).await?;
    if changed.rows_affected != 1 {
        return Err(AppError::field("core", "error-core-unchanged"));
    }
    let action = if core {
        LogAction::AddToCore
    } else {
        LogAction::RemoveFromCore
    };
    log(&txn, entry(staff, action, member_id, None)).await?;
    txn.commit().await?;
    Ok(())
}

/// A suspension, checked: when it ends and the reason the member will see.
pub struct Suspension {
    /// The last day of it, in the estate's calendar.
    pub last_day: NaiveDate,
    /// The start of the day after.
    pub ends_at: DateTime<Utc>,
    pub reason: StaffNote,
}

impl Suspension {
    /// Through the day `until` (`2026-12-24`, in the estate's calendar), which is not over yet;
    /// both fields are checked together.
    pub fn parse(until: &str, reason: &str, zone: Tz) -> Result<Self, AppError> {
        let mut errors = FieldErrors::default();
        let last_day = NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d").ok();
        let ends = last_day.and_then(|day| {
            let next = day.succ_opt()?;
            parse_local(&format!("{next}T00:00"), zone)
                .filter(|ends| *ends > now())
                .map(|ends| (day, ends))
        });
        let ends = errors.check("until", ends.ok_or("error-suspend-until"));
        let reason = errors.check("reason", StaffNote::parse(reason));
        let (Some((last_day, ends_at)), Some(reason)) = (ends, reason) else {
            return Err(errors.into_error());
        };
        Ok(Self {
            last_day,
            ends_at,
            reason,
        })
    }
}

/// Suspends a member until the suspension ends, with its reason shown to them.
pub async fn suspend(
    db: &DatabaseConnection,
    staff: &Member,
    member_id: i32,
    suspension: Suspension,
) -> Result<(), AppError> {
    let Suspension {
        last_day,
        ends_at,
        reason,
    } = suspension;
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::SuspendedUntil, Expr::value(Some(ends_at)))
        .col_expr(
            user::Column::SuspensionReason,
            Expr::value(Some(reason.as_str())),
        )
        .filter(user::Column::Id.eq(member_id))
        .exec(&txn)
        .await?;
    subject(&txn, staff, member_id).await?;
    let logged = format!("{} ({last_day})", reason.as_str());
    log(
        &txn,
        entry(staff, LogAction::Suspend, member_id, Some(&logged)),
    )
    .await?;
    // A suspension also ends what the member had open on their devices.
    end_sessions(&txn, member_id, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Ends a running suspension now.
pub async fn lift_suspension(
    db: &DatabaseConnection,
    staff: &Member,
    member_id: i32,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let lifted = user::Entity::update_many()
        .col_expr(
            user::Column::SuspendedUntil,
            Expr::value(None::<chrono::DateTime<chrono::Utc>>),
        )
        .filter(user::Column::Id.eq(member_id))
        .filter(user::Column::SuspendedUntil.gt(now()))
        .exec(&txn)
        .await?;
    subject(&txn, staff, member_id).await?;
    if lifted.rows_affected != 1 {
        return Err(AppError::field("lift", "error-not-suspended"));
    }
    log(
        &txn,
        entry(staff, LogAction::LiftSuspension, member_id, None),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A new one-time code with which the member sets a new password (`/reset`); any earlier unused
/// one stops working.
pub async fn reset_code(
    db: &DatabaseConnection,
    staff: &Member,
    member_id: i32,
) -> Result<InviteCode, AppError> {
    let txn = db.begin().await?;
    invite::Entity::update_many()
        .col_expr(invite::Column::RevokedAt, Expr::value(now()))
        .filter(invite::Column::ResetFor.eq(member_id))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let row = subject(&txn, staff, member_id).await?;
    // A reset code is a way into the member's account, and so into their role.
    if !may_handle_code_for(staff, to_member(&row).role) {
        return Err(AppError::Forbidden);
    }
    let batch = InviteBatch {
        role: to_member(&row).role,
        core: row.core,
        count: 1,
        created_by: Some(staff.id),
        valid_for: RESET_VALIDITY,
        note: None,
        reset_for: Some(member_id),
    };
    let code = create_codes(&txn, &batch)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::Internal)?;
    log(
        &txn,
        entry(staff, LogAction::ResetPassword, member_id, None),
    )
    .await?;
    // The member asked because they lost their way in (a forgotten password, a lost phone): no
    // device stays signed in, and a sign-in block someone else caused by guessing is lifted.
    end_sessions(&txn, member_id, None).await?;
    crate::server::accounts::sign_in_limit::forgive_account(&txn, &row.username).await?;
    txn.commit().await?;
    Ok(code)
}

/// An admin makes someone a resident, staff or an admin.
pub async fn set_role(
    db: &DatabaseConnection,
    admin: &Member,
    member_id: i32,
    role: Role,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let changed = user::Entity::update_many()
        .col_expr(user::Column::Role, Expr::value(role))
        .filter(user::Column::Id.eq(member_id))
        .filter(user::Column::Role.ne(role))
        .exec(&txn)
        .await?;
    subject(&txn, admin, member_id).await?;
    if changed.rows_affected != 1 {
        return Err(AppError::field("role", "error-role-unchanged"));
    }
    log(
        &txn,
        entry(admin, LogAction::ChangeRole, member_id, Some(role.as_str())),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
