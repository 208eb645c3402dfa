//! In-app notifications: who hears about what, and the list each member reads.
//!
//! An action commits first, then calls [`send`] with the event's id; `send` works out the
//! recipients from the database and stores one row per person. The row's `event` names the event
//! (`comment-12`, `log-40`…), unique per member, so a retried or concurrent send adds nothing.
//! Another channel (e-mail, web push) would be a second consumer of the same recipient list.
use crate::domain::{Eligibility, LogAction};
use crate::error::AppError;
use crate::notifications::{NotificationKind, NotificationList, NotificationView};
use crate::server::clock::now;
use crate::server::entities::{
    comment, decision, decision_proposal, moderation_log, notification, outcome, outcome_update,
    proposal, support, user,
};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeSet;

/// Something members may want to hear about, named by the row that records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A comment everyone can now see.
    Comment(i32),
    /// A moderation-log row (only hide, edit, merge and approve are told to the author).
    Moderation(i32),
    DecisionOpened(i32),
    DecisionClosed(i32),
    OutcomePublished(i32),
    OutcomeUpdated(i32),
}

/// One notification before it is stored: for whom, and what about.
struct Draft {
    event: String,
    kind: NotificationKind,
    proposal: Option<i32>,
    decision: Option<i32>,
    detail: Option<String>,
    recipients: BTreeSet<i32>,
}

/// Tells everyone who should hear about `event`. Called after the action's transaction has
/// committed: the action stands whatever happens here, so a failure is logged, not returned.
pub async fn send(db: &DatabaseConnection, event: Event) {
    if let Err(error) = try_send(db, event).await {
        tracing::error!(?error, ?event, "storing notifications failed");
    }
}

