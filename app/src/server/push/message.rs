//! What a phone shows: the notification's sentence (see `notifications::sentence`) and the link
//! that opens it.
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::entities::{notification, user};
use crate::server::notification_words::sentence;
use sea_orm::DatabaseConnection;

pub(super) async fn message(
    db: &DatabaseConnection,
    note: &notification::Model,
    member: &user::Model,
    default_locale: &Locale,
) -> Result<Vec<u8>, AppError> {
    let (locale, body) = sentence(db, note, member, default_locale).await?;
    let group = match (note.proposal_id, note.decision_id) {
        (Some(proposal), _) => format!("proposal-{proposal}"),
        (None, Some(decision)) => format!("decision-{decision}"),
        (None, None) => format!("notification-{}", note.id),
    };
    let payload = serde_json::json!({
        "title": locale.text("push-title"),
        "body": body,
        // Opening it marks it read in the bell and goes on to what it is about.
        "url": format!("/notifications/{}/open", note.id),
        "tag": group,
    });
    Ok(payload.to_string().into_bytes())
}
