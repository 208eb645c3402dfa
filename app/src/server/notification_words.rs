//! The one sentence a notification is told in, the same in the bell, on a phone and in a text
//! message: in the member's language, naming what it is about as this member may see it. It is
//! made from the notification row, which never holds anyone's vote.
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::accounts::members::to_member;
use crate::server::entities::{decision, notification, user};
use crate::server::proposal_words::{shown_titles, titles_for};
use sea_orm::{DatabaseConnection, EntityTrait};

/// The member's language and the sentence in it.
pub async fn sentence(
    db: &DatabaseConnection,
    note: &notification::Model,
    member: &user::Model,
    default_locale: &Locale,
) -> Result<(Locale, String), AppError> {
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
    let sentence = locale.text_with(&note.kind.label_key(), &[("about", about.into())]);
    Ok((locale, sentence))
}
