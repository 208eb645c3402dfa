//! Creating a proposal: checking every field at once, then storing it with its photos in one transaction.
use super::status::record_status;
use crate::domain::{ProposalBody, ProposalStatus, ProposalTitle, Target};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{category, place, proposal, proposal_photo};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::{self, Photo, StoredPhoto, Upload};
use crate::server::infra::search;
use crate::server::infra::speech::Speech;
use crate::server::infra::voice::{self, StoredVoice, Voice};
use crate::server::notifications::{self, Event};
use crate::server::staff_log::log_help;
use crate::visitor::Member;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// What a member typed into the proposal form.
pub struct ProposalForm<'a> {
    pub title: &'a str,
    pub body: &'a str,
    /// A category's id, or empty for "Other".
    pub category: &'a str,
    /// A place's id, or empty.
    pub place: &'a str,
}

/// A proposal's words and choices, checked; its category and place are found when it is stored.
pub struct NewProposal {
    pub title: ProposalTitle,
    pub body: ProposalBody,
    /// `None`: "Other", so a category never stands between a resident and their proposal.
    pub category: Option<i32>,
    pub place: Option<i32>,
}

impl ProposalForm<'_> {
    /// Every field at once, so all messages show together.
    pub fn parse(&self) -> Result<NewProposal, AppError> {
        let mut errors = FieldErrors::default();
        let body = errors.check("body", ProposalBody::parse(self.body));
        // The title may follow the text: left empty, it is the text's beginning.
        let title = match self.title.trim() {
            // Without a text either, the text's message says what is missing.
            "" => body.as_ref().map(ProposalTitle::from_body),
            title => errors.check("title", ProposalTitle::parse(title)),
        };
        let category = errors.check(
            "category",
            optional_id(self.category, "error-category-missing"),
        );
        let place = errors.check("place", optional_id(self.place, "error-place-unknown"));
        let (Some(title), Some(body), Some(category), Some(place)) = (title, body, category, place)
        else {
            return Err(errors.into_error());
        };
        Ok(NewProposal {
            title,
            body,
            category,
            place,
        })
    }
}

/// An id from a choice field; empty is no choice.
fn optional_id(input: &str, message: &'static str) -> Result<Option<i32>, &'static str> {
    match input.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| message),
    }
}

/// The category and place a proposal names, found among those not archived; a message on each
/// field that names one no longer offered.
pub async fn find_choices(
    db: &DatabaseConnection,
    new: NewProposal,
) -> Result<ReadyProposal, AppError> {
    let active = category::Entity::find().filter(category::Column::ArchivedAt.is_null());
    let category = match new.category {
        None => active.filter(category::Column::Slug.eq(crate::server::catalog::categories::OTHER)),
        Some(id) => active.filter(category::Column::Id.eq(id)),
    }
    .one(db)
    .await?;
    let place = match new.place {
        None => Some(None),
        Some(id) => place::Entity::find_by_id(id)
            .filter(place::Column::ArchivedAt.is_null())
            .one(db)
            .await?
            .map(Some),
    };
    let mut errors = FieldErrors::default();
    let category = errors.check("category", category.ok_or("error-category-missing"));
    let place = errors.check("place", place.ok_or("error-place-unknown"));
    let (Some(category), Some(place)) = (category, place) else {
        return Err(errors.into_error());
    };
    Ok(ReadyProposal {
        title: new.title,
        body: new.body,
        category,
        place,
    })
}

/// Asked before a new proposal's photos are read: a member who has used today's proposals is
/// told at once.
pub async fn may_propose(
    db: &DatabaseConnection,
    author: &Member,
    limits: &crate::server::PostingLimits,
) -> Result<(), AppError> {
    crate::server::proposals::posting_limits::check_proposals(db, author.id, limits).await
}

/// A new proposal's photos, checked; a refused one counts towards the member's refused uploads.
pub async fn check_photos(
    db: &DatabaseConnection,
    author: &Member,
    uploads: Vec<Upload>,
) -> Result<Vec<Photo>, AppError> {
    let checked = photos::check_uploads(uploads).await;
    if checked.as_ref().is_err_and(|e| {
        e.field_errors()
            .iter()
            .any(|f| f.field.starts_with("photo-"))
    }) {
        crate::server::proposals::posting_limits::note_refused_upload(db, author.id).await?;
    }
    checked
}

