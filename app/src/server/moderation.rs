//! Moderators' actions on proposals and comments. Each one is a single transaction holding the
//! change, the counters it moves, the reports it settles and its moderation-log row: if any part
//! fails, none of it is kept. Every transaction starts with its conditional write (SQLite then
//! waits for the write lock instead of failing to upgrade a read lock).
pub mod queue;
use crate::domain::Target;
use crate::domain::{
    CommentText, HideReason, LogAction, ProposalBody, ProposalStatus, ProposalTitle, StaffNote,
};
use crate::error::{AppError, FieldErrors};
use crate::server::clock::now;
use crate::server::entities::{comment, proposal, report, support};
use crate::server::infra::search;
use crate::server::notifications::{self, Event};
use crate::server::proposals::change_status;
use crate::server::staff_log::{LogEntry, log};
use crate::visitor::Member;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

/// The member who wrote the item (for the log's "about whom").
async fn author_of(db: &impl ConnectionTrait, target: Target) -> Result<i32, AppError> {
    let author = match target {
        Target::Proposal(id) => proposal::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| p.author_id),
        Target::Comment(id) => comment::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| c.author_id),
    };
    author.ok_or(AppError::NotFound)
}

/// Settles every open report on the item.
async fn resolve_reports(
    db: &impl ConnectionTrait,
    target: Target,
    at: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(report::Entity::update_many()
        .col_expr(report::Column::ResolvedAt, Expr::value(at))
        .filter(report::Column::TargetKind.eq(target.kind()))
        .filter(report::Column::TargetId.eq(target.id()))
        .filter(report::Column::ResolvedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Moves the count of comments everyone sees on `proposal_id` by `step`.
async fn count_comment(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    step: i32,
) -> Result<(), AppError> {
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::CommentCount,
            Expr::col(proposal::Column::CommentCount).add(step),
        )
        .filter(proposal::Column::Id.eq(proposal_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Whether a comment counts among those everyone sees.
fn counted(row: &comment::Model) -> bool {
    row.deleted_at.is_none() && row.hidden_at.is_none() && row.held_at.is_none()
}

/// Counts a comment in again once everyone sees it (restored, or let through).
async fn count_in_if_shown(db: &impl ConnectionTrait, comment_id: i32) -> Result<(), AppError> {
    let row = comment::Entity::find_by_id(comment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if counted(&row) {
        count_comment(db, row.proposal_id, 1).await?;
    }
    Ok(())
}

/// Logs `action` on an item, about the member who wrote it.
async fn log_on(
    db: &impl ConnectionTrait,
    staff: &Member,
    action: LogAction,
    target: Target,
    reason: Option<&str>,
) -> Result<i32, AppError> {
    let member = author_of(db, target).await?;
    log(
        db,
        LogEntry {
            staff,
            action,
            target: Some(target),
            member: Some(member),
            reason,
        },
    )
    .await
}

/// Sets or clears the hidden mark; None when the item was already in that state.
async fn set_hidden(
    db: &impl ConnectionTrait,
    target: Target,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let hidden_at = reason.map(|_| at);
    let changed = match target {
        Target::Proposal(id) => {
            let update = proposal::Entity::update_many()
                .col_expr(proposal::Column::HiddenAt, Expr::value(hidden_at))
                .col_expr(proposal::Column::HiddenReason, Expr::value(reason))
                .filter(proposal::Column::Id.eq(id));
            match reason {
                Some(_) => update.filter(proposal::Column::HiddenAt.is_null()),
                None => update.filter(proposal::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
        }
        Target::Comment(id) => {
            let update = comment::Entity::update_many()
                .col_expr(comment::Column::HiddenAt, Expr::value(hidden_at))
                .col_expr(comment::Column::HiddenReason, Expr::value(reason))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::DeletedAt.is_null());
            match reason {
                Some(_) => update.filter(comment::Column::HiddenAt.is_null()),
                None => update.filter(comment::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
        }
    };
    Ok(changed.rows_affected == 1)
}

/// Hides a proposal or comment; the reason shows to everyone in place of its text, and the
/// item's open reports are settled.
pub async fn hide(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
    reason: &HideReason,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    if !set_hidden(&txn, target, Some(reason.as_stored()), at).await? {
        // Missing, deleted by its author, or hidden already: say which.
        author_of(&txn, target).await?;
        return Err(AppError::field("reason", "error-already-hidden"));
    }
    if let Target::Comment(id) = target {
        let row = comment::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        if row.held_at.is_none() {
            count_comment(&txn, row.proposal_id, -1).await?;
        }
    }
    resolve_reports(&txn, target, at).await?;
    let logged = log_on(
        &txn,
        staff,
        LogAction::Hide,
        target,
        Some(reason.as_stored()),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}

/// Shows a hidden item again.
pub async fn restore(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    if !set_hidden(&txn, target, None, now()).await? {
        author_of(&txn, target).await?;
        return Err(AppError::field("restore", "error-not-hidden"));
    }
    if let Target::Comment(id) = target {
        count_in_if_shown(&txn, id).await?;
    }
    log_on(&txn, staff, LogAction::Restore, target, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Settles the item's reports without changing it: the moderators found nothing wrong.
pub async fn dismiss(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    if resolve_reports(&txn, target, now()).await? == 0 {
        return Err(AppError::field("dismiss", "error-no-reports"));
    }
    log_on(&txn, staff, LogAction::Dismiss, target, None).await?;
    txn.commit().await?;
    Ok(())
}

/// New words for a proposal (title and text) or a comment (text), from a moderator.
pub struct Correction<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub note: &'a str,
}

/// Changes the words of an item and marks it "edited by the moderators: <note>". Every field is
/// checked at once; the text people vote on stays as it was once a vote opens.
pub async fn edit(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
    correction: Correction<'_>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    let note = errors.check("note", StaffNote::parse(correction.note));
    let at = now();
    let txn;
    match target {
        Target::Proposal(id) => {
            let title = errors.check("title", ProposalTitle::parse(correction.title));
            let body = errors.check("text", ProposalBody::parse(correction.text));
            let (Some(note), Some(title), Some(body)) = (note.clone(), title, body) else {
                return Err(errors.into_error());
            };
            txn = db.begin().await?;
            let changed = proposal::Entity::update_many()
                .col_expr(proposal::Column::Title, Expr::value(title.as_str()))
                .col_expr(proposal::Column::Body, Expr::value(body.as_str()))
                .col_expr(
                    proposal::Column::SearchText,
                    Expr::value(search::fold(&format!(
                        "{}\n{}",
                        title.as_str(),
                        body.as_str()
                    ))),
                )
                .col_expr(proposal::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(proposal::Column::EditedAt, Expr::value(Some(at)))
                .filter(proposal::Column::Id.eq(id))
                .filter(proposal::Column::Status.is_in([
                    ProposalStatus::Submitted.as_str(),
                    ProposalStatus::Open.as_str(),
                ]))
                .exec(&txn)
                .await?;
            if changed.rows_affected != 1 {
                author_of(&txn, target).await?;
                return Err(AppError::field("text", "error-edit-late"));
            }
        }
        Target::Comment(id) => {
            let text = errors.check("text", CommentText::parse(correction.text));
            let (Some(note), Some(text)) = (note.clone(), text) else {
                return Err(errors.into_error());
            };
            txn = db.begin().await?;
            let changed = comment::Entity::update_many()
                .col_expr(comment::Column::Body, Expr::value(text.as_str()))
                .col_expr(comment::Column::ModeratorNote, Expr::value(note.as_str()))
                .col_expr(comment::Column::EditedAt, Expr::value(Some(at)))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            if changed.rows_affected != 1 {
                return Err(AppError::NotFound);
            }
        }
    }
    let logged = log_on(
        &txn,
        staff,
        LogAction::Edit,
        target,
        note.as_ref().map(StaffNote::as_str),
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}

/// Locks (no new comments) or unlocks a proposal's discussion.
pub async fn set_locked(
    db: &DatabaseConnection,
    staff: &Member,
    proposal_id: i32,
    locked: bool,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let update = proposal::Entity::update_many()
        .col_expr(proposal::Column::LockedAt, Expr::value(locked.then(now)))
        .filter(proposal::Column::Id.eq(proposal_id));
    let changed = if locked {
        update.filter(proposal::Column::LockedAt.is_null())
    } else {
        update.filter(proposal::Column::LockedAt.is_not_null())
    }
    .exec(&txn)
    .await?;
    let target = Target::Proposal(proposal_id);
    // A missing proposal is "not found", not "already locked".
    author_of(&txn, target).await?;
    if changed.rows_affected != 1 {
        let message = if locked {
            "error-already-locked"
        } else {
            "error-not-locked"
        };
        return Err(AppError::field("lock", message));
    }
    let action = if locked {
        LogAction::Lock
    } else {
        LogAction::Unlock
    };
    log_on(&txn, staff, action, target, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Merges a duplicate proposal into another: the duplicate becomes `merged` and points at the
/// other; its supporters (and its author) support the other, each counted once.
pub async fn merge(
    db: &DatabaseConnection,
    staff: &Member,
    from: i32,
    into: &str,
) -> Result<(), AppError> {
    let into: i32 = into
        .trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| AppError::field("into", "error-merge-target"))?;
    if into == from {
        return Err(AppError::field("into", "error-merge-self"));
    }
    let at = now();
    let txn = db.begin().await?;
    // Lock the target first (a write), so supports given meanwhile wait for the count below.
    let target_open = proposal::Entity::update_many()
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(into))
        .filter(proposal::Column::Status.eq(ProposalStatus::Open.as_str()))
        .filter(proposal::Column::HiddenAt.is_null())
        .exec(&txn)
        .await?;
    if target_open.rows_affected != 1 {
        return Err(AppError::field("into", "error-merge-target"));
    }
    let from_states = [ProposalStatus::Submitted, ProposalStatus::Open];
    if !change_status(
        &txn,
        from,
        &from_states,
        ProposalStatus::Merged,
        at,
        Some(staff.id),
    )
    .await?
    {
        author_of(&txn, Target::Proposal(from)).await?;
        return Err(AppError::field("into", "error-merge-late"));
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::MergedInto, Expr::value(into))
        .filter(proposal::Column::Id.eq(from))
        .exec(&txn)
        .await?;
    let target = proposal::Entity::find_by_id(into)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let duplicate = proposal::Entity::find_by_id(from)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Everyone who supported the duplicate, carried over in one statement; a member who already
    // supports the target is not counted twice, and its author cannot support their own.
    let carry = Query::insert()
        .into_table(support::Entity)
        .columns([
            support::Column::ProposalId,
            support::Column::MemberId,
            support::Column::CreatedAt,
        ])
        .select_from(
            Query::select()
                .expr(Expr::value(into))
                .column(support::Column::MemberId)
                .expr(Expr::value(at))
                .from(support::Entity)
                .and_where(support::Column::ProposalId.eq(from))
                .and_where(support::Column::MemberId.ne(target.author_id))
                .to_owned(),
        )
        .map_err(|error| {
            tracing::error!(%error, "building the merge query");
            AppError::Internal
        })?
        .on_conflict(
            OnConflict::columns([support::Column::ProposalId, support::Column::MemberId])
                .do_nothing()
                .to_owned(),
        )
        .to_owned();
    txn.execute(&carry).await?;
    if duplicate.author_id != target.author_id {
        support::Entity::insert(support::ActiveModel {
            proposal_id: Set(into),
            member_id: Set(duplicate.author_id),
            created_at: Set(at),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
    }
    let count = support::Entity::find()
        .filter(support::Column::ProposalId.eq(into))
        .count(&txn)
        .await?;
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::SupportCount,
            Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .filter(proposal::Column::Id.eq(into))
        .exec(&txn)
        .await?;
    resolve_reports(&txn, Target::Proposal(from), at).await?;
    let reason = format!("#{into}");
    let logged = log(
        &txn,
        LogEntry {
            staff,
            action: LogAction::Merge,
            target: Some(Target::Proposal(from)),
            member: Some(duplicate.author_id),
            reason: Some(&reason),
        },
    )
    .await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    Ok(())
}

/// Lets a waiting item through: a proposal waiting for approval opens, a comment held by the word
/// list is shown.
pub async fn approve(
    db: &DatabaseConnection,
    staff: &Member,
    target: Target,
) -> Result<(), AppError> {
    let at = now();
    let txn = db.begin().await?;
    match target {
        Target::Proposal(id) => {
            let from = [ProposalStatus::Submitted];
            if !change_status(&txn, id, &from, ProposalStatus::Open, at, Some(staff.id)).await? {
                return Err(AppError::NotFound);
            }
        }
        Target::Comment(id) => {
            let released = comment::Entity::update_many()
                .col_expr(comment::Column::HeldAt, Expr::value(None::<DateTime<Utc>>))
                .filter(comment::Column::Id.eq(id))
                .filter(comment::Column::HeldAt.is_not_null())
                .exec(&txn)
                .await?;
            if released.rows_affected != 1 {
                return Err(AppError::NotFound);
            }
            count_in_if_shown(&txn, id).await?;
        }
    }
    let logged = log_on(&txn, staff, LogAction::Approve, target, None).await?;
    txn.commit().await?;
    notifications::send(db, Event::Moderation(logged)).await;
    // A comment let through is a reply people can now see.
    if let Target::Comment(id) = target {
        notifications::send(db, Event::Comment(id)).await;
    }
    Ok(())
}
