//! Posters for the stairwell: a decision (open: until when and who votes; closed: its result),
//! an outcome with its stage, latest update and photo, and the week's newest proposals. Each is
//! made as a visitor would see it — a poster hangs where anyone reads it — whoever prints it.
use crate::error::AppError;
use crate::server::entities::outcome;
use crate::server::infra::file_store::FileStore;
use crate::server::infra::qr;
use crate::server::{decisions, outcomes, proposals};
use crate::views::posters::{DecisionPoster, OutcomePoster, PosterLink, WeekPoster};
use crate::views::proposals::ListFilter;
use chrono_tz::Tz;
use sea_orm::{DatabaseConnection, EntityTrait};

/// How many proposals "What's new" lists: what fits on A4 in large type.
const WEEK_PROPOSALS: usize = 6;

fn link(public_url: &str, path: &str) -> Result<PosterLink, AppError> {
    let address = format!("{public_url}{path}");
    Ok(PosterLink {
        qr_svg: qr::svg(&address)?,
        address,
    })
}

pub async fn decision(
    db: &DatabaseConnection,
    id: i32,
    zone: Tz,
    public_url: &str,
) -> Result<DecisionPoster, AppError> {
    let decision = decisions::detail(db, None, id, zone).await?;
    Ok(DecisionPoster {
        decision,
        link: link(public_url, &format!("/decisions/{id}"))?,
    })
}

/// The outcome `id` (its own id, not its proposal's).
pub async fn outcome(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    id: i32,
    language: &str,
    zone: Tz,
    public_url: &str,
) -> Result<OutcomePoster, AppError> {
    let row = outcome::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let outcome = outcomes::views::for_proposal(db, files, row.proposal_id, language, zone)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(OutcomePoster {
        link: link(public_url, &format!("/proposals/{}", row.proposal_id))?,
        outcome,
    })
}

pub async fn week(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    language: &str,
    public_url: &str,
) -> Result<WeekPoster, AppError> {
    let mut list = proposals::list(db, files, None, &ListFilter::default(), language).await?;
    list.cards.truncate(WEEK_PROPOSALS);
    Ok(WeekPoster {
        proposals: list.cards,
        link: link(public_url, "/proposals")?,
    })
}