async fn try_send(db: &DatabaseConnection, event: Event) -> Result<(), AppError> {
    let Some(draft) = draft(db, event).await? else {
        return Ok(());
    };
    // Deleted accounts hear nothing.
    let recipients: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(draft.recipients.iter().copied()))
        .filter(user::Column::DeletedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    if recipients.is_empty() {
        return Ok(());
    }
    let at = now();
    notification::Entity::insert_many(recipients.into_iter().map(|member| {
        notification::ActiveModel {
            member_id: Set(member),
            event: Set(draft.event.clone()),
            kind: Set(draft.kind.as_str().to_owned()),
            proposal_id: Set(draft.proposal),
            decision_id: Set(draft.decision),
            detail: Set(draft.detail.clone()),
            created_at: Set(at),
            read_at: Set(None),
            ..Default::default()
        }
    }))
    .on_conflict(
        OnConflict::columns([notification::Column::MemberId, notification::Column::Event])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

async fn draft(db: &DatabaseConnection, event: Event) -> Result<Option<Draft>, AppError> {
    match event {
        Event::Comment(id) => comment_draft(db, id).await,
        Event::Moderation(id) => moderation_draft(db, id).await,
        Event::DecisionOpened(id) => decision_draft(db, id, false).await,
        Event::DecisionClosed(id) => decision_draft(db, id, true).await,
        Event::OutcomePublished(id) => {
            let Some(row) = outcome::Entity::find_by_id(id).one(db).await? else {
                return Ok(None);
            };
            outcome_draft(
                db,
                &row,
                format!("outcome-{id}"),
                NotificationKind::OutcomePublished,
                row.published_by,
            )
            .await
            .map(Some)
        }
        Event::OutcomeUpdated(id) => {
            let Some(update) = outcome_update::Entity::find_by_id(id).one(db).await? else {
                return Ok(None);
            };
            let Some(row) = outcome::Entity::find_by_id(update.outcome_id)
                .one(db)
                .await?
            else {
                return Ok(None);
            };
            outcome_draft(
                db,
                &row,
                format!("outcome-update-{id}"),
                NotificationKind::OutcomeUpdated,
                update.written_by,
            )
            .await
            .map(Some)
        }
    }
}

/// A reply: to the proposal's author, and to the author of the comment it answers.
async fn comment_draft(db: &DatabaseConnection, id: i32) -> Result<Option<Draft>, AppError> {
    let Some(row) = comment::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if row.deleted_at.is_some() || row.hidden_at.is_some() || row.held_at.is_some() {
        return Ok(None);
    }
    let mut recipients = BTreeSet::new();
    if let Some(proposal) = proposal::Entity::find_by_id(row.proposal_id)
        .one(db)
        .await?
    {
        recipients.insert(proposal.author_id);
    }
    if let Some(parent) = row.parent_id
        && let Some(parent) = comment::Entity::find_by_id(parent).one(db).await?
    {
        recipients.insert(parent.author_id);
    }
    recipients.remove(&row.author_id);
    Ok(Some(Draft {
        event: format!("comment-{id}"),
        kind: NotificationKind::Reply,
        proposal: Some(row.proposal_id),
        decision: None,
        detail: None,
        recipients,
    }))
}

/// What moderators did to a member's proposal or comment, with the reason, told to its author.
async fn moderation_draft(db: &DatabaseConnection, id: i32) -> Result<Option<Draft>, AppError> {
    let Some(row) = moderation_log::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let kind = match LogAction::parse(&row.action) {
        Some(LogAction::Hide) => NotificationKind::Hidden,
        Some(LogAction::Edit) => NotificationKind::Edited,
        Some(LogAction::Merge) => NotificationKind::Merged,
        Some(LogAction::Approve) => NotificationKind::Approved,
        _ => return Ok(None),
    };
    let (Some(author), Some(target)) = (row.member_id, row.target_id) else {
        return Ok(None);
    };
    let proposal = match row.target_kind.as_deref() {
        Some("proposal") => Some(target),
        Some("comment") => comment::Entity::find_by_id(target)
            .one(db)
            .await?
            .map(|c| c.proposal_id),
        _ => None,
    };
    let recipients = if author == row.staff_id {
        BTreeSet::new()
    } else {
        BTreeSet::from([author])
    };
    Ok(Some(Draft {
        event: format!("log-{id}"),
        kind,
        proposal,
        decision: None,
        // A merge's log row names the target; the duplicate's page links there already.
        detail: (kind != NotificationKind::Merged)
            .then_some(row.reason)
            .flatten(),
        recipients,
    }))
}

/// A decision opened (to those who may vote) or closed (to them and the proposals' authors,
/// with the result).
async fn decision_draft(
    db: &DatabaseConnection,
    id: i32,
    closed: bool,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = decision::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let eligibility = Eligibility::parse(&row.eligibility).unwrap_or(Eligibility::CoreGroup);
    let mut voters = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(
            // A suspended member may not vote, so is not asked to.
            sea_orm::Condition::any()
                .add(user::Column::SuspendedUntil.is_null())
                .add(user::Column::SuspendedUntil.lte(now())),
        );
    if eligibility == Eligibility::CoreGroup {
        voters = voters.filter(user::Column::Core.eq(true));
    }
    let mut recipients: BTreeSet<i32> = voters
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let proposals: Vec<i32> = decision_proposal::Entity::find()
        .select_only()
        .column(decision_proposal::Column::ProposalId)
        .filter(decision_proposal::Column::DecisionId.eq(id))
        .order_by_asc(decision_proposal::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    if closed {
        let authors: Vec<i32> = proposal::Entity::find()
            .select_only()
            .column(proposal::Column::AuthorId)
            .filter(proposal::Column::Id.is_in(proposals.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        recipients.extend(authors);
    }
    let (event, kind) = if closed {
        (
            format!("decision-closed-{id}"),
            NotificationKind::DecisionClosed,
        )
    } else {
        (
            format!("decision-open-{id}"),
            NotificationKind::DecisionOpened,
        )
    };
    Ok(Some(Draft {
        event,
        kind,
        // A decision on one proposal belongs to it (named by it, listed with its other news); a
        // poll is named by its own title.
        proposal: match proposals.as_slice() {
            [only] => Some(*only),
            _ => None,
        },
        decision: Some(id),
        detail: if closed { row.outcome } else { None },
        recipients,
    }))
}

/// Everyone who wrote, supported or commented on the proposal, but not the staff member who
/// wrote the outcome.
async fn outcome_draft(
    db: &DatabaseConnection,
    row: &outcome::Model,
    event: String,
    kind: NotificationKind,
    by: i32,
) -> Result<Draft, AppError> {
    let mut recipients = BTreeSet::new();
    if let Some(proposal) = proposal::Entity::find_by_id(row.proposal_id)
        .one(db)
        .await?
    {
        recipients.insert(proposal.author_id);
    }
    let supporters: Vec<i32> = support::Entity::find()
        .select_only()
        .column(support::Column::MemberId)
        .filter(support::Column::ProposalId.eq(row.proposal_id))
        .into_tuple()
        .all(db)
        .await?;
    let commenters: Vec<i32> = comment::Entity::find()
        .select_only()
        .column(comment::Column::AuthorId)
        .distinct()
        .filter(comment::Column::ProposalId.eq(row.proposal_id))
        .filter(comment::Column::DeletedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    recipients.extend(supporters);
    recipients.extend(commenters);
    recipients.remove(&by);
    Ok(Draft {
        event,
        kind,
        proposal: Some(row.proposal_id),
        decision: None,
        detail: Some(row.stage.clone()),
        recipients,
    })
}

/// How many of the member's notifications are unread (the number on the bottom bar).
pub async fn unread_count(db: &impl ConnectionTrait, member: i32) -> Result<u64, AppError> {
    Ok(notification::Entity::find()
        .filter(notification::Column::MemberId.eq(member))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// The newest notifications first; `unread` is the count the request already made for the
/// bottom bar. Three queries, whatever the number.
pub async fn list(
    db: &DatabaseConnection,
    reader: &Member,
    unread: u64,
    zone: Tz,
) -> Result<NotificationList, AppError> {
    const SHOWN: u64 = 100;
    let rows = notification::Entity::find()
        .filter(notification::Column::MemberId.eq(reader.id))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(SHOWN)
        .all(db)
        .await?;
    let proposals = crate::server::proposal_words::titles_for(
        db,
        rows.iter().filter_map(|r| r.proposal_id),
        Some(reader),
    )
    .await?;
    let decision_rows = decision::Entity::find()
        .filter(decision::Column::Id.is_in(rows.iter().filter_map(|r| r.decision_id)))
        .all(db)
        .await?;
    let decisions =
        crate::server::proposal_words::shown_titles(db, &decision_rows, Some(reader)).await?;
    let notifications = rows
        .into_iter()
        .filter_map(|row| {
            let kind = NotificationKind::parse(&row.kind)?;
            let link = link_of(&row)?;
            let about = match (row.proposal_id, row.decision_id) {
                (Some(id), _) => proposals.get(&id).cloned().flatten(),
                (None, Some(id)) => decisions.get(&id).cloned().flatten(),
                (None, None) => None,
            };
            Some(NotificationView {
                id: row.id,
                kind,
                about,
                group: match (row.proposal_id, row.decision_id) {
                    (Some(proposal), _) => format!("proposal-{proposal}"),
                    (None, decision) => format!("decision-{}", decision.unwrap_or_default()),
                },
                link,
                detail: row.detail,
                at: crate::server::clock::to_local(row.created_at, zone),
                read: row.read_at.is_some(),
            })
        })
        .collect();
    Ok(NotificationList {
        notifications,
        unread,
    })
}

/// Marks one notification (`Some(id)`) or all of them as read; only the member's own.
pub async fn mark_read(
    db: &DatabaseConnection,
    member: i32,
    id: Option<i32>,
) -> Result<(), AppError> {
    let mut query = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now()))
        .filter(notification::Column::MemberId.eq(member))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        // The list shows a proposal's (or a decision's) notifications as one group; reading
        // one reads them all.
        let Some(row) = notification::Entity::find_by_id(id)
            .filter(notification::Column::MemberId.eq(member))
            .one(db)
            .await?
        else {
            return Ok(());
        };
        query = match (row.proposal_id, row.decision_id) {
            (Some(proposal), _) => query.filter(notification::Column::ProposalId.eq(proposal)),
            (None, Some(decision)) => query.filter(notification::Column::DecisionId.eq(decision)),
            (None, None) => query.filter(notification::Column::Id.eq(id)),
        };
    }
    query.exec(db).await?;
    Ok(())
}

/// `GET /notifications/{id}/open`: the link of each notification. Opening it marks it read and
/// goes on to what it is about, so the number on the bottom bar means "not seen yet". Only the
/// member's own notifications; anything else lands on the list.
pub async fn open(
    axum::extract::State(state): axum::extract::State<crate::server::AppState>,
    axum::Extension(visitor): axum::Extension<crate::visitor::Visitor>,
    axum::extract::Path(id): axum::extract::Path<i32>,
) -> axum::response::Response {
    use axum::response::{IntoResponse, Redirect};
    let Some(member) = visitor.member.clone() else {
        return Redirect::to("/login?next=%2Fnotifications").into_response();
    };
    let found = notification::Entity::find_by_id(id)
        .filter(notification::Column::MemberId.eq(member.id))
        .one(&state.db)
        .await;
    let row = match found {
        Ok(Some(row)) => row,
        Ok(None) => return Redirect::to("/notifications").into_response(),
        Err(error) => return not_now(&AppError::from(error), &visitor),
    };
    if let Err(error) = mark_read(&state.db, member.id, Some(id)).await {
        // Going on matters more than the mark; the list still offers "Mark as read".
        tracing::warn!(?error, "marking an opened notification read failed");
    }
    let link = link_of(&row).unwrap_or_else(|| "/notifications".to_owned());
    Redirect::to(&link).into_response()
}

/// Where a notification leads: a decision's news to the decision (where one votes and sees the
/// result), anything else to its proposal.
fn link_of(row: &notification::Model) -> Option<String> {
    let about_a_decision = matches!(
        NotificationKind::parse(&row.kind),
        Some(NotificationKind::DecisionOpened | NotificationKind::DecisionClosed)
    );
    match (row.proposal_id, row.decision_id) {
        (_, Some(decision)) if about_a_decision => Some(format!("/decisions/{decision}")),
        (Some(proposal), _) => Some(format!("/proposals/{proposal}")),
        (None, Some(decision)) => Some(format!("/decisions/{decision}")),
        (None, None) => None,
    }
}

/// A plain answer for a link that could not be followed just now.
fn not_now(error: &AppError, visitor: &crate::visitor::Visitor) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = visitor
        .locale
        .text(error.form_message().unwrap_or("error-internal"));
    (
        status,
        [
            (header::RETRY_AFTER, "10"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        message,
    )
        .into_response()
}
