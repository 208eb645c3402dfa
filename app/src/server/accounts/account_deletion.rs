//! A member deleting their own account. Either way nothing personal stays: the account's row is
//! kept only as an empty "former member" (others' replies, decisions and the moderation log point
//! at it), supports, reports, notifications and votes in decisions still open are deleted, and so
//! is the record of which closed decisions they took part in (closed tallies are stored counts and
//! do not change). With `RemovePosts` their proposals and comments lose their words and photos;
//! with `KeepPosts` those stay, signed "former member". One transaction; the photo files go after
//! it commits.
use crate::error::AppError;
use crate::server::accounts::authenticate::{Claimant, authenticate};
use crate::server::clock::now;
use crate::server::entities::{
    comment, decision_participant, notification, open_ballot_mark, proposal, proposal_photo,
    push_delivery, push_device, push_muted, reading, report, sms_message, sms_number, support,
    user,
};
use crate::server::infra::file_store::FileStore;
use crate::visitor::Member;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, QueryTrait, TransactionTrait,
};
use std::collections::BTreeSet;

/// What happens to what the member wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posts {
    KeepPosts,
    RemovePosts,
}

impl Posts {
    pub fn parse(input: &str) -> Option<Self> {
        match input {
            "keep" => Some(Posts::KeepPosts),
            "remove" => Some(Posts::RemovePosts),
            _ => None,
        }
    }
}

/// The reason shown in place of a removed proposal (a locale key through `HideReason`).
pub const REMOVED_BY_AUTHOR: &str = "author_removed";

