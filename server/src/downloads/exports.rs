//! Staff's CSV downloads of proposals, outcomes and decision results, for reports to the town or
//! funders. UTF-8 with a byte-order mark, so Excel set to Czech opens the diacritics correctly.
//! Decision results are counts only, as everywhere: no file says how anyone voted.
use app::error::AppError;
use app::permissions::{Action, allows};
use app::server::AppState;
use app::server::catalog::reads;
use app::server::entities::{decision, decision_tally, outcome, proposal};
use app::server::infra::data_version::DataVersion;
use app::server::proposal_words;
use app::views::proposals::CategoryLabel;
use app::visitor::Visitor;
use axum::Extension;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use futures::StreamExt;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use std::sync::Arc;

/// What can be downloaded, by the file name in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Proposals,
    Outcomes,
    Decisions,
}

impl Export {
    pub const ALL: [Export; 3] = [Export::Proposals, Export::Outcomes, Export::Decisions];

    pub fn file_name(self) -> &'static str {
        match self {
            Export::Proposals => "proposals.csv",
            Export::Outcomes => "outcomes.csv",
            Export::Decisions => "decisions.csv",
        }
    }
}

/// `GET /staff/exports/{file}`: a visitor is sent to sign in; others need staff's rights.
pub async fn download(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    version: Option<Extension<DataVersion>>,
    Path(file): Path<String>,
) -> Response {
    let Some(export) = Export::ALL.into_iter().find(|e| e.file_name() == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(member) = visitor.member else {
        return Redirect::to("/login?next=%2Fstaff%2Fexports").into_response();
    };
    if !allows(Some(&member), Action::PublishOutcomes, true) {
        return StatusCode::FORBIDDEN.into_response();
    }
    // Read once for the whole file, not once per page of rows.
    let labels = match reads::rows_at(&state, version.map(|v| v.0)).await {
        Ok(catalog) => Arc::new(reads::labels(&catalog, "cs")),
        Err(error) => {
            tracing::error!(?error, ?export, "a CSV export failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    super::attachment::attachment(
        "text/csv; charset=utf-8",
        &format!("spolu-{}", export.file_name()),
        Body::from_stream(streamed(state.db.clone(), labels, export)),
    )
}

/// Rows fetched and written per step: memory stays flat however many rows the file has.
const PAGE: u64 = 1_000;

/// The file as it is sent: the byte-order mark and the header, then one page of rows at a time,
/// each page read after the last id of the one before. A database error ends the download
/// unfinished (logged), so staff never get a file that looks whole but is not.
fn streamed(
    db: DatabaseConnection,
    labels: Arc<Labels>,
    export: Export,
) -> impl futures::Stream<Item = Result<Vec<u8>, AppError>> + Send + 'static {
    let header = csv_bytes(&[header(export).iter().map(|h| (*h).to_owned()).collect()]);
    let pages = futures::stream::try_unfold(Some(0), move |after| {
        let (db, labels) = (db.clone(), labels.clone());
        async move {
            let Some(after) = after else {
                return Ok(None);
            };
            let (rows, last) = match export {
                Export::Proposals => proposal_rows(&db, &labels, after).await,
                Export::Outcomes => outcome_rows(&db, after).await,
                Export::Decisions => decision_rows(&db, after).await,
            }
            .inspect_err(|error| tracing::error!(?error, ?export, "a CSV export failed"))?;
            Ok(Some((csv_lines(&rows)?, last)))
        }
    });
    futures::stream::once(async move { header }).chain(pages)
}

fn header(export: Export) -> &'static [&'static str] {
    match export {
        Export::Proposals => &[
            "id",
            "název",
            "stav",
            "oblast",
            "podáno",
            "podpory",
            "komentáře",
            "skryto",
        ],
        Export::Outcomes => &[
            "návrh",
            "název návrhu",
            "stav",
            "co se rozhodlo",
            "kdo",
            "do kdy",
            "proč nejde",
            "zveřejněno",
            "změněno",
        ],
        Export::Decisions => &[
            "hlasování",
            "název",
            "způsob",
            "kdo hlasoval",
            "uzavřeno",
            "oprávněných",
            "hlasovalo",
            "kvórum",
            "výsledek",
            "návrh",
            "název návrhu",
            "ano",
            "ne",
            "zdržel se",
            "body",
        ],
    }
}

/// A page of rows and where the next one starts (`None`: this was the last).
type Page = (Vec<Vec<String>>, Option<i32>);

/// Where the page after one of `count` rows ending at `last` starts.
fn next_after(count: usize, last: Option<i32>) -> Option<i32> {
    if u64::try_from(count).unwrap_or(u64::MAX) < PAGE {
        None
    } else {
        last
    }
}

/// The rows (the first is the header) as CSV, after the byte-order mark.
pub fn csv_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(csv_lines(rows)?);
    Ok(bytes)
}

/// The rows as CSV lines, every cell that looks like a formula made inert.
fn csv_lines(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| inert(cell).into_owned()))
            .map_err(|_| AppError::Internal)?;
    }
    writer.into_inner().map_err(|_| AppError::Internal)
}

/// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
/// at the start) gets a `'` in front, as OWASP advises, so a title like `=HYPERLINK(…)` stays
/// text when staff open the file in Excel.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// Each category's label, by its id.
type Labels = HashMap<i32, CategoryLabel>;

