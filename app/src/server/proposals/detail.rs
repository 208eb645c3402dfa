//! One proposal as a visitor may see it: text, photos, support, history and the decisions on it.
use super::status::latest_for_proposal;
use super::visibility::find_visible;
use crate::domain::{ProposalStatus, TargetKind};
use crate::error::AppError;
use crate::server::catalog::reads::{category_labels, place_name};
use crate::server::clock::local_day;
use crate::server::entities::{proposal_photo, proposal_status_change, support, user};
use crate::server::infra::file_store::FileStore;
use crate::server::proposal_words::{is_staff, readable_by};
use crate::views::proposals::{PhotoView, ProposalDetail, StatusChange, VoiceView};
use crate::visitor::Member;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

/// One proposal as its page shows it; hidden ones are "not found" to those who may not see them.
pub async fn detail(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    viewer: Option<&Member>,
    id: i32,
    language: &str,
    zone: chrono_tz::Tz,
    speaks: bool,
) -> Result<ProposalDetail, AppError> {
    let mut row = find_visible(db, viewer, id).await?;
    // Found through `find_visible`, so only what moderators hid can keep the words from the viewer.
    let words_readable = readable_by(&row, viewer);
    if !words_readable {
        // Only the reason is shown in place of the words; the text never leaves the server.
        row.title = String::new();
        row.body = String::new();
    }
    let author = user::Entity::find_by_id(row.author_id).one(db).await?;
    let helper = match row.assisted_by {
        Some(helper) => user::Entity::find_by_id(helper).one(db).await?,
        None => None,
    };
    let place = match row.place_id {
        Some(place_id) => place_name(db, place_id).await?,
        None => None,
    };
    let labels = category_labels(db, language).await?;
    let history = proposal_status_change::Entity::find()
        .filter(proposal_status_change::Column::ProposalId.eq(row.id))
        .order_by_asc(proposal_status_change::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|change| StatusChange {
            status: change.status,
            on: local_day(change.changed_at, zone),
        })
        .collect();
    let supported_by_me = match viewer {
        Some(member) => support::Entity::find_by_id((row.id, member.id))
            .one(db)
            .await?
            .is_some(),
        None => false,
    };
    let status = row.status;
    let reported_by_me =
        !crate::server::proposals::reports::reported_by(db, viewer, TargetKind::Proposal, [row.id])
            .await?
            .is_empty();
    let can_change = viewer.is_some_and(|m| m.id == row.author_id || is_staff(Some(m)))
        && matches!(status, ProposalStatus::Submitted | ProposalStatus::Open)
        && words_readable;
    let photos = proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.eq(row.id))
        .filter(Expr::value(words_readable))
        .order_by_asc(proposal_photo::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|photo| PhotoView {
            url: files.url(&photo.file_name),
            thumbnail_url: files.url(&photo.thumbnail_name),
            width: photo.width,
            height: photo.height,
        })
        .collect();
    let decision_id = latest_for_proposal(db, row.id).await?;
    let can_open_decision = status == ProposalStatus::Open
        && crate::permissions::allows(viewer, crate::permissions::Action::ManageDecisions, true);
    Ok(ProposalDetail {
        marks: crate::views::moderation::Marks {
            hidden_reason: row.hidden_reason.clone(),
            moderator_note: row.moderator_note.clone(),
            held: status == ProposalStatus::Submitted,
            helped_by: helper.map(|h| h.display_name),
        },
        locked: row.locked_at.is_some(),
        merged_into: row.merged_into,
        can_moderate: crate::permissions::allows(
            viewer,
            crate::permissions::Action::Moderate,
            true,
        ),
        decision_id,
        can_open_decision,
        photos,
        place_id: row.place_id,
        reported_by_me,
        can_change,
        id: row.id,
        can_support: viewer.is_some_and(|m| m.id != row.author_id && !m.suspended)
            && status.accepts_support()
            && row.hidden_at.is_none(),
        // Until staff have written its words, a voice-only proposal's words are only a note.
        listen: (speaks && words_readable && !row.awaiting_text)
            .then(|| format!("/proposals/{}/listen?lang={language}", row.id)),
        voice: row
            .voice_file
            .as_ref()
            .filter(|_| words_readable)
            .map(|_| VoiceView::of("proposals", row.id, row.voice_seconds)),
        awaiting_text: row.awaiting_text,
        title: row.title,
        body: row.body,
        status,
        category: labels.get(&row.category_id).cloned(),
        place,
        author: author
            .as_ref()
            .map(crate::server::accounts::members::shown_name)
            .unwrap_or_default(),
        author_is_staff: author
            .as_ref()
            .is_some_and(crate::server::accounts::members::is_staff_account),
        created_on: local_day(row.created_at, zone),
        edited: row.edited_at.is_some(),
        history,
        support_count: row.support_count,
        supported_by_me,
    })
}