/// Deletes `member`'s account after checking their password.
pub async fn delete(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    member: &Member,
    password: &str,
    posts: Posts,
) -> Result<(), AppError> {
    if authenticate(db, Claimant::SignedIn(member), password, None)
        .await?
        .is_none()
    {
        return Err(AppError::field("password", "error-password-wrong"));
    }
    let at = now();
    let txn = db.begin().await?;
    // The first write: the account becomes an empty "former member" that cannot sign in.
    let emptied = user::Entity::update_many()
        .col_expr(
            user::Column::Username,
            Expr::value(crate::domain::Username::of_deleted_account(member.id)),
        )
        .col_expr(user::Column::DisplayName, Expr::value(""))
        .col_expr(user::Column::SearchText, Expr::value(""))
        .col_expr(user::Column::PasswordHash, Expr::value(""))
        .col_expr(
            user::Column::Role,
            Expr::value(crate::domain::Role::Resident),
        )
        .col_expr(user::Column::Core, Expr::value(false))
        .col_expr(user::Column::Language, Expr::value(None::<String>))
        .col_expr(
            user::Column::SuspendedUntil,
            Expr::value(None::<chrono::DateTime<chrono::Utc>>),
        )
        .col_expr(user::Column::SuspensionReason, Expr::value(None::<String>))
        .col_expr(user::Column::DeletedAt, Expr::value(at))
        .filter(user::Column::Id.eq(member.id))
        .filter(user::Column::DeletedAt.is_null())
        .exec(&txn)
        .await?;
    if emptied.rows_affected != 1 {
        return Err(AppError::NotSignedIn);
    }
    let supported: Vec<i32> = support::Entity::find()
        .select_only()
        .column(support::Column::ProposalId)
        .filter(support::Column::MemberId.eq(member.id))
        .into_tuple()
        .all(&txn)
        .await?;
    support::Entity::delete_many()
        .filter(support::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    report::Entity::delete_many()
        .filter(report::Column::ReporterId.eq(member.id))
        .exec(&txn)
        .await?;
    // Phone notifications: the devices (their addresses are personal), what was on its way to
    // them, and the switches.
    let notes = notification::Entity::find()
        .select_only()
        .column(notification::Column::Id)
        .filter(notification::Column::MemberId.eq(member.id));
    push_delivery::Entity::delete_many()
        .filter(push_delivery::Column::NotificationId.in_subquery(notes.into_query()))
        .exec(&txn)
        .await?;
    let devices = push_device::Entity::find()
        .select_only()
        .column(push_device::Column::Id)
        .filter(push_device::Column::MemberId.eq(member.id));
    push_delivery::Entity::delete_many()
        .filter(push_delivery::Column::DeviceId.in_subquery(devices.into_query()))
        .exec(&txn)
        .await?;
    push_device::Entity::delete_many()
        .filter(push_device::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    push_muted::Entity::delete_many()
        .filter(push_muted::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    // Text messages: the number is personal; so is what was sent to it.
    sms_message::Entity::delete_many()
        .filter(sms_message::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    sms_number::Entity::delete_many()
        .filter(sms_number::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    notification::Entity::delete_many()
        .filter(notification::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    // A vote in a decision still open stops counting; closed tallies are counts already.
    open_ballot_mark::Entity::delete_many()
        .filter(open_ballot_mark::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    decision_participant::Entity::delete_many()
        .filter(decision_participant::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    let mut touched: BTreeSet<i32> = supported.into_iter().collect();
    let mut photos = Vec::new();
    if posts == Posts::RemovePosts {
        let (proposals, files_to_remove) = remove_posts(&txn, member.id, at).await?;
        touched.extend(proposals);
        photos = files_to_remove;
    }
    for proposal_id in touched {
        recount(&txn, proposal_id).await?;
    }
    // Every device of the account is signed out with it.
    crate::server::infra::session_store::end_sessions(&txn, member.id, None).await?;
    txn.commit().await?;
    for file in photos {
        files.remove(&file).await;
    }
    Ok(())
}

/// Empties the member's proposals (hidden with "removed by its author", photos and voices gone)
/// and comments (deleted, text and voice gone), and their readings aloud; answers the proposals whose counts moved and the files to
/// remove once the transaction has committed.
async fn remove_posts(
    txn: &impl ConnectionTrait,
    member: i32,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(Vec<i32>, Vec<String>), AppError> {
    let own: Vec<i32> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::Id)
        .filter(proposal::Column::AuthorId.eq(member))
        .into_tuple()
        .all(txn)
        .await?;
    let voices = own_voices(txn, member).await?;
    proposal::Entity::update_many()
        .col_expr(proposal::Column::Title, Expr::value(""))
        .col_expr(proposal::Column::Body, Expr::value(""))
        .col_expr(proposal::Column::VoiceFile, Expr::value(None::<String>))
        .col_expr(proposal::Column::SearchText, Expr::value(""))
        .col_expr(proposal::Column::HiddenAt, Expr::value(at))
        .col_expr(
            proposal::Column::HiddenReason,
            Expr::value(REMOVED_BY_AUTHOR),
        )
        .filter(proposal::Column::AuthorId.eq(member))
        .exec(txn)
        .await?;
    let photos = proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.is_in(own.iter().copied()))
        .all(txn)
        .await?;
    proposal_photo::Entity::delete_many()
        .filter(proposal_photo::Column::ProposalId.is_in(own.iter().copied()))
        .exec(txn)
        .await?;
    let discussed: Vec<i32> = comment::Entity::find()
        .select_only()
        .column(comment::Column::ProposalId)
        .distinct()
        .filter(comment::Column::AuthorId.eq(member))
        .into_tuple()
        .all(txn)
        .await?;
    comment::Entity::update_many()
        .col_expr(comment::Column::Body, Expr::value(""))
        .col_expr(comment::Column::DeletedAt, Expr::value(at))
        .filter(comment::Column::AuthorId.eq(member))
        .filter(comment::Column::DeletedAt.is_null())
        .exec(txn)
        .await?;
    // Every recording goes, a deleted comment's too.
    comment::Entity::update_many()
        .col_expr(comment::Column::VoiceFile, Expr::value(None::<String>))
        .filter(comment::Column::AuthorId.eq(member))
        .exec(txn)
        .await?;
    let readings = remove_readings(txn, member).await?;
    let files = photos
        .into_iter()
        .flat_map(|p| [p.file_name, p.thumbnail_name])
        .chain(voices)
        .chain(readings)
        .collect();
    Ok((own.into_iter().chain(discussed).collect(), files))
}

/// Removes the member's own readings aloud (see `readings`); answers their files.
async fn remove_readings(txn: &impl ConnectionTrait, member: i32) -> Result<Vec<String>, AppError> {
    let files: Vec<String> = reading::Entity::find()
        .select_only()
        .column(reading::Column::FileName)
        .filter(reading::Column::RecordedBy.eq(member))
        .into_tuple()
        .all(txn)
        .await?;
    reading::Entity::delete_many()
        .filter(reading::Column::RecordedBy.eq(member))
        .exec(txn)
        .await?;
    Ok(files)
}

/// The files of the member's voice messages, on proposals and comments.
async fn own_voices(txn: &impl ConnectionTrait, member: i32) -> Result<Vec<String>, AppError> {
    let on_proposals: Vec<Option<String>> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::VoiceFile)
        .filter(proposal::Column::AuthorId.eq(member))
        .into_tuple()
        .all(txn)
        .await?;
    let on_comments: Vec<Option<String>> = comment::Entity::find()
        .select_only()
        .column(comment::Column::VoiceFile)
        .filter(comment::Column::AuthorId.eq(member))
        .into_tuple()
        .all(txn)
        .await?;
    Ok(on_proposals
        .into_iter()
        .chain(on_comments)
        .flatten()
        .collect())
}

/// Counts a proposal's supports and the comments everyone sees again, after rows went.
async fn recount(txn: &impl ConnectionTrait, proposal_id: i32) -> Result<(), AppError> {
    let supports = support::Entity::find()
        .filter(support::Column::ProposalId.eq(proposal_id))
        .count(txn)
        .await?;
    let comments = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(proposal_id))
        .filter(comment::Column::DeletedAt.is_null())
        .filter(comment::Column::HiddenAt.is_null())
        .filter(comment::Column::HeldAt.is_null())
        .count(txn)
        .await?;
    proposal::Entity::update_many()
        .col_expr(proposal::Column::SupportCount, Expr::value(count(supports)))
        .col_expr(proposal::Column::CommentCount, Expr::value(count(comments)))
        .filter(proposal::Column::Id.eq(proposal_id))
        .exec(txn)
        .await?;
    Ok(())
}

fn count(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
