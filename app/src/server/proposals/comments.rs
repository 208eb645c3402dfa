//! Comments on proposals: writing, replying (one level), editing for a while, deleting.
use crate::domain::{CommentText, ProposalStatus, Target, TargetKind};
use crate::error::AppError;
use crate::server::entities::{comment, proposal, user};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::voice::{self, StoredVoice, Voice};
use crate::server::notifications::Event;
use crate::server::staff_log::log_help;
use crate::views::moderation::Marks;
use crate::views::proposals::{CommentView, VoiceView};
use crate::visitor::Member;
use chrono::{DateTime, Duration, SubsecRound, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

/// How long the author may still change a comment.
pub const EDIT_WINDOW: Duration = Duration::minutes(15);

fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// The proposal, if `member` may see and discuss it (not withdrawn, not merged).
async fn discussable(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
) -> Result<proposal::Model, AppError> {
    let found = crate::server::proposals::find_visible(db, Some(member), proposal_id).await?;
    let status = found.status;
    if matches!(status, ProposalStatus::Withdrawn | ProposalStatus::Merged)
        || found.hidden_at.is_some()
    {
        return Err(AppError::field("text", "error-comment-closed"));
    }
    if found.locked_at.is_some() {
        return Err(AppError::field("text", "error-comment-locked"));
    }
    Ok(found)
}

/// Whether `viewer` sees this comment in its discussion at all: a held comment is seen by its
/// author and staff only, until it is let through.
fn listed_for(row: &comment::Model, viewer: Option<&Member>, staff_view: bool) -> bool {
    row.held_at.is_none() || staff_view || viewer.is_some_and(|v| v.id == row.author_id)
}

/// The words of a comment as `viewer` may read them: none once deleted, and a hidden comment's
/// words never leave the server, except to staff.
fn readable_words<'a>(
    row: &'a comment::Model,
    viewer: Option<&Member>,
    staff_view: bool,
) -> Option<&'a str> {
    let readable = listed_for(row, viewer, staff_view)
        && row.deleted_at.is_none()
        && (row.hidden_at.is_none() || staff_view);
    readable.then_some(row.body.as_str())
}

