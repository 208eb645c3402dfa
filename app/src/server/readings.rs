//! "Listen" in a person's own voice: staff (or a proposal's author) may record their reading of
//! a proposal, decision or outcome, e.g. in Romani, which no speech engine speaks; it plays in
//! place of the machine's while the text is the one it was recorded for. The text is named by a
//! hash of what "Listen" reads in Czech, so an edit brings the machine back until someone reads
//! the new text.
use crate::domain::ReadingOf;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::permissions::{Action, allows};
use crate::server::clock::now;
use crate::server::entities::reading;
use crate::server::infra::file_store::FileStore;
use crate::server::infra::voice::{self, Voice};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

/// Where the texts come from and how times are written: what every reading of a text needs.
pub struct Texts<'a> {
    pub db: &'a DatabaseConnection,
    pub files: &'a dyn FileStore,
    pub zone: Tz,
    pub public_reading: bool,
}

impl Texts<'_> {
    /// What "Listen" reads of `kind` `id` in `locale`, to exactly who may read it on its page.
    pub async fn spoken(
        &self,
        kind: ReadingOf,
        viewer: Option<Member>,
        id: i32,
        locale: &Locale,
    ) -> Result<String, AppError> {
        let (db, public) = (self.db, self.public_reading);
        match kind {
            ReadingOf::Proposal => {
                crate::server::proposals::spoken_text(db, viewer, public, id).await
            }
            ReadingOf::Decision => {
                crate::server::decisions::spoken_text(db, viewer, public, id, self.zone, locale)
                    .await
            }
            ReadingOf::Outcome => {
                crate::server::outcomes::views::spoken_text(
                    db, self.files, viewer, public, id, self.zone, locale,
                )
                .await
            }
        }
    }
}

fn text_key(czech: &str) -> String {
    format!("{:x}", Sha256::digest(czech.as_bytes()))
}

/// The reading that stands for `czech` (the text "Listen" reads in Czech), if someone recorded it.
pub async fn current(
    db: &DatabaseConnection,
    kind: ReadingOf,
    id: i32,
    czech: &str,
) -> Result<Option<reading::Model>, AppError> {
    Ok(reading::Entity::find_by_id((kind, id))
        .filter(reading::Column::TextKey.eq(text_key(czech)))
        .one(db)
        .await?)
}

/// Whether `member` may read `kind` `id` aloud in their own voice: staff who look after such
/// texts, and a proposal's own author.
pub async fn may_record(
    texts: &Texts<'_>,
    member: &Member,
    kind: ReadingOf,
    id: i32,
) -> Result<bool, AppError> {
    let staff = |action| allows(Some(member), action, true);
    Ok(match kind {
        ReadingOf::Proposal => {
            staff(Action::Moderate)
                || (allows(Some(member), Action::Participate, true)
                    && crate::server::proposals::find_visible(texts.db, Some(member), id)
                        .await?
                        .author_id
                        == member.id)
        }
        ReadingOf::Decision => staff(Action::ManageDecisions),
        ReadingOf::Outcome => staff(Action::PublishOutcomes),
    })
}

/// Keeps `voice` as the reading of `kind` `id`, replacing an earlier one. Refused (as "not
/// found", like the page) where the member may not read the text, and where they may read it but
/// not record it.
pub async fn record(
    texts: &Texts<'_>,
    member: &Member,
    kind: ReadingOf,
    id: i32,
    voice: Voice,
) -> Result<(), AppError> {
    let czech = texts
        .spoken(kind, Some(member.clone()), id, &Locale::czech())
        .await?;
    if !may_record(texts, member, kind, id).await? {
        return Err(AppError::Forbidden);
    }
    let stored = voice::store(texts.files, &voice).await?;
    let saved = async {
        let txn = texts.db.begin().await?;
        let earlier = reading::Entity::find_by_id((kind, id)).one(&txn).await?;
        reading::Entity::delete_by_id((kind, id)).exec(&txn).await?;
        reading::ActiveModel {
            kind: Set(kind),
            target_id: Set(id),
            text_key: Set(text_key(&czech)),
            file_name: Set(stored.file_name.clone()),
            seconds: Set(stored.seconds),
            recorded_by: Set(member.id),
            recorded_at: Set(now()),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok::<_, AppError>(earlier)
    }
    .await;
    match saved {
        Ok(earlier) => {
            if let Some(earlier) = earlier {
                texts.files.remove(&earlier.file_name).await;
            }
            Ok(())
        }
        Err(error) => {
            voice::remove(texts.files, Some(&stored)).await;
            Err(error)
        }
    }
}

/// The readings `member` recorded, for their data download.
pub async fn recorded_by(
    db: &impl ConnectionTrait,
    member: i32,
) -> Result<Vec<reading::Model>, AppError> {
    Ok(reading::Entity::find()
        .filter(reading::Column::RecordedBy.eq(member))
        .all(db)
        .await?)
}
