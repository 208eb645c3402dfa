//! What a phone shows: one short sentence in the member's language, the same one the bell shows,
//! naming what it is about as this member may see it, and the link that opens it. It is made from
//! the notification row, which never holds anyone's vote.
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::accounts::members::to_member;
use crate::server::entities::{decision, notification, user};
use crate::server::proposal_words::{shown_titles, titles_for};
use sea_orm::{DatabaseConnection, EntityTrait};

pub(super) async fn message(
    db: &DatabaseConnection,
    note: &notification::Model,
    member: &user::Model,
    default_locale: &Locale,
) -> Result<Vec<u8>, AppError> {
    let locale = member
        .language
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_else(|| default_locale.clone());
    let reader = to_member(member);
    let about = match (note.proposal_id, note.decision_id) {
        (Some(id), _) => titles_for(db, [id], Some(&reader))
            .await?
            .remove(&id)
            .flatten(),
        (None, Some(id)) => {
            let rows: Vec<decision::Model> = decision::Entity::find_by_id(id)
                .one(db)
                .await?
                .into_iter()
                .collect();
            shown_titles(db, &rows, Some(&reader))
                .await?
                .remove(&id)
                .flatten()
        }
        (None, None) => None,
    }
    .unwrap_or_else(|| locale.text("notification-about-hidden"));
    let body = locale.text_with(&note.kind.label_key(), &[("about", about.into())]);
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
