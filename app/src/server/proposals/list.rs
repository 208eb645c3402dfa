//! The proposal list: keyset pages, filters and search, a fixed number of queries whatever its length
//! (one for the cards and their first photos; the catalog comes from memory).
use super::visibility::visible_to;
use crate::error::AppError;
use crate::server::catalog::reads::{active_categories, category_labels};
use crate::server::entities::{proposal, proposal_photo, support};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::search;
use crate::server::proposal_words::is_staff;
use crate::views::proposals::{ListFilter, PAGE_SIZE, ProposalCard, ProposalList, Sort};
use crate::visitor::Member;
use chrono::DateTime;
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select,
};

/// A keyset cursor: the sort key and id of the last card shown.
fn cursor(sort: Sort, row: &proposal::Model) -> String {
    let key = match sort {
        Sort::Newest => row.created_at.timestamp_micros(),
        Sort::MostSupported => i64::from(row.support_count),
        Sort::RecentlyDiscussed => row.last_activity_at.timestamp_micros(),
    };
    format!("{key}_{}", row.id)
}

fn parse_cursor(text: &str) -> Option<(i64, i32)> {
    let (key, id) = text.split_once('_')?;
    Some((key.parse().ok()?, id.parse().ok()?))
}

/// One page of the list, newest (or most supported, or most recently discussed) first.
pub async fn list(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    viewer: Option<&Member>,
    filter: &ListFilter,
    language: &str,
) -> Result<ProposalList, AppError> {
    let mut query = visible_to(proposal::Entity::find(), viewer);
    if !is_staff(viewer) {
        // A hidden proposal keeps its page (with the reason) but leaves the lists.
        query = query.filter(proposal::Column::HiddenAt.is_null());
    }
    if let Some(status) = filter.status {
        query = query.filter(proposal::Column::Status.eq(status));
    }
    if let Some(category) = filter.category {
        query = query.filter(proposal::Column::CategoryId.eq(category));
    }
    if let (true, Some(member)) = (filter.supported_by_me, viewer) {
        query = query.filter(
            proposal::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(support::Column::ProposalId)
                    .from(support::Entity)
                    .and_where(support::Column::MemberId.eq(member.id))
                    .to_owned(),
            ),
        );
    }
    for word in search::words(&filter.q) {
        query = query.filter(search::proposal_has(db.get_database_backend(), &word));
    }
    let after = filter.after.as_deref().and_then(parse_cursor);
    query = match filter.sort {
        Sort::Newest => keyset_by_time(query, proposal::Column::CreatedAt, after),
        Sort::RecentlyDiscussed => keyset_by_time(query, proposal::Column::LastActivityAt, after),
        Sort::MostSupported => {
            if let Some((count, id)) = after {
                let count = i32::try_from(count).unwrap_or(i32::MAX);
                query = query.filter(before(proposal::Column::SupportCount, count, id));
            }
            query.order_by_desc(proposal::Column::SupportCount)
        }
    };
    // Each card's first photo comes in the same statement: one round trip less per list.
    let query = query
        .order_by_desc(proposal::Column::Id)
        .limit(PAGE_SIZE as u64 + 1)
        .column_as(
            Expr::SubQuery(None, Box::new(first_thumbnail().into())),
            FIRST_THUMBNAIL,
        );
    let mut rows = db
        .query_all(&QueryTrait::into_query(query))
        .await?
        .iter()
        .map(|row| {
            Ok((
                proposal::Model::from_query_result(row, "")?,
                row.try_get::<Option<String>>("", FIRST_THUMBNAIL)?,
            ))
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
    let next = (rows.len() > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE);
        rows.last().map(|(row, _)| cursor(filter.sort, row))
    });
    let labels = category_labels(db, language).await?;
    let categories = active_categories(db, language).await?;
    let cards = rows
        .into_iter()
        .map(|(row, thumbnail)| ProposalCard {
            thumbnail: thumbnail.map(|name| files.url(&name)),
            id: row.id,
            status: row.status,
            category: labels.get(&row.category_id).cloned(),
            title: row.title,
            support_count: row.support_count,
            comment_count: row.comment_count,
        })
        .collect();
    Ok(ProposalList {
        cards,
        categories,
        next: next.flatten(),
    })
}

const FIRST_THUMBNAIL: &str = "first_thumbnail";

/// The thumbnail of the proposal's first photo (a lookup in the photos' unique index).
fn first_thumbnail() -> SelectStatement {
    Query::select()
        .column((
            proposal_photo::Entity,
            proposal_photo::Column::ThumbnailName,
        ))
        .from(proposal_photo::Entity)
        .and_where(
            Expr::col((proposal_photo::Entity, proposal_photo::Column::ProposalId))
                .equals((proposal::Entity, proposal::Column::Id)),
        )
        .and_where(Expr::col((proposal_photo::Entity, proposal_photo::Column::Position)).eq(0))
        .to_owned()
}

/// Rows after the cursor in a `column DESC, id DESC` order: `(column, id) < (key, id)`, which
/// both databases answer by starting the index walk at the cursor, so a deep page costs what the
/// first does.
fn before(
    column: proposal::Column,
    key: impl Into<sea_orm::Value>,
    id: i32,
) -> sea_orm::sea_query::SimpleExpr {
    Expr::tuple([
        Expr::col((proposal::Entity, column)),
        Expr::col((proposal::Entity, proposal::Column::Id)),
    ])
    .lt(Expr::tuple([Expr::val(key), Expr::val(id)]))
}

fn keyset_by_time(
    query: Select<proposal::Entity>,
    column: proposal::Column,
    after: Option<(i64, i32)>,
) -> Select<proposal::Entity> {
    let query =
        match after.and_then(|(micros, id)| Some((DateTime::from_timestamp_micros(micros)?, id))) {
            Some((at, id)) => query.filter(before(column, at, id)),
            None => query,
        };
    query.order_by_desc(column)
}
