//! In-app notifications: who hears about what, and the list each member reads.
//!
//! An action commits first, then calls [`send`] with the event's id; `send` works out the
//! recipients from the database and stores one row per person. The row's `event` names the event
//! (`comment-12`, `log-40`…), unique per member, so a retried or concurrent send adds nothing.
//! Phone notifications (`push`) are queued from the same rows, so every channel tells the same
//! people the same news; text messages (`text_messages`) are queued from them too, for the few
//! kinds of news worth a text.
use crate::domain::Target;
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{notification, outcome, outcome_update, user};
use crate::views::notifications::{NotificationKind, PushTopic};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::BTreeSet;
mod drafts;
mod inbox;
use drafts::{
    closing_draft, comment_draft, decision_draft, moderation_draft, outcome_draft, waiting_draft,
};
pub use inbox::{list, mark_read, open, unread_count};

/// Something members may want to hear about, named by the row that records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A comment everyone can now see.
    Comment(i32),
    /// A moderation-log row (only hide, edit, merge and approve are told to the author).
    Moderation(i32),
    DecisionOpened(i32),
    /// An open decision closes within a day (told once, to those who have not voted).
    DecisionClosing(i32),
    DecisionClosed(i32),
    OutcomePublished(i32),
    OutcomeUpdated(i32),
    /// A proposal or a comment waits for staff in the moderation queue.
    Waiting(Target),
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
    notification::Entity::insert_many(recipients.iter().map(|&member| notification::ActiveModel {
        member_id: Set(member),
        event: Set(draft.event.clone()),
        kind: Set(draft.kind),
        proposal_id: Set(draft.proposal),
        decision_id: Set(draft.decision),
        detail: Set(draft.detail.clone()),
        created_at: Set(at),
        read_at: Set(None),
        ..Default::default()
    }))
    .on_conflict(
        OnConflict::columns([notification::Column::MemberId, notification::Column::Event])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    crate::server::push::enqueue(db, &draft.event, &recipients, PushTopic::of(draft.kind)).await?;
    crate::server::text_messages::enqueue(db, &draft.event, draft.kind, draft.proposal, &recipients)
        .await
}

async fn draft(db: &DatabaseConnection, event: Event) -> Result<Option<Draft>, AppError> {
    match event {
        Event::Comment(id) => comment_draft(db, id).await,
        Event::Moderation(id) => moderation_draft(db, id).await,
        Event::DecisionOpened(id) => decision_draft(db, id, false).await,
        Event::DecisionClosed(id) => decision_draft(db, id, true).await,
        Event::DecisionClosing(id) => closing_draft(db, id).await,
        Event::Waiting(target) => waiting_draft(db, target).await,
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
