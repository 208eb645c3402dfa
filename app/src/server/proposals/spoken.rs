//! What "Listen" reads of a proposal (its title and text) and its author's recording, to exactly
//! those who may read its words on its page (hidden, held or withdrawn words are "not found" to
//! everyone else).
use super::visibility::find_visible;
use crate::error::AppError;
use crate::permissions::require_read;
use crate::server::entities::proposal;
use crate::server::proposal_words::readable_by;
use crate::visitor::Member;
use sea_orm::DatabaseConnection;

async fn readable(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<proposal::Model, AppError> {
    let viewer = require_read(viewer, public_reading)?;
    let row = find_visible(db, viewer.as_ref(), id).await?;
    if !readable_by(&row, viewer.as_ref()) {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

pub async fn spoken_text(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<String, AppError> {
    let row = readable(db, viewer, public_reading, id).await?;
    // A voice-only proposal's words are a note about the voice, not worth reading aloud.
    if row.awaiting_text {
        return Err(AppError::NotFound);
    }
    Ok(format!("{}.\n{}", row.title, row.body))
}

/// The stored file of the author's recording.
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
