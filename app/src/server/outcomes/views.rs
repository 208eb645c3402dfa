//! Reading outcomes: the timeline on a proposal's page and the "What changed" list. A fixed
//! number of queries whatever the number of outcomes; hidden proposals' outcomes are not listed.
use crate::domain::OutcomeStage;
use crate::error::AppError;
use crate::server::catalog::reads::category_labels;
use crate::server::clock::local_day;
use crate::server::entities::{outcome, outcome_photo, outcome_update, proposal, proposal_photo};
use crate::server::infra::file_store::FileStore;
use crate::views::outcomes::{
    OUTCOMES_PER_PAGE, OutcomeFilter, OutcomeList, OutcomeUpdateView, OutcomeView,
};
use crate::views::proposals::PhotoView;
use chrono::{Datelike, TimeZone};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use std::collections::HashMap;

/// Outcomes of proposals everyone may see. Hidden proposals are few (and indexed), so leaving
/// them out costs little, where joining every outcome to its proposal read thousands of rows.
fn shown() -> Select<outcome::Entity> {
    outcome::Entity::find().filter(
        outcome::Column::ProposalId.not_in_subquery(
            Query::select()
                .column(proposal::Column::Id)
                .from(proposal::Entity)
                .and_where(proposal::Column::HiddenAt.is_not_null())
                .to_owned(),
        ),
    )
}

/// The proposal's outcome with its updates, oldest first; None before one is published.
pub async fn for_proposal(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    proposal_id: i32,
    language: &str,
    zone: Tz,
) -> Result<Option<OutcomeView>, AppError> {
    let rows = shown()
        .filter(outcome::Column::ProposalId.eq(proposal_id))
        .all(db)
        .await?;
    Ok(views(db, files, rows, language, zone).await?.pop())
}

