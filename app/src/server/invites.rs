//! Single-use invite codes: making them, and redeeming one to become a member.
pub mod batches;
use crate::domain::{DisplayName, InviteCode, Password, Role, Username};
use crate::error::AppError;
use crate::server::accounts::members::{self, NewMember};
use crate::server::entities::invite;
use crate::server::infra::passwords;
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, SqlErr, TransactionTrait,
};

/// How long a printed code stays valid unless staff say otherwise.
pub const DEFAULT_VALIDITY: Duration = Duration::days(30);

pub struct InviteBatch {
    pub role: Role,
    pub core: bool,
    pub count: u32,
    pub created_by: Option<i32>,
    pub valid_for: Duration,
    pub note: Option<String>,
    /// A password-reset code for this existing member, not an invitation.
    pub reset_for: Option<i32>,
}

pub fn random_code() -> Option<InviteCode> {
    let mut rng = rand::rng();
    InviteCode::from_indexes(
        (0..InviteCode::LENGTH).map(|_| rng.random_range(0..InviteCode::ALPHABET.len())),
    )
}

/// Makes `count` new codes; a code that happens to exist already is drawn again.
pub async fn create(
    db: &impl ConnectionTrait,
    batch: &InviteBatch,
) -> Result<Vec<InviteCode>, AppError> {
    let mut codes = Vec::new();
    let mut ids = Vec::new();
    let now = Utc::now();
    while codes.len() < batch.count as usize {
        let code = random_code().ok_or(AppError::Internal)?;
        let row = invite::ActiveModel {
            code: Set(code.as_stored().to_owned()),
            role: Set(batch.role),
            core: Set(batch.core),
            created_by: Set(batch.created_by),
            created_at: Set(now),
            expires_at: Set(now + batch.valid_for),
            note: Set(batch.note.clone()),
            reset_for: Set(batch.reset_for),
            ..Default::default()
        };
        match row.insert(db).await {
            Ok(row) => {
                ids.push(row.id);
                codes.push(code);
            }
            Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            }
            Err(error) => return Err(error.into()),
        }
    }
    // The batch is named after its first code, so its slips can be printed together.
    if let Some(first) = ids.first() {
        invite::Entity::update_many()
            .col_expr(invite::Column::Batch, Expr::value(*first))
            .filter(invite::Column::Id.is_in(ids.clone()))
            .exec(db)
            .await?;
    }
    Ok(codes)
}

pub struct Redemption {
    pub code: InviteCode,
    pub username: Username,
    pub display_name: DisplayName,
    pub password: Password,
    pub language: Option<String>,
}

/// Turns a valid, unused code into a member, in one transaction: either both the member exists
/// and the code is used, or neither.
pub async fn redeem(db: &DatabaseConnection, redemption: Redemption) -> Result<i32, AppError> {
    let code = redemption.code.as_stored();
    // The code first: a wrong one must not cost a password hash (slow on purpose), or guessing
    // codes would be a cheap way to load the server.
    let found = invite::Entity::find()
        .filter(invite::Column::Code.eq(code))
        .filter(invite::Column::ResetFor.is_null())
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("code", "error-invite-unknown"))?;
    if found.used_at.is_some() {
        return Err(AppError::field("code", "error-invite-used"));
    }
    if found.revoked_at.is_some() || found.expires_at <= Utc::now() {
        return Err(AppError::field("code", "error-invite-expired"));
    }
    let password_hash = passwords::hash(&redemption.password).await?;
    let now = Utc::now();
    let txn = db.begin().await?;
    // Claim the code first: a conditional write, so two people racing with one code cannot both
    // win, and SQLite takes its write lock at once instead of upgrading a read lock later.
    let claimed = invite::Entity::update_many()
        .col_expr(invite::Column::UsedAt, Expr::value(now))
        .filter(invite::Column::Code.eq(code))
        // A password-reset code never makes a new account.
        .filter(invite::Column::ResetFor.is_null())
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    let found = invite::Entity::find()
        .filter(invite::Column::Code.eq(code))
        .filter(invite::Column::ResetFor.is_null())
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("code", "error-invite-unknown"))?;
    if claimed.rows_affected != 1 {
        let message = if found.used_at.is_some() {
            "error-invite-used"
        } else {
            "error-invite-expired"
        };
        return Err(AppError::field("code", message));
    }
    let role = found.role;
    let member = members::create(
        &txn,
        NewMember {
            username: &redemption.username,
            display_name: &redemption.display_name,
            password_hash,
            role,
            core: found.core,
            language: redemption.language,
        },
    )
    .await?;
    invite::Entity::update_many()
        .col_expr(invite::Column::UsedBy, Expr::value(member.id))
        .filter(invite::Column::Id.eq(found.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(member.id)
}

/// On a database without an admin, makes a fresh admin code for the first start-up line.
/// Earlier unused setup codes are revoked, so only the newest printed one works.
pub async fn setup_code(db: &DatabaseConnection) -> Result<Option<InviteCode>, AppError> {
    if members::any_admin_exists(db).await? {
        return Ok(None);
    }
    invite::Entity::update_many()
        .col_expr(invite::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(invite::Column::CreatedBy.is_null())
        .filter(invite::Column::Role.eq(Role::Admin))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    let batch = InviteBatch {
        role: Role::Admin,
        core: false,
        count: 1,
        created_by: None,
        valid_for: Duration::days(7),
        note: Some("setup".into()),
        reset_for: None,
    };
    Ok(create(db, &batch).await?.into_iter().next())
}

/// Sets a new password with a one-time reset code staff made at the desk; the code is used up in
/// the same transaction. Returns the member, to sign them in.
pub async fn reset_password(
    db: &DatabaseConnection,
    code: &InviteCode,
    password: &Password,
) -> Result<i32, AppError> {
    // The code first, so a wrong one costs no password hash; the claim below decides for real.
    let usable = invite::Entity::find()
        .filter(invite::Column::Code.eq(code.as_stored()))
        .filter(invite::Column::ResetFor.is_not_null())
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    if usable.is_none() {
        return Err(AppError::field("code", "error-reset-code"));
    }
    let password_hash = passwords::hash(password).await?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let claimed = invite::Entity::update_many()
        .col_expr(invite::Column::UsedAt, Expr::value(now))
        .filter(invite::Column::Code.eq(code.as_stored()))
        .filter(invite::Column::ResetFor.is_not_null())
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::field("code", "error-reset-code"));
    }
    let member_id = invite::Entity::find()
        .filter(invite::Column::Code.eq(code.as_stored()))
        .one(&txn)
        .await?
        .and_then(|row| row.reset_for)
        .ok_or(AppError::Internal)?;
    crate::server::entities::user::Entity::update_many()
        .col_expr(
            crate::server::entities::user::Column::PasswordHash,
            Expr::value(password_hash),
        )
        .filter(crate::server::entities::user::Column::Id.eq(member_id))
        .exec(&txn)
        .await?;
    // Whoever was signed in with the old password is not any more.
    crate::server::infra::session_store::end_sessions(&txn, member_id, None).await?;
    txn.commit().await?;
    Ok(member_id)
}
