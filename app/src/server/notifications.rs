//! In-app notifications: who hears about what, and the list each member reads.
//!
//! An action commits first, then calls [`send`] with the event's id; `send` works out the
//! recipients from the database and stores one row per person, in SQL and in chunks, so a city's
//! 250 000 voters are never read into memory. News for many people is queued first and handed out
//! by a background task ([`fan_out_due`]). The row's `event` names the event (`comment-12`,
//! `log-40`…), unique per member, so a retried or concurrent send adds nothing.
//! Phone notifications (`push`) are queued from the same rows, so every channel tells the same
//! people the same news; text messages (`text_messages`) are queued from them too, for the few
//! kinds of news worth a text.
use crate::domain::Target;
use crate::error::AppError;
use crate::server::entities::{outcome, outcome_update};
use crate::views::notifications::NotificationKind;
use sea_orm::{Condition, DatabaseConnection, EntityTrait};
mod drafts;
mod fan_out;
mod inbox;
mod queue;
use drafts::{
    closing_draft, comment_draft, decision_draft, moderation_draft, outcome_draft, waiting_draft,
};
pub use inbox::{list, mark_read, open, unread_count};
pub use queue::{fan_out_due, wait_for_queued};

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

/// One notification before it is stored: what about, and who hears it.
struct Draft {
    event: String,
    kind: NotificationKind,
    proposal: Option<i32>,
    decision: Option<i32>,
    detail: Option<String>,
    /// Who hears it, as a condition on `users`: SQL picks them out, however many they are.
    recipients: Condition,
}

impl Event {
    /// News for many people (every voter, every supporter) is queued and handed out in the
    /// background, so the action's request never waits for it; a reply, a moderator's note or
    /// the queue's news is for a few people and is stored at once.
    fn queued_as(self) -> Option<(&'static str, i32)> {
        match self {
            Event::DecisionOpened(id) => Some(("decision_opened", id)),
            Event::DecisionClosing(id) => Some(("decision_closing", id)),
            Event::DecisionClosed(id) => Some(("decision_closed", id)),
            Event::OutcomePublished(id) => Some(("outcome_published", id)),
            Event::OutcomeUpdated(id) => Some(("outcome_updated", id)),
            Event::Comment(_) | Event::Moderation(_) | Event::Waiting(_) => None,
        }
    }

    fn from_queued(kind: &str, id: i32) -> Option<Event> {
        Some(match kind {
            "decision_opened" => Event::DecisionOpened(id),
            "decision_closing" => Event::DecisionClosing(id),
            "decision_closed" => Event::DecisionClosed(id),
            "outcome_published" => Event::OutcomePublished(id),
            "outcome_updated" => Event::OutcomeUpdated(id),
            _ => return None,
        })
    }
}

/// Tells everyone who should hear about `event`. Called after the action's transaction has
/// committed: the action stands whatever happens here, so a failure is logged, not returned.
pub async fn send(db: &DatabaseConnection, event: Event) {
    let result = match event.queued_as() {
        Some((kind, id)) => queue::add(db, kind, id).await,
        None => hand_out(db, event).await.map(|_| ()),
    };
    if let Err(error) = result {
        tracing::error!(?error, ?event, "storing notifications failed");
    }
}

/// Stores `event`'s notifications and queues its phone notifications and texts; returns how
/// many members were told (again for the same event tells nobody twice).
async fn hand_out(db: &DatabaseConnection, event: Event) -> Result<u64, AppError> {
    let Some(draft) = draft(db, event).await? else {
        return Ok(0);
    };
    fan_out::store(db, &draft).await
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
            Ok(Some(outcome_draft(
                &row,
                format!("outcome-{id}"),
                NotificationKind::OutcomePublished,
                row.published_by,
            )))
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
            Ok(Some(outcome_draft(
                &row,
                format!("outcome-update-{id}"),
                NotificationKind::OutcomeUpdated,
                update.written_by,
            )))
        }
    }
}