/// "What changed": the counts, then one page of outcomes, most recently changed first.
pub async fn list(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    filter: &OutcomeFilter,
    language: &str,
    zone: Tz,
) -> Result<OutcomeList, AppError> {
    let year_start = zone
        .with_ymd_and_hms(
            chrono::Utc::now().with_timezone(&zone).year(),
            1,
            1,
            0,
            0,
            0,
        )
        .earliest()
        .map(|start| start.with_timezone(&chrono::Utc));
    // Every count in one pass: how many of each stage, and how many were done this year.
    let done_since = year_start.map_or(Expr::value(true), |start| {
        Expr::col(outcome::Column::UpdatedAt).gte(start)
    });
    let counts: Vec<(OutcomeStage, i64, i64)> = shown()
        .select_only()
        .column(outcome::Column::Stage)
        .column_as(outcome::Column::Id.count(), "outcomes")
        .column_as(Expr::case(done_since, 1).finally(0).sum(), "this_year")
        .group_by(outcome::Column::Stage)
        .into_tuple()
        .all(db)
        .await?;
    let count = |stage: OutcomeStage| {
        counts
            .iter()
            .find(|c| c.0 == stage)
            .map_or(0, |c| u64::try_from(c.1).unwrap_or(0))
    };
    let done_this_year = counts
        .iter()
        .find(|c| c.0 == OutcomeStage::Done)
        .map_or(0, |c| u64::try_from(c.2).unwrap_or(0));
    let in_progress = count(OutcomeStage::InProgress);
    let planned = count(OutcomeStage::Planned);
    let not_possible = count(OutcomeStage::NotPossible);
    let mut query = shown();
    if let Some(stage) = filter.stage {
        query = query.filter(outcome::Column::Stage.eq(stage));
    }
    if let Some(category) = filter.category {
        query = query.filter(
            outcome::Column::ProposalId.in_subquery(
                Query::select()
                    .column(proposal::Column::Id)
                    .from(proposal::Entity)
                    .and_where(proposal::Column::CategoryId.eq(category))
                    .to_owned(),
            ),
        );
    }
    let mut rows = query
        .order_by_desc(outcome::Column::UpdatedAt)
        .order_by_desc(outcome::Column::Id)
        .offset(filter.page.saturating_mul(OUTCOMES_PER_PAGE))
        .limit(OUTCOMES_PER_PAGE + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > OUTCOMES_PER_PAGE;
    rows.truncate(usize::try_from(OUTCOMES_PER_PAGE).unwrap_or(usize::MAX));
    Ok(OutcomeList {
        done_this_year,
        in_progress,
        planned,
        not_possible,
        outcomes: views(db, files, rows, language, zone).await?,
        categories: crate::server::catalog::reads::active_categories(db, language).await?,
        next_page: more.then_some(filter.page + 1),
    })
}

/// One page of every shown outcome, most recently changed first, and how many there are.
pub async fn page(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    page: u64,
    per_page: u64,
    zone: Tz,
) -> Result<(Vec<OutcomeView>, u64), AppError> {
    let pages = shown()
        .order_by_desc(outcome::Column::UpdatedAt)
        .order_by_desc(outcome::Column::Id)
        .paginate(db, per_page);
    let total = pages.num_items().await?;
    let rows = pages.fetch_page(page).await?;
    Ok((views(db, files, rows, "cs", zone).await?, total))
}

/// The outcomes with their proposals, updates and photos: five queries for any number.
pub async fn views(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    rows: Vec<outcome::Model>,
    language: &str,
    zone: Tz,
) -> Result<Vec<OutcomeView>, AppError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let proposals: HashMap<i32, proposal::Model> = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(rows.iter().map(|r| r.proposal_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let labels = category_labels(db, language).await?;
    let before: HashMap<i32, PhotoView> = proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.is_in(proposals.keys().copied()))
        .filter(proposal_photo::Column::Position.eq(0))
        .all(db)
        .await?
        .into_iter()
        .map(|p| {
            let view = photo_view(files, &p.file_name, &p.thumbnail_name, p.width, p.height);
            (p.proposal_id, view)
        })
        .collect();
    let updates = outcome_update::Entity::find()
        .filter(outcome_update::Column::OutcomeId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(outcome_update::Column::CreatedAt)
        .order_by_asc(outcome_update::Column::Id)
        .all(db)
        .await?;
    let photos = outcome_photo::Entity::find()
        .filter(outcome_photo::Column::UpdateId.is_in(updates.iter().map(|u| u.id)))
        .filter(Expr::value(!updates.is_empty()))
        .order_by_asc(outcome_photo::Column::Position)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let proposal = proposals.get(&row.proposal_id);
            let updates: Vec<OutcomeUpdateView> = updates
                .iter()
                .filter(|u| u.outcome_id == row.id)
                .map(|u| OutcomeUpdateView {
                    id: u.id,
                    body: u.body.clone(),
                    stage: u.stage,
                    written_on: local_day(u.created_at, zone),
                    photos: photos
                        .iter()
                        .filter(|p| p.update_id == u.id)
                        .map(|p| {
                            photo_view(files, &p.file_name, &p.thumbnail_name, p.width, p.height)
                        })
                        .collect(),
                })
                .collect();
            let after = updates.iter().rev().find_map(|u| u.photos.first().cloned());
            OutcomeView {
                id: row.id,
                proposal_id: row.proposal_id,
                proposal_title: proposal.map(|p| p.title.clone()).unwrap_or_default(),
                category: proposal.and_then(|p| labels.get(&p.category_id).cloned()),
                summary: row.summary,
                who_does: (!row.who_does.is_empty()).then_some(row.who_does),
                due_on: row.due_on.map(|d| d.format("%Y-%m-%d").to_string()),
                stage: row.stage,
                not_possible_reason: row.not_possible_reason,
                published_on: local_day(row.published_at, zone),
                updated_on: local_day(row.updated_at, zone),
                updates,
                before: before.get(&row.proposal_id).cloned(),
                after,
                // The page's server function knows whether the server can speak.
                listen: None,
            }
        })
        .collect())
}

fn photo_view(
    files: &dyn FileStore,
    file_name: &str,
    thumbnail_name: &str,
    width: i32,
    height: i32,
) -> PhotoView {
    PhotoView {
        url: files.url(file_name),
        thumbnail_url: files.url(thumbnail_name),
        width,
        height,
    }
}

/// What "Listen" reads of a proposal's outcome: its facts and updates, in `locale`, to who may
/// read it on the proposal's page.
pub async fn spoken_text(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    viewer: Option<crate::visitor::Member>,
    public_reading: bool,
    proposal_id: i32,
    zone: Tz,
    locale: &crate::i18n::Locale,
) -> Result<String, AppError> {
    crate::permissions::require_read(viewer, public_reading)?;
    let outcome = for_proposal(db, files, proposal_id, &locale.tag(), zone)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(crate::components::spoken_outcome(&outcome, locale))
}
