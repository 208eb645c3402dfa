//! Open data: a read-only JSON API under `/api/v1/` for public proposals, outcomes and the results
//! of closed decisions (counts only: nothing here can tell how anyone voted, or who wrote what).
//! The OpenAPI document at `/api/v1/openapi.json` is generated from these types and handlers.
//! When the site is not public, the API answers only signed-in members, like the pages.
use app::domain::ProposalStatus;
use app::error::AppError;
use app::server::entities::{decision, decision_tally, proposal};
use app::server::infra::data_version::DataVersion;
use app::server::{AppState, catalog::reads, outcomes};
use app::views::site::Site;
use app::visitor::Visitor;
use axum::Extension;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Select,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

const DEFAULT_PER_PAGE: u64 = 50;
const MAX_PER_PAGE: u64 = 100;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Spolu open data",
        description = "Public proposals, outcomes and decision results of one housing estate. Read-only; \
                       no personal data and no vote of any person."
    ),
    paths(proposals, outcomes, decisions),
    components(schemas(ProposalPage, OutcomePage, DecisionPage, ApiError))
)]
pub struct OpenData;

/// Which page: `page` counts from 1; `per_page` is 1 to 100 (50 if not given).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
    pub per_page: Option<u64>,
}

impl PageQuery {
    /// (page counted from 0, items per page)
    fn window(&self) -> (u64, u64) {
        let per_page = self
            .per_page
            .unwrap_or(DEFAULT_PER_PAGE)
            .clamp(1, MAX_PER_PAGE);
        (
            app::domain::PageIndex::from_number(self.page).get(),
            per_page,
        )
    }
}

/// What every page says about where it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    /// The next page's number, when there is one.
    pub next_page: Option<u64>,
}

