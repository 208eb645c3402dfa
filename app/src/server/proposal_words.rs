//! The one rule for who may read a proposal's words (its title, text and photos), used by every
//! read path: pages, server functions, decisions, notifications, open data and the CSV exports.
//! Staff read everything; nobody else reads what moderators hid, and a proposal waiting for
//! approval is read only by its author.
use crate::domain::Role;
use crate::domain::{DecisionKind, ProposalStatus};
use crate::error::AppError;
use crate::server::entities::{decision, decision_proposal, proposal};
use crate::server::proposal_words;
use crate::visitor::Member;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub(crate) fn is_staff(viewer: Option<&Member>) -> bool {
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
    row.status != ProposalStatus::Submitted
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

/// The names of these decisions as `viewer` may read them (see `decision_title`), in two queries.
pub async fn shown_titles(
    db: &impl ConnectionTrait,
    rows: &[decision::Model],
    viewer: Option<&Member>,
) -> Result<HashMap<i32, Option<String>>, AppError> {
    let singles = rows
        .iter()
        .filter(|row| row.kind == DecisionKind::Single)
        .map(|row| row.id);
    let links = decision_proposal::Entity::find()
        .filter(decision_proposal::Column::DecisionId.is_in(singles))
        .all(db)
        .await?;
    let titles =
        proposal_words::titles_for(db, links.iter().map(|l| l.proposal_id), viewer).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let proposals: Vec<(i32, Option<String>)> = links
                .iter()
                .filter(|l| l.decision_id == row.id)
                .filter_map(|l| Some((l.proposal_id, titles.get(&l.proposal_id)?.clone())))
                .collect();
            (row.id, decision_title(row, &proposals))
        })
        .collect())
}

/// A decision's name as a viewer may read it: a yes/no decision is named after its proposal, so
/// hiding the proposal hides the name too (and a moderator's correction of the title shows); a
/// priority poll has the name staff gave it. `proposals` are its proposals' shown titles.
pub fn decision_title(
    row: &decision::Model,
    proposals: &[(i32, Option<String>)],
) -> Option<String> {
    match (row.kind, proposals) {
        (DecisionKind::Single, [(_, title)]) => title.clone(),
        _ => Some(row.title.clone()),
    }
}
