//! Proposals on the server: creating, listing (keyset pages, filters, search), reading, supporting.
//! Every list is a fixed number of queries, whatever its length.
pub mod comments;
pub mod photo_access;
pub mod posting_limits;
pub mod reports;
use crate::domain::{ProposalBody, ProposalStatus, ProposalTitle};
use crate::error::{AppError, FieldErrors};
use crate::proposals::{
    ListFilter, PAGE_SIZE, PhotoView, ProposalCard, ProposalDetail, ProposalList, Sort,
    StatusChange,
};
use crate::server::catalog::reads::{active_categories, category_labels};
use crate::server::clock::local_day;
use crate::server::clock::now;
use crate::server::entities::{
    category, decision_proposal, place, proposal, proposal_photo, proposal_status_change, support,
    user,
};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::{self, StoredPhoto, Upload};
use crate::server::infra::search;
use crate::server::proposal_words::{is_staff, readable_by};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Select, Set, TransactionTrait, TryInsertResult,
};
use std::collections::HashMap;

/// Proposals waiting for approval are seen only by their author and staff.
fn visible_to(
    query: Select<proposal::Entity>,
    viewer: Option<&Member>,
) -> Select<proposal::Entity> {
    if is_staff(viewer) {
        return query;
    }
    let mut visible =
        Condition::any().add(proposal::Column::Status.ne(ProposalStatus::Submitted.as_str()));
    if let Some(member) = viewer {
        visible = visible.add(proposal::Column::AuthorId.eq(member.id));
    }
    query.filter(visible)
}

/// The proposal with this id if `viewer` may see it; otherwise "not found" (not "forbidden", so a
/// waiting proposal's existence is not told).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: Option<&Member>,
    id: i32,
) -> Result<proposal::Model, AppError> {
    visible_to(proposal::Entity::find_by_id(id), viewer)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

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
struct Checked {
    title: ProposalTitle,
    body: ProposalBody,
    category: category::Model,
    place: Option<place::Model>,
}

async fn check(db: &DatabaseConnection, new: &NewProposal<'_>) -> Result<Checked, AppError> {
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

async fn insert(
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
        status: Set(status.as_str().to_owned()),
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
        query = query.filter(proposal::Column::Status.eq(status.as_str()));
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
        query = query.filter(proposal::Column::SearchText.like(search::contains_pattern(&word)));
    }
    let after = filter.after.as_deref().and_then(parse_cursor);
    query = match filter.sort {
        Sort::Newest => keyset_by_time(query, proposal::Column::CreatedAt, after),
        Sort::RecentlyDiscussed => keyset_by_time(query, proposal::Column::LastActivityAt, after),
        Sort::MostSupported => {
            if let Some((count, id)) = after {
                let count = i32::try_from(count).unwrap_or(i32::MAX);
                query = query.filter(
                    Condition::any()
                        .add(proposal::Column::SupportCount.lt(count))
                        .add(
                            Condition::all()
                                .add(proposal::Column::SupportCount.eq(count))
                                .add(proposal::Column::Id.lt(id)),
                        ),
                );
            }
            query.order_by_desc(proposal::Column::SupportCount)
        }
    };
    let mut rows = query
        .order_by_desc(proposal::Column::Id)
        .limit(PAGE_SIZE as u64 + 1)
        .all(db)
        .await?;
    let next = (rows.len() > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE);
        rows.last().map(|row| cursor(filter.sort, row))
    });
    let labels = category_labels(db, rows.iter().map(|r| r.category_id), language).await?;
    let categories = active_categories(db, language).await?;
    let thumbnails = first_thumbnails(db, files, rows.iter().map(|r| r.id)).await?;
    let cards = rows
        .into_iter()
        .map(|row| ProposalCard {
            thumbnail: thumbnails.get(&row.id).cloned(),
            id: row.id,
            status: ProposalStatus::parse(&row.status).unwrap_or(ProposalStatus::Open),
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

/// The thumbnail of each proposal's first photo, in one query for a whole page of cards.
async fn first_thumbnails(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    proposals: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = proposals.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.is_in(ids))
        .filter(proposal_photo::Column::Position.eq(0))
        .all(db)
        .await?
        .into_iter()
        .map(|photo| (photo.proposal_id, files.url(&photo.thumbnail_name)))
        .collect())
}

