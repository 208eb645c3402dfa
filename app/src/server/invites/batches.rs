//! Invite codes on paper: the batches staff made, revoking unused codes, and the printable slips
//! with a QR code drawn on the server as SVG.
use crate::domain::{InviteCode, LogAction, Role};
use crate::error::AppError;
use crate::permissions::may_handle_code_for;
use crate::server::accounts::members::names;
use crate::server::clock::local_day;
use crate::server::clock::now;
use crate::server::entities::invite;
use crate::server::staff_log::LogEntry;
use crate::server::staff_log::log;
use crate::views::invites::{BatchView, CodeState, CodeView, PrintSheet, Slip};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// How many of the newest codes the batches list looks at.
const RECENT_CODES: u64 = 500;

fn role_key(row: &invite::Model) -> String {
    match (code_role(row), row.core) {
        (Role::Resident, true) => "role-core".into(),
        (role, _) => role.label_key().into(),
    }
}

fn display(code: &str) -> String {
    InviteCode::parse(code).map_or_else(|_| code.to_owned(), |c| c.to_string())
}

/// The role a code gives; an unreadable one counts as the highest, so it is never shown to staff.
fn code_role(row: &invite::Model) -> Role {
    row.role
}

/// Codes of roles `viewer` may not hand out stay out of the query, not just out of sight.
fn codes_for(viewer: &Member) -> Condition {
    let roles = [Role::Resident, Role::Staff, Role::Admin]
        .into_iter()
        .filter(|role| may_handle_code_for(viewer, *role));
    Condition::all().add(invite::Column::Role.is_in(roles))
}

/// The newest batches `viewer` may see, newest first, with where each code stands.
pub async fn batches(
    db: &DatabaseConnection,
    viewer: &Member,
    zone: Tz,
) -> Result<Vec<BatchView>, AppError> {
    let rows = invite::Entity::find()
        .filter(invite::Column::Batch.is_not_null())
        .filter(invite::Column::ResetFor.is_null())
        .filter(codes_for(viewer))
        .order_by_desc(invite::Column::Id)
        .limit(RECENT_CODES)
        .all(db)
        .await?;
    let mut people: Vec<i32> = Vec::new();
    for row in &rows {
        people.extend([row.created_by, row.used_by].into_iter().flatten());
    }
    let names = names(db, people.into_iter()).await?;
    let name = |id: Option<i32>| {
        id.and_then(|id| names.get(&id).cloned())
            .unwrap_or_default()
    };
    let at = now();
    let mut batches: Vec<BatchView> = Vec::new();
    // Oldest code first within a batch, as printed.
    for row in rows.into_iter().rev() {
        let Some(batch) = row.batch else { continue };
        let state = if let Some(member) = row.used_by {
            CodeState::Used(name(Some(member)))
        } else if row.revoked_at.is_some() {
            CodeState::Revoked
        } else if row.expires_at <= at {
            CodeState::Expired
        } else {
            CodeState::Unused
        };
        let code = CodeView {
            id: row.id,
            code: display(&row.code),
            state,
        };
        match batches.iter_mut().find(|b| b.id == batch) {
            Some(view) => view.codes.push(code),
            None => batches.push(BatchView {
                id: batch,
                role_key: role_key(&row),
                note: row.note.clone(),
                made_on: local_day(row.created_at, zone),
                made_by: name(row.created_by),
                expires_on: local_day(row.expires_at, zone),
                codes: vec![code],
            }),
        }
    }
    batches.reverse();
    Ok(batches)
}

/// Stops an unused code from working.
pub async fn revoke(
    db: &DatabaseConnection,
    staff: &Member,
    invite_id: i32,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let revoked = invite::Entity::update_many()
        .col_expr(invite::Column::RevokedAt, Expr::value(now()))
        .filter(invite::Column::Id.eq(invite_id))
        .filter(invite::Column::ResetFor.is_null())
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let row = invite::Entity::find_by_id(invite_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Only admins hand out staff and admin codes, so only they take them back; the transaction
    // is dropped, so the refused revocation is undone.
    if !may_handle_code_for(staff, code_role(&row)) {
        return Err(AppError::Forbidden);
    }
    if revoked.rows_affected != 1 {
        return Err(AppError::field("revoke", "error-revoke-late"));
    }
    let code = display(&row.code);
    log(
        &txn,
        LogEntry {
            staff,
            action: LogAction::RevokeInvite,
            target: None,
            member: None,
            reason: Some(&code),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The slips of a batch that can still be used and that `viewer` may hand out, each with its QR
/// code.
pub async fn print_sheet(
    db: &DatabaseConnection,
    viewer: &Member,
    batch: i32,
    public_url: &str,
    site: &crate::views::site::Site,
    zone: Tz,
) -> Result<PrintSheet, AppError> {
    let rows = invite::Entity::find()
        .filter(invite::Column::Batch.eq(batch))
        .filter(invite::Column::ResetFor.is_null())
        .filter(codes_for(viewer))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(now()))
        .order_by_asc(invite::Column::Id)
        .all(db)
        .await?;
    let join_address = format!("{}/join", public_url.trim_end_matches('/'));
    let slips = rows
        .iter()
        .map(|row| {
            let code = display(&row.code);
            let join_url = format!("{join_address}?code={code}");
            Ok(Slip {
                qr_svg: crate::server::infra::qr::svg(&join_url)?,
                join_url,
                code,
                expires_on: local_day(row.expires_at, zone),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(PrintSheet {
        site_name: site.site_name.clone(),
        estate_name: site.estate_name.clone(),
        join_address,
        slips,
    })
}