/// A comment, if `viewer` reads its words in the discussion of a proposal they may see.
async fn readable(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<comment::Model, AppError> {
    let viewer = crate::permissions::require_read(viewer, public_reading)?;
    let row = comment::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::server::proposals::find_visible(db, viewer.as_ref(), row.proposal_id).await?;
    let staff_view =
        crate::permissions::allows(viewer.as_ref(), crate::permissions::Action::Moderate, true);
    if readable_words(&row, viewer.as_ref(), staff_view).is_none() {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// What "Listen" reads of a comment: its words, to exactly those who read them.
pub async fn spoken_text(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<String, AppError> {
    let row = readable(db, viewer, public_reading, id).await?;
    Some(row.body)
        .filter(|words| !words.trim().is_empty() && !row.awaiting_text)
        .ok_or(AppError::NotFound)
}

/// The stored file of a comment's recording, to exactly those who read its words.
pub async fn voice_file(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<String, AppError> {
    readable(db, viewer, public_reading, id)
        .await?
        .voice_file
        .ok_or(AppError::NotFound)
}

/// Adds a comment, or a reply when `parent` is given (a reply to a reply joins its thread).
pub async fn add(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
    parent: Option<i32>,
    text: CommentText,
    limits: &crate::server::PostingLimits,
    helper: Option<&Member>,
) -> Result<i32, AppError> {
    insert(db, member, proposal_id, parent, text, None, limits, helper).await
}

/// A comment's recording: the checked voice, and whether it was sent without words (then
/// `text` is a note until staff write them).
pub struct CommentVoice {
    pub voice: Voice,
    pub voice_only: bool,
}

/// [`add`] with a voice message. The comment waits for staff, who listen before anyone else
/// hears it. The file is stored first and removed again if the comment is not.
#[allow(clippy::too_many_arguments)]
pub async fn add_with_voice(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    member: &Member,
    proposal_id: i32,
    parent: Option<i32>,
    text: CommentText,
    voice: CommentVoice,
    limits: &crate::server::PostingLimits,
    helper: Option<&Member>,
) -> Result<i32, AppError> {
    // Refused before the file is written, as `insert` would refuse it.
    crate::server::proposals::posting_limits::check_comments(db, member.id, limits).await?;
    discussable(db, member, proposal_id).await?;
    let stored = voice::store(files, &voice.voice).await?;
    let recorded = (&stored, voice.voice_only);
    let saved = insert(
        db,
        member,
        proposal_id,
        parent,
        text,
        Some(recorded),
        limits,
        helper,
    )
    .await;
    if saved.is_err() {
        voice::remove(files, Some(&stored)).await;
    }
    saved
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
    parent: Option<i32>,
    text: CommentText,
    voice: Option<(&StoredVoice, bool)>,
    limits: &crate::server::PostingLimits,
    helper: Option<&Member>,
) -> Result<i32, AppError> {
    crate::server::proposals::posting_limits::check_comments(db, member.id, limits).await?;
    discussable(db, member, proposal_id).await?;
    let parent_id = match parent {
        None => None,
        Some(id) => {
            let parent = comment::Entity::find_by_id(id)
                .filter(comment::Column::ProposalId.eq(proposal_id))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            Some(parent.parent_id.unwrap_or(parent.id))
        }
    };
    let at = now();
    // A comment with a word from the staff's list waits for a moderator (seen by its author);
    // so does a voice, which no word list hears.
    let held = voice.is_some()
        || crate::server::catalog::word_list::load(db)
            .await?
            .matches(text.as_str());
    let txn = db.begin().await?;
    crate::server::proposals::posting_limits::hold_comments(&txn, member.id, limits).await?;
    let row = comment::ActiveModel {
        proposal_id: Set(proposal_id),
        author_id: Set(member.id),
        parent_id: Set(parent_id),
        body: Set(text.as_str().to_owned()),
        created_at: Set(at),
        assisted_by: Set(helper.map(|h| h.id)),
        held_at: Set(held.then_some(at)),
        voice_file: Set(voice.map(|(stored, _)| stored.file_name.clone())),
        voice_seconds: Set(voice.map(|(stored, _)| stored.seconds)),
        awaiting_text: Set(voice.is_some_and(|(_, voice_only)| voice_only)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    log_help(&txn, helper, Target::Comment(row.id), member.id).await?;
    // Only what everyone sees counts (a held comment is counted when let through).
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::CommentCount,
            Expr::col(proposal::Column::CommentCount).add(if held { 0 } else { 1 }),
        )
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(proposal_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    // A held comment is told about once a moderator lets it through; till then, to staff.
    let event = if held {
        Event::Waiting(Target::Comment(row.id))
    } else {
        Event::Comment(row.id)
    };
    crate::server::notifications::send(db, event).await;
    Ok(row.id)
}

/// The author's own comment that is not deleted, or why not.
async fn own(
    db: &DatabaseConnection,
    member: &Member,
    comment_id: i32,
) -> Result<comment::Model, AppError> {
    // A hidden comment stays as the moderators left it.
    let found = comment::Entity::find_by_id(comment_id)
        .filter(comment::Column::DeletedAt.is_null())
        .filter(comment::Column::HiddenAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.author_id != member.id {
        return Err(AppError::Forbidden);
    }
    Ok(found)
}

/// Changes the text within the edit window; the comment then shows "edited".
pub async fn edit(
    db: &DatabaseConnection,
    member: &Member,
    comment_id: i32,
    text: CommentText,
) -> Result<(), AppError> {
    let found = own(db, member, comment_id).await?;
    if found.created_at + EDIT_WINDOW < Utc::now() {
        return Err(AppError::field("text", "error-comment-edit-late"));
    }
    // Writing in a discussion moderators closed (locked, hidden) is refused, new or edited.
    discussable(db, member, found.proposal_id).await?;
    comment::ActiveModel {
        id: Set(found.id),
        body: Set(text.as_str().to_owned()),
        edited_at: Set(Some(now())),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Deletes the text; a placeholder "deleted by its author" stays so replies keep their place.
pub async fn delete(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    member: &Member,
    comment_id: i32,
) -> Result<(), AppError> {
    let found = own(db, member, comment_id).await?;
    let txn = db.begin().await?;
    let deleted = comment::Entity::update_many()
        .col_expr(comment::Column::Body, Expr::value(""))
        .col_expr(comment::Column::VoiceFile, Expr::value(None::<String>))
        .col_expr(comment::Column::DeletedAt, Expr::value(now()))
        .filter(comment::Column::Id.eq(found.id))
        .filter(comment::Column::DeletedAt.is_null())
        .exec(&txn)
        .await?;
    // Only a comment everyone saw was counted.
    if deleted.rows_affected == 1 && found.held_at.is_none() {
        proposal::Entity::update_many()
            .col_expr(
                proposal::Column::CommentCount,
                Expr::col(proposal::Column::CommentCount).sub(1),
            )
            .filter(proposal::Column::Id.eq(found.proposal_id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    // The recording goes with the words, once nothing names it.
    if let (1, Some(file)) = (deleted.rows_affected, &found.voice_file) {
        files.remove(file).await;
    }
    Ok(())
}

/// Every comment of a proposal, oldest first, with authors' names and the asker's reports:
/// three queries.
pub async fn list(
    db: &DatabaseConnection,
    viewer: Option<&Member>,
    proposal_id: i32,
    zone: chrono_tz::Tz,
    // The page's language when the server can read comments aloud.
    listen: Option<&str>,
) -> Result<Vec<CommentView>, AppError> {
    let staff_view = crate::permissions::allows(viewer, crate::permissions::Action::Moderate, true);
    let rows: Vec<comment::Model> = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(proposal_id))
        .order_by_asc(comment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|c| listed_for(c, viewer, staff_view))
        .collect();
    let mut author_ids: Vec<i32> = rows
        .iter()
        .flat_map(|c| [Some(c.author_id), c.assisted_by])
        .flatten()
        .collect();
    author_ids.sort_unstable();
    author_ids.dedup();
    let authors = user::Entity::find()
        .filter(user::Column::Id.is_in(author_ids))
        .all(db)
        .await?;
    let edit_until = Utc::now() - EDIT_WINDOW;
    // Nothing is edited in a discussion moderators closed (see `edit`).
    let open_for_edits = proposal::Entity::find_by_id(proposal_id)
        .one(db)
        .await?
        .is_some_and(|p| p.locked_at.is_none() && p.hidden_at.is_none());
    let reported = crate::server::proposals::reports::reported_by(
        db,
        viewer,
        TargetKind::Comment,
        rows.iter().map(|c| c.id),
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let deleted = row.deleted_at.is_some();
            let hidden = row.hidden_at.is_some();
            let mine = !deleted && !hidden && viewer.is_some_and(|v| v.id == row.author_id);
            let name = |id: i32| {
                authors
                    .iter()
                    .find(|a| a.id == id)
                    .map(crate::server::accounts::members::shown_name)
                    .unwrap_or_default()
            };
            CommentView {
                marks: Marks {
                    hidden_reason: row.hidden_reason.clone(),
                    moderator_note: row.moderator_note.clone(),
                    held: row.held_at.is_some(),
                    helped_by: row.assisted_by.map(name),
                },
                id: row.id,
                parent_id: row.parent_id,
                author: name(row.author_id),
                author_is_staff: authors.iter().any(|a| {
                    a.id == row.author_id && crate::server::accounts::members::is_staff_account(a)
                }),
                written_on: crate::server::clock::local_day(row.created_at, zone),
                text: readable_words(&row, viewer, staff_view)
                    .map_or_else(String::new, str::to_owned),
                listen: listen
                    .filter(|_| readable_words(&row, viewer, staff_view).is_some())
                    .filter(|_| !row.awaiting_text)
                    .map(|language| format!("/comments/{}/listen?lang={language}", row.id)),
                voice: row
                    .voice_file
                    .as_ref()
                    .filter(|_| readable_words(&row, viewer, staff_view).is_some())
                    .map(|_| VoiceView::of("comments", row.id, row.voice_seconds)),
                deleted,
                edited: row.edited_at.is_some(),
                mine,
                editable: mine && open_for_edits && row.created_at > edit_until,
                reported_by_me: reported.contains(&row.id),
            }
        })
        .collect())
}