fn keyset_by_time(
    query: Select<proposal::Entity>,
    column: proposal::Column,
    after: Option<(i64, i32)>,
) -> Select<proposal::Entity> {
    let query =
        match after.and_then(|(micros, id)| Some((DateTime::from_timestamp_micros(micros)?, id))) {
            Some((at, id)) => query.filter(
                Condition::any().add(column.lt(at)).add(
                    Condition::all()
                        .add(column.eq(at))
                        .add(proposal::Column::Id.lt(id)),
                ),
            ),
            None => query,
        };
    query.order_by_desc(column)
}

/// One proposal as its page shows it; hidden ones are "not found" to those who may not see them.
pub async fn detail(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    viewer: Option<&Member>,
    id: i32,
    language: &str,
    zone: chrono_tz::Tz,
) -> Result<ProposalDetail, AppError> {
    let mut row = find_visible(db, viewer, id).await?;
    // Found through `find_visible`, so only what moderators hid can keep the words from the viewer.
    let words_readable = readable_by(&row, viewer);
    if !words_readable {
        // Only the reason is shown in place of the words; the text never leaves the server.
        row.title = String::new();
        row.body = String::new();
    }
    let author = user::Entity::find_by_id(row.author_id).one(db).await?;
    let helper = match row.assisted_by {
        Some(helper) => user::Entity::find_by_id(helper).one(db).await?,
        None => None,
    };
    let place = match row.place_id {
        Some(place_id) => place::Entity::find_by_id(place_id).one(db).await?,
        None => None,
    };
    let labels = category_labels(db, std::iter::once(row.category_id), language).await?;
    let history = proposal_status_change::Entity::find()
        .filter(proposal_status_change::Column::ProposalId.eq(row.id))
        .order_by_asc(proposal_status_change::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|change| {
            Some(StatusChange {
                status: ProposalStatus::parse(&change.status)?,
                on: local_day(change.changed_at, zone),
            })
        })
        .collect();
    let supported_by_me = match viewer {
        Some(member) => support::Entity::find_by_id((row.id, member.id))
            .one(db)
            .await?
            .is_some(),
        None => false,
    };
    let status = ProposalStatus::parse(&row.status).unwrap_or(ProposalStatus::Open);
    let reported_by_me =
        !crate::server::proposals::reports::reported_by(db, viewer, "proposal", [row.id])
            .await?
            .is_empty();
    let can_change = viewer.is_some_and(|m| m.id == row.author_id || is_staff(Some(m)))
        && matches!(status, ProposalStatus::Submitted | ProposalStatus::Open)
        && words_readable;
    let photos = proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.eq(row.id))
        .filter(Expr::value(words_readable))
        .order_by_asc(proposal_photo::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|photo| PhotoView {
            url: files.url(&photo.file_name),
            thumbnail_url: files.url(&photo.thumbnail_name),
            width: photo.width,
            height: photo.height,
        })
        .collect();
    let decision_id = latest_for_proposal(db, row.id).await?;
    let can_open_decision = status == ProposalStatus::Open
        && crate::permissions::allows(viewer, crate::permissions::Action::ManageDecisions, true);
    Ok(ProposalDetail {
        marks: crate::moderation::Marks {
            hidden_reason: row.hidden_reason.clone(),
            moderator_note: row.moderator_note.clone(),
            held: status == ProposalStatus::Submitted,
            helped_by: helper.map(|h| h.display_name),
        },
        locked: row.locked_at.is_some(),
        merged_into: row.merged_into,
        can_moderate: crate::permissions::allows(
            viewer,
            crate::permissions::Action::Moderate,
            true,
        ),
        decision_id,
        can_open_decision,
        photos,
        place_id: row.place_id,
        reported_by_me,
        can_change,
        id: row.id,
        can_support: viewer.is_some_and(|m| m.id != row.author_id && !m.suspended)
            && status.accepts_support()
            && row.hidden_at.is_none(),
        title: row.title,
        body: row.body,
        status,
        category: labels.get(&row.category_id).cloned(),
        place: place.map(|p| p.name),
        author: author
            .as_ref()
            .map(crate::server::accounts::members::shown_name)
            .unwrap_or_default(),
        author_is_staff: author
            .as_ref()
            .is_some_and(crate::server::accounts::members::is_staff_account),
        created_on: local_day(row.created_at, zone),
        edited: row.edited_at.is_some(),
        history,
        support_count: row.support_count,
        supported_by_me,
    })
}

