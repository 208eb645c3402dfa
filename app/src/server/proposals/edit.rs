//! What an author may do to their own proposal: edit it while nobody has acted on it, or withdraw it.
use super::create::ReadyProposal;
use super::status::move_status;
use super::visibility::find_visible;
use crate::domain::ProposalStatus;
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::proposal;
use crate::server::infra::search;
use crate::server::proposal_words::{is_staff, readable_by};
use crate::visitor::Member;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Withdraws a proposal: its author, or staff, while it is waiting or open (before any vote).
pub async fn withdraw(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
) -> Result<(), AppError> {
    let row = find_visible(db, Some(member), proposal_id).await?;
    if row.author_id != member.id && !is_staff(Some(member)) {
        return Err(AppError::Forbidden);
    }
    // Conditional on the status, so a vote opening at the same moment wins cleanly.
    let from = [ProposalStatus::Submitted, ProposalStatus::Open];
    if !move_status(db, proposal_id, &from, ProposalStatus::Withdrawn, member).await? {
        return Err(AppError::field("withdraw", "error-withdraw-late"));
    }
    Ok(())
}

/// Changes a proposal's title, text, category and place: its author or staff, while it is
/// waiting or open. After others have commented it shows "edited", so the discussion stays fair.
pub async fn edit(
    db: &DatabaseConnection,
    member: &Member,
    id: i32,
    proposal: ReadyProposal,
) -> Result<(), AppError> {
    let row = find_visible(db, Some(member), id).await?;
    if row.author_id != member.id && !is_staff(Some(member)) {
        return Err(AppError::Forbidden);
    }
    // What moderators hid stays as they left it; only staff change it.
    if !readable_by(&row, Some(member)) {
        return Err(AppError::field("title", "error-edit-hidden"));
    }
    let ReadyProposal {
        title,
        body,
        category,
        place,
    } = proposal;
    let others_commented = crate::server::entities::comment::Entity::find()
        .filter(crate::server::entities::comment::Column::ProposalId.eq(id))
        .filter(crate::server::entities::comment::Column::AuthorId.ne(row.author_id))
        .one(db)
        .await?
        .is_some();
    let mut update = proposal::Entity::update_many()
        .col_expr(proposal::Column::Title, Expr::value(title.as_str()))
        .col_expr(proposal::Column::Body, Expr::value(body.as_str()))
        .col_expr(proposal::Column::CategoryId, Expr::value(category.id))
        .col_expr(proposal::Column::PlaceId, Expr::value(place.map(|p| p.id)))
        // Words written by the author or staff: a voice-only proposal has its text now.
        .col_expr(proposal::Column::AwaitingText, Expr::value(false))
        .col_expr(
            proposal::Column::SearchText,
            Expr::value(search::proposal_text(&title, &body)),
        );
    if others_commented {
        update = update.col_expr(proposal::Column::EditedAt, Expr::value(Some(now())));
    }
    // A moderator hiding it at this very moment wins.
    if !is_staff(Some(member)) {
        update = update.filter(proposal::Column::HiddenAt.is_null());
    }
    // Only while waiting or open: once a vote opens, the text people vote on stays as it was.
    let changed = update
        .filter(proposal::Column::Id.eq(id))
        .filter(proposal::Column::Status.is_in([ProposalStatus::Submitted, ProposalStatus::Open]))
        .exec(db)
        .await?;
    if changed.rows_affected != 1 {
        return Err(AppError::field("title", "error-edit-late"));
    }
    Ok(())
}