async fn proposal_rows(
    db: &DatabaseConnection,
    labels: &Labels,
    after: i32,
) -> Result<Page, AppError> {
    let rows = proposal::Entity::find()
        .filter(proposal::Column::Id.gt(after))
        .order_by_asc(proposal::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    let next = next_after(rows.len(), rows.last().map(|r| r.id));
    // A file leaves Spolu: it holds the words everyone may read, and a hidden one's reason.
    let shown = |row: &proposal::Model| proposal_words::title_for(row, None).unwrap_or_default();
    let rows = rows
        .into_iter()
        .map(|row| {
            vec![
                row.id.to_string(),
                shown(&row),
                row.status.as_str().to_owned(),
                labels
                    .get(&row.category_id)
                    .map(|l| l.name.clone())
                    .unwrap_or_default(),
                day(row.created_at),
                row.support_count.to_string(),
                row.comment_count.to_string(),
                row.hidden_reason.unwrap_or_default(),
            ]
        })
        .collect();
    Ok((rows, next))
}

async fn outcome_rows(db: &DatabaseConnection, after: i32) -> Result<Page, AppError> {
    let rows = outcome::Entity::find()
        .filter(outcome::Column::Id.gt(after))
        .order_by_asc(outcome::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    let next = next_after(rows.len(), rows.last().map(|r| r.id));
    let titles = titles(db, rows.iter().map(|r| r.proposal_id)).await?;
    let rows = rows
        .into_iter()
        .map(|row| {
            vec![
                row.proposal_id.to_string(),
                titles.get(&row.proposal_id).cloned().unwrap_or_default(),
                row.stage.as_str().to_owned(),
                row.summary,
                row.who_does,
                row.due_on.map(|d| d.to_string()).unwrap_or_default(),
                row.not_possible_reason.unwrap_or_default(),
                day(row.published_at),
                day(row.updated_at),
            ]
        })
        .collect();
    Ok((rows, next))
}

/// One row per proposal of each closed decision, with its counts: a page of decisions at a time.
async fn decision_rows(db: &DatabaseConnection, after: i32) -> Result<Page, AppError> {
    let decisions: Vec<decision::Model> = decision::Entity::find()
        .filter(decision::Column::Id.gt(after))
        .filter(decision::Column::ClosedAt.is_not_null())
        .filter(decision::Column::CancelledAt.is_null())
        .order_by_asc(decision::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    let next = next_after(decisions.len(), decisions.last().map(|d| d.id));
    let tallies = decision_tally::Entity::find()
        .filter(decision_tally::Column::DecisionId.is_in(decisions.iter().map(|d| d.id)))
        .order_by_asc(decision_tally::Column::DecisionId)
        .order_by_asc(decision_tally::Column::ProposalId)
        .all(db)
        .await?;
    let titles = titles(db, tallies.iter().map(|t| t.proposal_id)).await?;
    let decision_titles = app::server::proposal_words::shown_titles(db, &decisions, None).await?;
    let decisions: HashMap<i32, decision::Model> =
        decisions.into_iter().map(|d| (d.id, d)).collect();
    let rows = tallies
        .into_iter()
        .filter_map(|t| {
            let d = decisions.get(&t.decision_id)?;
            Some(vec![
                d.id.to_string(),
                decision_titles
                    .get(&d.id)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
                d.method.as_str().to_owned(),
                d.eligibility.as_str().to_owned(),
                d.closed_at.map(day).unwrap_or_default(),
                d.eligible_count.map(|n| n.to_string()).unwrap_or_default(),
                d.voter_count.map(|n| n.to_string()).unwrap_or_default(),
                d.quorum.to_string(),
                d.outcome.map(|o| o.as_str().to_owned()).unwrap_or_default(),
                t.proposal_id.to_string(),
                titles.get(&t.proposal_id).cloned().unwrap_or_default(),
                t.yes.to_string(),
                t.no.to_string(),
                t.abstain.to_string(),
                t.dots.to_string(),
            ])
        })
        .collect();
    Ok((rows, next))
}

/// The titles everyone may read (empty where hidden or waiting for approval).
async fn titles(
    db: &DatabaseConnection,
    ids: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(proposal_words::titles_for(db, ids, None)
        .await?
        .into_iter()
        .map(|(id, title)| (id, title.unwrap_or_default()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_looks_like_a_formula_stays_text() {
        let rows = vec![vec![
            "=HYPERLINK(\"http://x\")".to_owned(),
            "+1".to_owned(),
            "-2".to_owned(),
            "@SUM(A1)".to_owned(),
            "\tx".to_owned(),
            "a=b".to_owned(),
        ]];
        let text = String::from_utf8(csv_bytes(&rows).unwrap()[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\n"
        );
    }

    #[test]
    fn a_csv_starts_with_the_byte_order_mark_and_quotes_what_needs_it() {
        let rows = vec![
            vec!["název".to_owned(), "text".to_owned()],
            vec![
                "Přechod u školy".to_owned(),
                "řekl: \"ano\", pak".to_owned(),
            ],
        ];
        let bytes = csv_bytes(&rows).unwrap();
        assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(
            String::from_utf8(bytes[3..].to_vec()).unwrap(),
            "název,text\nPřechod u školy,\"řekl: \"\"ano\"\", pak\"\n"
        );
    }
}
