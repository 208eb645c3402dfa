//! Uploaded photos are served only to those who may read the proposal they belong to (see
//! `proposal_words`): a photo of a proposal moderators hid, or of one waiting for approval, does not
//! load by its address for anyone else, even one who saw it before; nor does a file no proposal
//! or outcome names any more. Photos everyone may read are cached for a year (their names never
//! change); the others only privately.
use crate::error::AppError;
use crate::server::entities::{outcome, outcome_photo, outcome_update, proposal, proposal_photo};
use crate::server::infra::state::AppState;
use crate::visitor::Visitor;
use axum::Extension;
use axum::extract::{Request, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};

pub async fn only_for_readers(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(site): Extension<crate::views::site::Site>,
    request: Request,
    next: Next,
) -> Response {
    let name = request.uri().path().rsplit('/').next().unwrap_or_default();
    let owner = match proposal_of(&state.db, name).await {
        Ok(owner) => owner,
        Err(error) => {
            tracing::error!(?error, "finding a photo's proposal failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let reader = visitor.member.as_ref();
    let Some(proposal) = owner.filter(|p| {
        (site.public_reading || reader.is_some())
            && crate::server::proposal_words::readable_by(p, reader)
    }) else {
        // Not "forbidden": whether such a photo exists is not told either.
        return StatusCode::NOT_FOUND.into_response();
    };
    let for_everyone =
        site.public_reading && crate::server::proposal_words::readable_by(&proposal, None);
    let mut response = next.run(request).await;
    // A photo missing here (another instance's folder, a failed read) must not be kept as
    // missing for a year.
    let cache = if !response.status().is_success() {
        "no-store"
    } else if for_everyone {
        "public, max-age=31536000, immutable"
    } else {
        "private, no-store"
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// The proposal a stored photo (full size or thumbnail) belongs to, directly or through an
/// outcome's update. A few small indexed queries.
async fn proposal_of(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<proposal::Model>, AppError> {
    let proposal_id = match proposal_photo::Entity::find()
        .filter(
            Condition::any()
                .add(proposal_photo::Column::FileName.eq(name))
                .add(proposal_photo::Column::ThumbnailName.eq(name)),
        )
        .one(db)
        .await?
    {
        Some(photo) => Some(photo.proposal_id),
        None => outcome_proposal(db, name).await?,
    };
    match proposal_id {
        Some(id) => Ok(proposal::Entity::find_by_id(id).one(db).await?),
        None => Ok(None),
    }
}

/// The proposal whose outcome shows this photo in one of its updates.
async fn outcome_proposal(db: &impl ConnectionTrait, name: &str) -> Result<Option<i32>, AppError> {
    let Some(photo) = outcome_photo::Entity::find()
        .filter(
            Condition::any()
                .add(outcome_photo::Column::FileName.eq(name))
                .add(outcome_photo::Column::ThumbnailName.eq(name)),
        )
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(update) = outcome_update::Entity::find_by_id(photo.update_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(outcome::Entity::find_by_id(update.outcome_id)
        .one(db)
        .await?
        .map(|o| o.proposal_id))
}
