//! The one rule for who may read a proposal's words (its title, text and photos), used by every
//! read path: pages, server functions, decisions, notifications, open data and the CSV exports.
//! Staff read everything; nobody else reads what moderators hid, and a proposal waiting for
//! approval is read only by its author.
use super::entities::proposal;
use crate::domain::{ProposalStatus, Role};
use crate::error::AppError;
use crate::visitor::Member;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub(super) fn is_staff(viewer: Option<&Member>) -> bool {
    matches!(viewer.map(|m| m.role), Some(Role::Staff | Role::Admin))
}

/// Whether `viewer` (None: a visitor, or a document that leaves Spolu) may read the words.
pub fn readable_by(row: &proposal::Model, viewer: Option<&Member>) -> bool {
    if is_staff(viewer) {
        return true;
    }
    if row.hidden_at.is_some() {
        return false;
    }
    row.status != ProposalStatus::Submitted.as_str()
        || viewer.is_some_and(|member| member.id == row.author_id)
}

/// The title `viewer` may read; `None` where it is hidden from them.
pub fn title_for(row: &proposal::Model, viewer: Option<&Member>) -> Option<String> {
    readable_by(row, viewer).then(|| row.title.clone())
}

/// The titles of these proposals as `viewer` may read them, in one query. A proposal that does
/// not exist is missing from the map; one hidden from the viewer maps to `None`.
pub async fn titles_for(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
    viewer: Option<&Member>,
) -> Result<HashMap<i32, Option<String>>, AppError> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(ids))
        .all(db)
        .await?
        .iter()
        .map(|row| (row.id, title_for(row, viewer)))
        .collect())
}
