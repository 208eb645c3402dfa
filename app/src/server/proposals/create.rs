//! Creating a proposal: checking every field at once, then storing it with its photos in one transaction.
use super::status::record_status;
use crate::domain::{ProposalBody, ProposalStatus, ProposalTitle};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{category, place, proposal, proposal_photo};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::{self, StoredPhoto, Upload};
use crate::server::infra::search;
use crate::visitor::Member;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

pub struct NewProposal<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub category: &'a str,
    pub place: &'a str,
    /// The staff member who wrote it down for its author at the centre (assisted entry); only
    /// read when a proposal is made.
    pub helper: Option<&'a Member>,
}

/// A proposal's fields after checking: every field at once, so all messages show together.
pub(super) struct Checked {
    pub(super) title: ProposalTitle,
    pub(super) body: ProposalBody,
    pub(super) category: category::Model,
    pub(super) place: Option<place::Model>,
}

pub(super) async fn check(
    db: &DatabaseConnection,
    new: &NewProposal<'_>,
) -> Result<Checked, AppError> {
    let mut errors = FieldErrors::default();
    let body = errors.check("body", ProposalBody::parse(new.body));
    // The title may follow the text: left empty, it is the text's beginning.
    let title = match new.title.trim() {
        // Without a text either, the text's message says what is missing.
        "" => body.as_ref().map(ProposalTitle::from_body),
        title => errors.check("title", ProposalTitle::parse(title)),
    };
    let active = category::Entity::find().filter(category::Column::ArchivedAt.is_null());
    let category = match new.category.trim() {
        // Not chosen: "Other", so a category never stands between a resident and their proposal.
        "" => {
            active
                .filter(category::Column::Slug.eq(crate::server::catalog::categories::OTHER))
                .one(db)
                .await?
        }
        id => match id.parse::<i32>() {
            Ok(id) => active.filter(category::Column::Id.eq(id)).one(db).await?,
            Err(_) => None,
        },
    };
    if category.is_none() {
        errors.add("category", "error-category-missing");
    }
    let place = match new.place.trim() {
        "" => Ok(None),
        id => match id.parse::<i32>() {
            Ok(id) => place::Entity::find_by_id(id)
                .filter(place::Column::ArchivedAt.is_null())
                .one(db)
                .await?
                .map(Some)
                .ok_or(()),
            Err(_) => Err(()),
        },
    };
    if place.is_err() {
        errors.add("place", "error-place-unknown");
    }
    let (Some(title), Some(body), Some(category), Ok(place)) = (title, body, category, place)
    else {
        return Err(errors.into_error());
    };
    Ok(Checked {
        title,
        body,
        category,
        place,
    })
}

/// Checks every field and photo (all messages at once), then stores the photos' files, and the
/// proposal, its photos and its first status in one transaction. If that fails, the files go too:
/// nothing is kept half-way.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    author: &Member,
    new: NewProposal<'_>,
    uploads: Vec<Upload>,
    limits: &crate::server::PostingLimits,
    pre_moderation: bool,
) -> Result<i32, AppError> {
    crate::server::proposals::posting_limits::check_proposals(db, author.id, limits).await?;
    let checked_photos = photos::check_uploads(uploads).await;
    if checked_photos.as_ref().is_err_and(|e| {
        e.field_errors()
            .iter()
            .any(|f| f.field.starts_with("photo-"))
    }) {
        crate::server::proposals::posting_limits::note_refused_upload(db, author.id).await?;
    }
    let (checked, photos) = AppError::both(check(db, &new).await, checked_photos)?;
    // A proposal with a word from the staff's list waits for a moderator, like pre-moderation.
    let held = crate::server::catalog::word_list::load(db)
        .await?
        .matches(&format!("{}\n{}", new.title, new.body));
    let pre_moderation = pre_moderation || held;
    let stored = photos::store(files, &photos).await?;
    let saved = insert(
        db,
        author,
        new.helper,
        checked,
        &stored,
        pre_moderation,
        limits,
    )
    .await;
    if saved.is_err() {
        photos::remove(files, &stored).await;
    }
    saved
}

pub(super) async fn insert(
    db: &DatabaseConnection,
    author: &Member,
    helper: Option<&Member>,
    checked: Checked,
    photos: &[StoredPhoto],
    pre_moderation: bool,
    limits: &crate::server::PostingLimits,
) -> Result<i32, AppError> {
    let Checked {
        title,
        body,
        category,
        place,
    } = checked;
    let at = now();
    let status = if pre_moderation {
        ProposalStatus::Submitted
    } else {
        ProposalStatus::Open
    };
    let txn = db.begin().await?;
    crate::server::proposals::posting_limits::hold_proposals(&txn, author.id, limits).await?;
    let row = proposal::ActiveModel {
        author_id: Set(author.id),
        search_text: Set(search::fold(&format!(
            "{}\n{}",
            title.as_str(),
            body.as_str()
        ))),
        title: Set(title.as_str().to_owned()),
        body: Set(body.as_str().to_owned()),
        category_id: Set(category.id),
        place_id: Set(place.map(|p| p.id)),
        status: Set(status),
        created_at: Set(at),
        last_activity_at: Set(at),
        support_count: Set(0),
        comment_count: Set(0),
        assisted_by: Set(helper.map(|h| h.id)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::server::staff_log::log_help(
        &txn,
        helper,
        crate::domain::Target::Proposal(row.id),
        author.id,
    )
    .await?;
    if !photos.is_empty() {
        proposal_photo::Entity::insert_many(photos.iter().zip(0..).map(|(photo, position)| {
            proposal_photo::ActiveModel {
                proposal_id: Set(row.id),
                position: Set(position),
                file_name: Set(photo.file_name.clone()),
                thumbnail_name: Set(photo.thumbnail_name.clone()),
                width: Set(photo.width),
                height: Set(photo.height),
                created_at: Set(at),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await?;
    }
    record_status(&txn, row.id, status, at, Some(author.id)).await?;
    txn.commit().await?;
    Ok(row.id)
}
