//! A member's bell: the list, the unread count, marking as read and opening a notification.
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{decision, notification};
use crate::views::notifications::{NotificationKind, NotificationList, NotificationView};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// How many of the member's notifications are unread (the number on the bottom bar).
pub async fn unread_count(db: &impl ConnectionTrait, member: i32) -> Result<u64, AppError> {
    Ok(notification::Entity::find()
        .filter(notification::Column::MemberId.eq(member))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// The newest notifications first; `unread` is the count the request already made for the
/// bottom bar. Three queries, whatever the number.
pub async fn list(
    db: &DatabaseConnection,
    reader: &Member,
    unread: u64,
    zone: Tz,
) -> Result<NotificationList, AppError> {
    const SHOWN: u64 = 100;
    let rows = notification::Entity::find()
        .filter(notification::Column::MemberId.eq(reader.id))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(SHOWN)
        .all(db)
        .await?;
    let proposals = crate::server::proposal_words::titles_for(
        db,
        rows.iter().filter_map(|r| r.proposal_id),
        Some(reader),
    )
    .await?;
    let decision_rows = decision::Entity::find()
        .filter(decision::Column::Id.is_in(rows.iter().filter_map(|r| r.decision_id)))
        .all(db)
        .await?;
    let decisions =
        crate::server::proposal_words::shown_titles(db, &decision_rows, Some(reader)).await?;
    let notifications = rows
        .into_iter()
        .filter_map(|row| {
            let kind = row.kind;
            let link = link_of(&row)?;
            let about = match (row.proposal_id, row.decision_id) {
                (Some(id), _) => proposals.get(&id).cloned().flatten(),
                (None, Some(id)) => decisions.get(&id).cloned().flatten(),
                (None, None) => None,
            };
            Some(NotificationView {
                id: row.id,
                kind,
                about,
                group: match (row.proposal_id, row.decision_id) {
                    (Some(proposal), _) => format!("proposal-{proposal}"),
                    (None, decision) => format!("decision-{}", decision.unwrap_or_default()),
                },
                link,
                detail: row.detail,
                at: crate::server::clock::to_local(row.created_at, zone),
                read: row.read_at.is_some(),
            })
        })
        .collect();
    Ok(NotificationList {
        notifications,
        unread,
    })
}

/// Marks one notification (`Some(id)`) or all of them as read; only the member's own.
pub async fn mark_read(
    db: &DatabaseConnection,
    member: i32,
    id: Option<i32>,
) -> Result<(), AppError> {
    let mut query = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now()))
        .filter(notification::Column::MemberId.eq(member))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        // The list shows a proposal's (or a decision's) notifications as one group; reading
        // one reads them all.
        let Some(row) = notification::Entity::find_by_id(id)
            .filter(notification::Column::MemberId.eq(member))
            .one(db)
            .await?
        else {
            return Ok(());
        };
        query = match (row.proposal_id, row.decision_id) {
            (Some(proposal), _) => query.filter(notification::Column::ProposalId.eq(proposal)),
            (None, Some(decision)) => query.filter(notification::Column::DecisionId.eq(decision)),
            (None, None) => query.filter(notification::Column::Id.eq(id)),
        };
    }
    query.exec(db).await?;
    Ok(())
}

/// `GET /notifications/{id}/open`: the link of each notification. Opening it marks it read and
/// goes on to what it is about, so the number on the bottom bar means "not seen yet". Only the
/// member's own notifications; anything else lands on the list.
pub async fn open(
    axum::extract::State(state): axum::extract::State<crate::server::AppState>,
    axum::Extension(visitor): axum::Extension<crate::visitor::Visitor>,
    axum::extract::Path(id): axum::extract::Path<i32>,
) -> axum::response::Response {
    use axum::response::{IntoResponse, Redirect};
    let Some(member) = visitor.member.clone() else {
        return Redirect::to("/login?next=%2Fnotifications").into_response();
    };
    let found = notification::Entity::find_by_id(id)
        .filter(notification::Column::MemberId.eq(member.id))
        .one(&state.db)
        .await;
    let row = match found {
        Ok(Some(row)) => row,
        Ok(None) => return Redirect::to("/notifications").into_response(),
        Err(error) => return not_now(&AppError::from(error), &visitor),
    };
    if let Err(error) = mark_read(&state.db, member.id, Some(id)).await {
        // Going on matters more than the mark; the list still offers "Mark as read".
        tracing::warn!(?error, "marking an opened notification read failed");
    }
    let link = link_of(&row).unwrap_or_else(|| "/notifications".to_owned());
    Redirect::to(&link).into_response()
}

/// Where a notification leads: a decision's news to the decision (where one votes and sees the
/// result), staff's "waiting" to the moderation queue, anything else to its proposal.
fn link_of(row: &notification::Model) -> Option<String> {
    let about_a_decision = matches!(
        row.kind,
        NotificationKind::DecisionOpened
            | NotificationKind::DecisionClosing
            | NotificationKind::DecisionClosed
    );
    if row.kind == NotificationKind::Waiting {
        return Some("/staff".to_owned());
    }
    match (row.proposal_id, row.decision_id) {
        (_, Some(decision)) if about_a_decision => Some(format!("/decisions/{decision}")),
        (Some(proposal), _) => Some(format!("/proposals/{proposal}")),
        (None, Some(decision)) => Some(format!("/decisions/{decision}")),
        (None, None) => None,
    }
}

/// A plain answer for a link that could not be followed just now.
fn not_now(error: &AppError, visitor: &crate::visitor::Visitor) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = visitor
        .locale
        .text(error.form_message().unwrap_or("error-internal"));
    (
        status,
        [
            (header::RETRY_AFTER, "10"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        message,
    )
        .into_response()
}
