//! Everything Spolu holds about one member, as one JSON document they can download from `/me`.
//! It never says how they voted: only which decisions they took part in.
use app::error::AppError;
use app::server::entities::{
    comment, decision, decision_participant, notification, proposal, proposal_photo, push_device,
    push_muted, report, sms_message, sms_number, support, user,
};
use app::server::infra::file_store::FileStore;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct MyData {
    pub about: &'static str,
    pub account: Account,
    pub proposals: Vec<MyProposal>,
    pub comments: Vec<MyComment>,
    /// Texts the member read aloud in their own voice.
    pub readings: Vec<MyReading>,
    pub supported_proposals: Vec<i32>,
    pub reports: Vec<MyReport>,
    pub decisions_taken_part_in: Vec<TookPart>,
    pub notifications: Vec<MyNotification>,
    /// Devices with phone notifications on, and the kinds of news switched off for them.
    pub phone_notifications: PhoneNotifications,
    /// The number given for text messages, and the texts sent to it.
    pub text_messages: TextMessages,
}

#[derive(Debug, Serialize)]
pub struct TextMessages {
    pub number: Option<String>,
    pub number_given_at: Option<DateTime<Utc>>,
    pub sent: Vec<SentText>,
}

/// A text sent: when, and which notification it told (listed under `notifications`).
#[derive(Debug, Serialize)]
pub struct SentText {
    pub notification: i32,
    pub sent_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct PhoneNotifications {
    pub devices: Vec<MyDevice>,
    pub switched_off: Vec<&'static str>,
}

/// A device as Spolu keeps it: its push service's address is the member's, so it is here whole.
#[derive(Debug, Serialize)]
pub struct MyDevice {
    pub name: String,
    pub address: String,
    pub turned_on_at: DateTime<Utc>,
    pub last_sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub core_group: bool,
    pub language: Option<String>,
    pub joined_at: DateTime<Utc>,
    pub suspended_until: Option<DateTime<Utc>>,
    pub suspension_reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MyProposal {
    pub id: i32,
    pub title: String,
    pub text: String,
    pub status: String,
    pub written_at: DateTime<Utc>,
    pub photos: Vec<String>,
    pub voice: Option<MyVoice>,
}

/// A voice message, whole: the member's recording is theirs even where moderators hid the post
/// or its file is no longer served to them.
#[derive(Debug, Serialize)]
pub struct MyVoice {
    pub seconds: i32,
    /// `data:audio/ogg;base64,…`: a browser plays it from the address itself.
    pub audio: String,
}

#[derive(Debug, Serialize)]
pub struct MyComment {
    pub id: i32,
    pub proposal: i32,
    pub text: String,
    pub written_at: DateTime<Utc>,
    pub deleted: bool,
    pub voice: Option<MyVoice>,
}

#[derive(Debug, Serialize)]
pub struct MyReading {
    /// `proposal`, `decision` or `outcome` (named by its proposal's id).
    pub kind: String,
    pub id: i32,
    pub voice: Option<MyVoice>,
}

#[derive(Debug, Serialize)]
pub struct MyReport {
    pub kind: String,
    pub id: i32,
    pub reason: String,
    pub note: Option<String>,
    pub made_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct TookPart {
    pub decision: i32,
    pub title: String,
    pub at: DateTime<Utc>,
    pub helped_by_staff: bool,
}

#[derive(Debug, Serialize)]
pub struct MyNotification {
    pub kind: String,
    pub proposal: Option<i32>,
    pub decision: Option<i32>,
    pub at: DateTime<Utc>,
    pub read: bool,
}

pub async fn export(
    db: &DatabaseConnection,
    files: &dyn FileStore,
    reader: &app::visitor::Member,
) -> Result<MyData, AppError> {
    let member = reader.id;
    let row = user::Entity::find_by_id(member)
        .one(db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(member))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?;
    let photos = proposal_photo::Entity::find()
        .filter(proposal_photo::Column::ProposalId.is_in(proposals.iter().map(|p| p.id)))
        .order_by_asc(proposal_photo::Column::Position)
        .all(db)
        .await?;
    let comments = comment::Entity::find()
        .filter(comment::Column::AuthorId.eq(member))
        .order_by_asc(comment::Column::Id)
        .all(db)
        .await?;
    let supports = support::Entity::find()
        .filter(support::Column::MemberId.eq(member))
        .order_by_asc(support::Column::ProposalId)
        .all(db)
        .await?;
    let reports = report::Entity::find()
        .filter(report::Column::ReporterId.eq(member))
        .order_by_asc(report::Column::Id)
        .all(db)
        .await?;
    let took_part = decision_participant::Entity::find()
        .filter(decision_participant::Column::MemberId.eq(member))
        .all(db)
        .await?;
    let decisions = decision::Entity::find()
        .filter(decision::Column::Id.is_in(took_part.iter().map(|t| t.decision_id)))
        .all(db)
        .await?;
    let decision_titles =
        app::server::proposal_words::shown_titles(db, &decisions, Some(reader)).await?;
    let notifications = notification::Entity::find()
        .filter(notification::Column::MemberId.eq(member))
        .order_by_asc(notification::Column::Id)
        .all(db)
        .await?;
    let readings = app::server::readings::recorded_by(db, member).await?;
    let devices = push_device::Entity::find()
        .filter(push_device::Column::MemberId.eq(member))
        .order_by_asc(push_device::Column::Id)
        .all(db)
        .await?;
    let muted = push_muted::Entity::find()
        .filter(push_muted::Column::MemberId.eq(member))
        .all(db)
        .await?;
    let number = sms_number::Entity::find_by_id(member).one(db).await?;
    let texts = sms_message::Entity::find()
        .filter(sms_message::Column::MemberId.eq(member))
        .filter(sms_message::Column::SentAt.is_not_null())
        .order_by_asc(sms_message::Column::Id)
        .all(db)
        .await?;
    let mut voices = std::collections::HashMap::new();
    let recorded: Vec<(Option<String>, Option<i32>)> = proposals
        .iter()
        .map(|p| (p.voice_file.clone(), p.voice_seconds))
        .chain(
            comments
                .iter()
                .map(|c| (c.voice_file.clone(), c.voice_seconds)),
        )
        .chain(
            readings
                .iter()
                .map(|r| (Some(r.file_name.clone()), Some(r.seconds))),
        )
        .collect();
    for (file, seconds) in recorded {
        let Some(file) = file else { continue };
        if let Some(bytes) = files.get(&file).await? {
            let audio = format!("data:audio/ogg;base64,{}", BASE64.encode(bytes));
            voices.insert(
                file.clone(),
                MyVoice {
                    seconds: seconds.unwrap_or(0),
                    audio,
                },
            );
        }
    }
    let mut voice_of = |file: &Option<String>| file.as_ref().and_then(|f| voices.remove(f));
    Ok(MyData {
        about: "Spolu: everything kept about this member. How they voted is never kept.",
        account: Account {
            username: row.username,
            display_name: row.display_name,
            role: row.role.as_str().to_owned(),
            core_group: row.core,
            language: row.language,
            joined_at: row.created_at,
            suspended_until: row.suspended_until,
            suspension_reason: row.suspension_reason,
        },
        proposals: proposals
            .into_iter()
            .map(|p| MyProposal {
                photos: photos
                    .iter()
                    .filter(|photo| photo.proposal_id == p.id)
                    .map(|photo| files.url(&photo.file_name))
                    .collect(),
                voice: voice_of(&p.voice_file),
                id: p.id,
                title: p.title,
                text: p.body,
                status: p.status.as_str().to_owned(),
                written_at: p.created_at,
            })
            .collect(),
        comments: comments
            .into_iter()
            .map(|c| MyComment {
                voice: voice_of(&c.voice_file),
                id: c.id,
                proposal: c.proposal_id,
                text: c.body,
                written_at: c.created_at,
                deleted: c.deleted_at.is_some(),
            })
            .collect(),
        readings: readings
            .into_iter()
            .map(|r| MyReading {
                kind: r.kind.as_str().to_owned(),
                id: r.target_id,
                voice: voice_of(&Some(r.file_name)),
            })
            .collect(),
        supported_proposals: supports.into_iter().map(|s| s.proposal_id).collect(),
        reports: reports
            .into_iter()
            .map(|r| MyReport {
                kind: r.target_kind.as_str().to_owned(),
                id: r.target_id,
                reason: r.reason.as_str().to_owned(),
                note: r.note,
                made_at: r.created_at,
            })
            .collect(),
        decisions_taken_part_in: took_part
            .into_iter()
            .map(|t| TookPart {
                title: decision_titles
                    .get(&t.decision_id)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
                decision: t.decision_id,
                at: t.voted_at,
                helped_by_staff: t.assisted_by.is_some(),
            })
            .collect(),
        notifications: notifications
            .into_iter()
            .map(|n| MyNotification {
                kind: n.kind.as_str().to_owned(),
                proposal: n.proposal_id,
                decision: n.decision_id,
                at: n.created_at,
                read: n.read_at.is_some(),
            })
            .collect(),
        phone_notifications: PhoneNotifications {
            devices: devices
                .into_iter()
                .map(|d| MyDevice {
                    name: d.label,
                    address: d.endpoint,
                    turned_on_at: d.created_at,
                    last_sent_at: d.last_sent_at,
                })
                .collect(),
            switched_off: muted.into_iter().map(|m| m.topic.as_str()).collect(),
        },
        text_messages: TextMessages {
            number_given_at: number.as_ref().map(|n| n.created_at),
            number: number.map(|n| n.number),
            sent: texts
                .into_iter()
                .filter_map(|t| {
                    Some(SentText {
                        notification: t.notification_id,
                        sent_at: t.sent_at?,
                    })
                })
                .collect(),
        },
    })
}

/// `GET /me/data.json`: the signed-in member's data as a file to save; a visitor is sent to sign
/// in first. Never cached: it is personal.
pub async fn download(
    axum::extract::State(state): axum::extract::State<app::server::AppState>,
    axum::Extension(visitor): axum::Extension<app::visitor::Visitor>,
) -> axum::response::Response {
    use axum::response::{IntoResponse, Redirect};

    let Some(member) = visitor.member.clone() else {
        return Redirect::to("/login?next=%2Fme").into_response();
    };
    let data = match export(&state.db, state.files.as_ref(), &member).await {
        Ok(data) => data,
        Err(error) => return failed(&error, &visitor),
    };
    match serde_json::to_string_pretty(&data) {
        Ok(json) => super::attachment::attachment(
            "application/json; charset=utf-8",
            "spolu-moje-udaje.json",
            json,
        ),
        Err(error) => {
            tracing::error!(%error, "writing a member's data as JSON failed");
            failed(&AppError::Internal, &visitor)
        }
    }
}

/// A plain page saying the download failed, with the error's status; the cause is logged where it
/// happened.
fn failed(error: &AppError, visitor: &app::visitor::Visitor) -> axum::response::Response {
    use axum::response::IntoResponse;
    let status = axum::http::StatusCode::from_u16(error.status())
        .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    (status, visitor.locale.text("me-download-failed")).into_response()
}