/// Gives or takes back the member's support; the count changes in the same transaction and only
/// when a row really changed, so many people tapping at once still gives an exact count.
pub async fn set_support(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
    want: bool,
) -> Result<i32, AppError> {
    let closed = || AppError::field("support", "error-support-closed");
    let row = find_visible(db, Some(member), proposal_id).await?;
    if row.author_id == member.id {
        return Err(AppError::field("support", "error-support-own"));
    }
    if !ProposalStatus::parse(&row.status).is_some_and(ProposalStatus::accepts_support)
        || row.hidden_at.is_some()
    {
        return Err(closed());
    }
    // The transaction starts with its write: SQLite then waits for the lock instead of failing
    // when a read lock would have to be upgraded while others write.
    let txn = db.begin().await?;
    let changed = if want {
        let inserted = support::Entity::insert(support::ActiveModel {
            proposal_id: Set(proposal_id),
            member_id: Set(member.id),
            created_at: Set(now()),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
        matches!(inserted, TryInsertResult::Inserted(1))
    } else {
        support::Entity::delete_by_id((proposal_id, member.id))
            .exec(&txn)
            .await?
            .rows_affected
            == 1
    };
    if changed {
        let step = if want { 1 } else { -1 };
        // Still open? (A vote may have opened since the check above; then nothing is stored.)
        let updated = proposal::Entity::update_many()
            .col_expr(
                proposal::Column::SupportCount,
                Expr::col(proposal::Column::SupportCount).add(step),
            )
            .filter(proposal::Column::Id.eq(proposal_id))
            .filter(proposal::Column::Status.eq(ProposalStatus::Open.as_str()))
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            return Err(closed());
        }
    }
    let count = proposal::Entity::find_by_id(proposal_id)
        .one(&txn)
        .await?
        .map_or(0, |p| p.support_count);
    txn.commit().await?;
    Ok(count)
}

/// Withdraws a proposal: its author, or staff, while it is waiting or open (before any vote).
pub async fn withdraw(
    db: &DatabaseConnection,
    member: &Member,
    proposal_id: i32,
) -> Result<(), AppError> {
    let row = find_visible(db, Some(member), proposal_id).await?;
    if row.author_id != member.id && !is_staff(Some(member)) {
        return Err(AppError::Forbidden);
    }
    // Conditional on the status, so a vote opening at the same moment wins cleanly.
    let from = [ProposalStatus::Submitted, ProposalStatus::Open];
    if !move_status(db, proposal_id, &from, ProposalStatus::Withdrawn, member).await? {
        return Err(AppError::field("withdraw", "error-withdraw-late"));
    }
    Ok(())
}

/// Changes a proposal's title, text, category and place: its author or staff, while it is
/// waiting or open. After others have commented it shows "edited", so the discussion stays fair.
pub async fn edit(
    db: &DatabaseConnection,
    member: &Member,
    id: i32,
    new: NewProposal<'_>,
) -> Result<(), AppError> {
    let row = find_visible(db, Some(member), id).await?;
    if row.author_id != member.id && !is_staff(Some(member)) {
        return Err(AppError::Forbidden);
    }
    // What moderators hid stays as they left it; only staff change it.
    if !readable_by(&row, Some(member)) {
        return Err(AppError::field("title", "error-edit-hidden"));
    }
    let Checked {
        title,
        body,
        category,
        place,
    } = check(db, &new).await?;
    let others_commented = crate::server::entities::comment::Entity::find()
        .filter(crate::server::entities::comment::Column::ProposalId.eq(id))
        .filter(crate::server::entities::comment::Column::AuthorId.ne(row.author_id))
        .one(db)
        .await?
        .is_some();
    let mut update = proposal::Entity::update_many()
        .col_expr(proposal::Column::Title, Expr::value(title.as_str()))
        .col_expr(proposal::Column::Body, Expr::value(body.as_str()))
        .col_expr(proposal::Column::CategoryId, Expr::value(category.id))
        .col_expr(proposal::Column::PlaceId, Expr::value(place.map(|p| p.id)))
        .col_expr(
            proposal::Column::SearchText,
            Expr::value(search::fold(&format!(
                "{}\n{}",
                title.as_str(),
                body.as_str()
            ))),
        );
    if others_commented {
        update = update.col_expr(proposal::Column::EditedAt, Expr::value(Some(now())));
    }
    // A moderator hiding it at this very moment wins.
    if !is_staff(Some(member)) {
        update = update.filter(proposal::Column::HiddenAt.is_null());
    }
    // Only while waiting or open: once a vote opens, the text people vote on stays as it was.
    let changed = update
        .filter(proposal::Column::Id.eq(id))
        .filter(proposal::Column::Status.is_in([
            ProposalStatus::Submitted.as_str(),
            ProposalStatus::Open.as_str(),
        ]))
        .exec(db)
        .await?;
    if changed.rows_affected != 1 {
        return Err(AppError::field("title", "error-edit-late"));
    }
    Ok(())
}

/// Moves a proposal to `to` if it is in one of `from`, and records the change in its history, in
/// one transaction. False when its status was not one of `from` (nothing is changed then).
async fn move_status(
    db: &DatabaseConnection,
    proposal_id: i32,
    from: &[ProposalStatus],
    to: ProposalStatus,
    by: &Member,
) -> Result<bool, AppError> {
    let txn = db.begin().await?;
    if !change_status(&txn, proposal_id, from, to, now(), Some(by.id)).await? {
        return Ok(false);
    }
    txn.commit().await?;
    Ok(true)
}

/// Moves a proposal from one of `from` to `to` and records it in its history, inside the caller's
/// transaction. `by` is None when the clock did it (a decision closing on time). False when the
/// proposal was not in one of `from`.
pub async fn change_status(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    from: &[ProposalStatus],
    to: ProposalStatus,
    at: DateTime<Utc>,
    by: Option<i32>,
) -> Result<bool, AppError> {
    let changed = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::value(to.as_str()))
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(proposal_id))
        .filter(proposal::Column::Status.is_in(from.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    if changed.rows_affected != 1 {
        return Ok(false);
    }
    record_status(db, proposal_id, to, at, by).await?;
    Ok(true)
}

/// One line of a proposal's status history.
async fn record_status(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    status: ProposalStatus,
    at: DateTime<Utc>,
    by: Option<i32>,
) -> Result<(), AppError> {
    proposal_status_change::ActiveModel {
        proposal_id: Set(proposal_id),
        status: Set(status.as_str().to_owned()),
        changed_at: Set(at),
        changed_by: Set(by),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The latest decision on a proposal, if any (for the proposal's page).
async fn latest_for_proposal(
    db: &DatabaseConnection,
    proposal_id: i32,
) -> Result<Option<i32>, AppError> {
    Ok(decision_proposal::Entity::find()
        .filter(decision_proposal::Column::ProposalId.eq(proposal_id))
        .order_by_desc(decision_proposal::Column::DecisionId)
        .one(db)
        .await?
        .map(|d| d.decision_id))
}
