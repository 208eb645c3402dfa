//! A member changing their own account: the name others see, the language, and the password.
use crate::domain::{DisplayName, Password};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Locale;
use crate::server::accounts::authenticate::{Claimant, authenticate};
use crate::server::entities::user;
use crate::server::infra::passwords;
use crate::visitor::Member;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

pub async fn rename(
    db: &DatabaseConnection,
    member: &Member,
    name: &DisplayName,
) -> Result<(), AppError> {
    user::Entity::update_many()
        .col_expr(user::Column::DisplayName, Expr::value(name.as_str()))
        .col_expr(
            user::Column::SearchText,
            Expr::value(super::members::search_text(name.as_str(), &member.username)),
        )
        .filter(user::Column::Id.eq(member.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The language Spolu speaks to the member everywhere, notifications included.
pub async fn set_language(
    db: &DatabaseConnection,
    member: &Member,
    locale: &Locale,
) -> Result<(), AppError> {
    user::Entity::update_many()
        .col_expr(user::Column::Language, Expr::value(locale.tag()))
        .filter(user::Column::Id.eq(member.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The current password proves it is the member at the phone, not someone who found it unlocked.
/// `this_session` stays signed in; every other session of the member ends.
pub async fn change_password(
    db: &DatabaseConnection,
    member: &Member,
    current: &str,
    new: &str,
    this_session: Option<&str>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    // Checked first, so a bad new password does not give free guesses at the current one.
    if authenticate(db, Claimant::SignedIn(member), current, None)
        .await?
        .is_none()
    {
        errors.add("current_password", "error-password-wrong");
    }
    let new = errors.check("new_password", Password::parse(new));
    errors.finish()?;
    let new = new.ok_or(AppError::Internal)?;
    let hash = passwords::hash(&new).await?;
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Id.eq(member.id))
        .exec(&txn)
        .await?;
    crate::server::infra::session_store::end_sessions(&txn, member.id, this_session).await?;
    txn.commit().await?;
    Ok(())
}