impl Paging {
    fn new((page, per_page): (u64, u64), total: u64) -> Self {
        let shown = (page + 1).saturating_mul(per_page);
        Paging {
            page: page + 1,
            per_page,
            total,
            next_page: (shown < total).then_some(page + 2),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenProposal {
    pub id: i32,
    pub title: String,
    pub text: String,
    /// `open`, `voting`, `accepted`, `rejected`, `withdrawn` or `merged`.
    pub status: String,
    /// The category's Czech name.
    pub category: Option<String>,
    pub created_at: DateTime<Utc>,
    pub support_count: i32,
    pub comment_count: i32,
    /// The proposal it was merged into, for `merged`.
    pub merged_into: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalPage {
    pub items: Vec<OpenProposal>,
    pub paging: Paging,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenOutcomeUpdate {
    /// The day, `2026-11-25`, in the estate's calendar.
    pub day: String,
    pub text: String,
    /// The stage the outcome moved to with this update, if it moved.
    pub stage: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenOutcome {
    pub proposal_id: i32,
    pub proposal_title: String,
    /// `planned`, `in_progress`, `done` or `not_possible`.
    pub stage: String,
    pub summary: String,
    pub who_does: Option<String>,
    pub due_on: Option<String>,
    pub not_possible_reason: Option<String>,
    pub published_on: String,
    pub updated_on: String,
    pub updates: Vec<OpenOutcomeUpdate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomePage {
    pub items: Vec<OpenOutcome>,
    pub paging: Paging,
}

/// The counts for one proposal of a closed decision.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenTally {
    pub proposal_id: i32,
    pub proposal_title: String,
    pub yes: i32,
    pub no: i32,
    pub abstain: i32,
    /// Dots in a priority poll; 0 otherwise.
    pub dots: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenDecision {
    pub id: i32,
    pub title: String,
    /// `single` (yes / no / abstain on one proposal) or `poll` (dots over several).
    pub kind: String,
    /// `online`, or `meeting` for a tally counted in the room.
    pub method: String,
    /// `core` or `members`.
    pub eligibility: String,
    pub quorum: i32,
    pub eligible_count: Option<i32>,
    pub voter_count: Option<i32>,
    /// `accepted`, `rejected`, `no_quorum` or `ranked`.
    pub outcome: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub tallies: Vec<OpenTally>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionPage {
    pub items: Vec<OpenDecision>,
    pub paging: Paging,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// `sign_in_required` or `internal`.
    pub error: String,
}

/// Refuses a visitor when the site is not public; `None` means go on.
fn refused(visitor: &Visitor, site: &Site) -> Option<Response> {
    (!site.public_reading && visitor.member.is_none()).then(|| {
        let body = ApiError {
            error: "sign_in_required".into(),
        };
        (StatusCode::UNAUTHORIZED, Json(body)).into_response()
    })
}

fn answer<T: Serialize>(result: Result<T, AppError>) -> Response {
    match result {
        Ok(body) => Json(body).into_response(),
        Err(error) => {
            tracing::error!(?error, "an open-data request failed");
            let body = ApiError {
                error: "internal".into(),
            };
            (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
        }
    }
}

/// Proposals everyone may read: not waiting for approval, not hidden.
fn public_proposals() -> Select<proposal::Entity> {
    proposal::Entity::find()
        .filter(proposal::Column::Status.ne(ProposalStatus::Submitted))
        .filter(proposal::Column::HiddenAt.is_null())
}

#[utoipa::path(get, path = "/api/v1/proposals", params(PageQuery),
    responses((status = 200, body = ProposalPage), (status = 401, body = ApiError)))]
pub async fn proposals(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    version: Option<Extension<DataVersion>>,
    Query(query): Query<PageQuery>,
) -> Response {
    if let Some(refusal) = refused(&visitor, &site) {
        return refusal;
    }
    answer(proposal_page(&state, version.map(|v| v.0), query.window()).await)
}

async fn proposal_page(
    state: &AppState,
    version: Option<DataVersion>,
    (page, per_page): (u64, u64),
) -> Result<ProposalPage, AppError> {
    let db = &state.db;
    let pages = public_proposals()
        .order_by_desc(proposal::Column::CreatedAt)
        .order_by_desc(proposal::Column::Id)
        .paginate(db, per_page);
    let total = pages.num_items().await?;
    let rows = pages.fetch_page(page).await?;
    let labels = reads::labels(&*reads::rows_at(state, version).await?, "cs");
    Ok(ProposalPage {
        items: rows
            .into_iter()
            .map(|row| OpenProposal {
                category: labels.get(&row.category_id).map(|l| l.name.clone()),
                id: row.id,
                title: row.title,
                text: row.body,
                status: row.status.as_str().to_owned(),
                created_at: row.created_at,
                support_count: row.support_count,
                comment_count: row.comment_count,
                merged_into: row.merged_into,
            })
            .collect(),
        paging: Paging::new((page, per_page), total),
    })
}

#[utoipa::path(get, path = "/api/v1/outcomes", params(PageQuery),
    responses((status = 200, body = OutcomePage), (status = 401, body = ApiError)))]
pub async fn outcomes(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Query(query): Query<PageQuery>,
) -> Response {
    if let Some(refusal) = refused(&visitor, &site) {
        return refusal;
    }
    let window = query.window();
    let found = outcomes::views::page(
        &state.db,
        state.files.as_ref(),
        window.0,
        window.1,
        state.settings.time_zone,
    )
    .await;
    answer(found.map(|(views, total)| {
        OutcomePage {
            items: views
                .into_iter()
                .map(|view| OpenOutcome {
                    proposal_id: view.proposal_id,
                    proposal_title: view.proposal_title,
                    stage: view.stage.as_str().to_owned(),
                    summary: view.summary,
                    who_does: view.who_does,
                    due_on: view.due_on,
                    not_possible_reason: view.not_possible_reason,
                    published_on: view.published_on,
                    updated_on: view.updated_on,
                    updates: view
                        .updates
                        .into_iter()
                        .map(|update| OpenOutcomeUpdate {
                            day: update.written_on,
                            text: update.body,
                            stage: update.stage.map(|s| s.as_str().to_owned()),
                        })
                        .collect(),
                })
                .collect(),
            paging: Paging::new(window, total),
        }
    }))
}

/// Decisions with a result: closed, not cancelled.
fn closed_decisions() -> Select<decision::Entity> {
    decision::Entity::find().filter(
        Condition::all()
            .add(decision::Column::ClosedAt.is_not_null())
            .add(decision::Column::CancelledAt.is_null()),
    )
}

#[utoipa::path(get, path = "/api/v1/decisions", params(PageQuery),
    responses((status = 200, body = DecisionPage), (status = 401, body = ApiError)))]
pub async fn decisions(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<Site>,
    Query(query): Query<PageQuery>,
) -> Response {
    if let Some(refusal) = refused(&visitor, &site) {
        return refusal;
    }
    answer(decision_page(&state.db, query.window()).await)
}

async fn decision_page(
    db: &DatabaseConnection,
    (page, per_page): (u64, u64),
) -> Result<DecisionPage, AppError> {
    let pages = closed_decisions()
        .order_by_desc(decision::Column::ClosedAt)
        .order_by_desc(decision::Column::Id)
        .paginate(db, per_page);
    let total = pages.num_items().await?;
    let rows = pages.fetch_page(page).await?;
    let tallies = decision_tally::Entity::find()
        .filter(decision_tally::Column::DecisionId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    // Everyone's words only: a hidden proposal's title is left out, also from its decision's name.
    let titles =
        app::server::proposal_words::titles_for(db, tallies.iter().map(|t| t.proposal_id), None)
            .await?;
    let decision_titles = app::server::proposal_words::shown_titles(db, &rows, None).await?;
    Ok(DecisionPage {
        items: rows
            .into_iter()
            .map(|row| OpenDecision {
                tallies: tallies
                    .iter()
                    .filter(|t| t.decision_id == row.id)
                    .map(|t| OpenTally {
                        proposal_id: t.proposal_id,
                        proposal_title: titles
                            .get(&t.proposal_id)
                            .cloned()
                            .flatten()
                            .unwrap_or_default(),
                        yes: t.yes,
                        no: t.no,
                        abstain: t.abstain,
                        dots: t.dots,
                    })
                    .collect(),
                id: row.id,
                title: decision_titles
                    .get(&row.id)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
                kind: row.kind.as_str().to_owned(),
                method: row.method.as_str().to_owned(),
                eligibility: row.eligibility.as_str().to_owned(),
                quorum: row.quorum,
                eligible_count: row.eligible_count,
                voter_count: row.voter_count,
                outcome: row.outcome.map(|o| o.as_str().to_owned()),
                closed_at: row.closed_at,
            })
            .collect(),
        paging: Paging::new((page, per_page), total),
    })
}

/// `GET /api/v1/openapi.json`: the document describing the API, made from this module.
pub async fn openapi() -> Response {
    Json(OpenData::openapi()).into_response()
}
