//! What "Listen" reads of a proposal: its title and text, to exactly those who may read them on
//! its page (hidden, held or withdrawn words are "not found" to everyone else).
use super::visibility::find_visible;
use crate::error::AppError;
use crate::permissions::require_read;
use crate::server::proposal_words::readable_by;
use crate::visitor::Member;
use sea_orm::DatabaseConnection;

pub async fn spoken_text(
    db: &DatabaseConnection,
    viewer: Option<Member>,
    public_reading: bool,
    id: i32,
) -> Result<String, AppError> {
    let viewer = require_read(viewer, public_reading)?;
    let row = find_visible(db, viewer.as_ref(), id).await?;
    if !readable_by(&row, viewer.as_ref()) {
        return Err(AppError::NotFound);
    }
    Ok(format!("{}.\n{}", row.title, row.body))
}