/// A new proposal's recording, checked; a refused one counts towards the member's refused
/// uploads, like a photo (not when this server cannot take recordings: that is not theirs).
pub async fn check_voice(
    db: &DatabaseConnection,
    speech: &Speech,
    author: &Member,
    bytes: &[u8],
) -> Result<Voice, AppError> {
    let checked = voice::check_field(speech, bytes).await;
    let unavailable = voice::VoiceProblem::Unavailable.message();
    if checked
        .as_ref()
        .is_err_and(|e| e.message_for("voice") != Some(unavailable))
    {
        crate::server::proposals::posting_limits::note_refused_upload(db, author.id).await?;
    }
    checked
}

/// What comes with a proposal's words: its photos and its author's voice.
#[derive(Default)]
pub struct Attached {
    pub photos: Vec<Photo>,
    pub voice: Option<Voice>,
    /// Said only by voice: the words are a note until staff write them from the recording.
    pub voice_only: bool,
}

/// Stores the photos' and the voice's files, then the proposal, its photos and its first
/// status in one transaction. If that fails, the files go too: nothing is kept half-way.
/// `helper` is the staff member who wrote it down for its author at the centre (assisted entry).
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    author: &Member,
    helper: Option<&Member>,
    proposal: ReadyProposal,
    attached: Attached,
    limits: &crate::server::PostingLimits,
    pre_moderation: bool,
) -> Result<i32, AppError> {
    let Attached {
        photos,
        voice,
        voice_only,
    } = attached;
    // A proposal with a word from the staff's list waits for a moderator, like pre-moderation.
    let held = crate::server::catalog::word_list::load(db)
        .await?
        .matches(&format!(
            "{}\n{}",
            proposal.title.as_str(),
            proposal.body.as_str()
        ));
    // A voice is never public before staff have listened to it: no word list hears it.
    let pre_moderation = pre_moderation || held || voice.is_some();
    let stored = photos::store(files, &photos).await?;
    let stored_voice = match &voice {
        Some(voice) => match voice::store(files, voice).await {
            Ok(stored_voice) => Some(stored_voice),
            Err(error) => {
                photos::remove(files, &stored).await;
                return Err(error);
            }
        },
        None => None,
    };
    let saved = insert(
        db,
        author,
        helper,
        proposal,
        Stored {
            photos: &stored,
            voice: stored_voice.as_ref(),
            voice_only,
        },
        pre_moderation,
        limits,
    )
    .await;
    if saved.is_err() {
        photos::remove(files, &stored).await;
        voice::remove(files, stored_voice.as_ref()).await;
    }
    saved
}

/// The files of a new proposal, stored before its row.
pub(super) struct Stored<'a> {
    pub photos: &'a [StoredPhoto],
    pub voice: Option<&'a StoredVoice>,
    pub voice_only: bool,
}

/// A proposal ready to store: its words checked, its category and place found.
pub struct ReadyProposal {
    pub(super) title: ProposalTitle,
    pub(super) body: ProposalBody,
    pub(super) category: category::Model,
    pub(super) place: Option<place::Model>,
}

pub(super) async fn insert(
    db: &DatabaseConnection,
    author: &Member,
    helper: Option<&Member>,
    checked: ReadyProposal,
    stored: Stored<'_>,
    pre_moderation: bool,
    limits: &crate::server::PostingLimits,
) -> Result<i32, AppError> {
    let ReadyProposal {
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
        search_text: Set(search::proposal_text(&title, &body)),
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
        voice_file: Set(stored.voice.map(|v| v.file_name.clone())),
        voice_seconds: Set(stored.voice.map(|v| v.seconds)),
        awaiting_text: Set(stored.voice_only),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    log_help(&txn, helper, Target::Proposal(row.id), author.id).await?;
    let photos = stored.photos;
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
    if pre_moderation {
        notifications::send(db, Event::Waiting(Target::Proposal(row.id))).await;
    }
    Ok(row.id)
}
