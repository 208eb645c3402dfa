//! A member's devices and switches: turning phone notifications on for this browser, seeing and
//! removing devices, and choosing which news comes.
use crate::error::AppError;
use crate::server::clock::{local_day, now};
use crate::server::entities::{push_delivery, push_device, push_muted};
use crate::server::infra::web_push::{WebPush, keys_are_valid};
use crate::views::notifications::{PushDeviceView, PushSettings, PushTopic};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

/// A member keeps at most this many devices; turning on one more forgets the oldest.
const DEVICES_PER_MEMBER: usize = 10;

/// What `/me` shows: the key a browser needs, the devices, and the switches offered.
pub async fn settings(
    db: &DatabaseConnection,
    push: &WebPush,
    member: &Member,
    zone: Tz,
) -> Result<PushSettings, AppError> {
    let devices = push_device::Entity::find()
        .filter(push_device::Column::MemberId.eq(member.id))
        .order_by_asc(push_device::Column::CreatedAt)
        .order_by_asc(push_device::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| PushDeviceView {
            id: row.id,
            label: row.label,
            since: local_day(row.created_at, zone),
        })
        .collect();
    let muted = push_muted::Entity::find()
        .filter(push_muted::Column::MemberId.eq(member.id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.topic)
        .collect();
    Ok(PushSettings {
        public_key: push.public_key().to_owned(),
        devices,
        muted,
        offered: offered(member),
    })
}

/// The switches a member has: the queue only for staff.
fn offered(member: &Member) -> Vec<PushTopic> {
    let staff = member.role != crate::domain::Role::Resident;
    PushTopic::ALL
        .into_iter()
        .filter(|topic| staff || !topic.staff_only())
        .collect()
}

/// Keeps the subscription this browser made. A browser that subscribes again, or for another
/// member signing in on it, takes its row over: one device, one owner.
pub async fn subscribe(
    db: &DatabaseConnection,
    push: &WebPush,
    member: &Member,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
    label: String,
) -> Result<(), AppError> {
    let endpoint = endpoint.trim();
    let (p256dh, auth) = (
        p256dh.trim().trim_end_matches('='),
        auth.trim().trim_end_matches('='),
    );
    if endpoint.len() > 1000 || !push.accepts(endpoint) {
        return Err(AppError::field("endpoint", "error-push-service"));
    }
    if !keys_are_valid(p256dh, auth) {
        return Err(AppError::field("endpoint", "error-push-keys"));
    }
    let txn = db.begin().await?;
    push_device::Entity::insert(push_device::ActiveModel {
        member_id: Set(member.id),
        endpoint: Set(endpoint.to_owned()),
        p256dh: Set(p256dh.to_owned()),
        auth: Set(auth.to_owned()),
        label: Set(label),
        created_at: Set(now()),
        last_sent_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(push_device::Column::Endpoint)
            .update_columns([
                push_device::Column::MemberId,
                push_device::Column::P256dh,
                push_device::Column::Auth,
                push_device::Column::Label,
                push_device::Column::CreatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let mine: Vec<i32> = push_device::Entity::find()
        .filter(push_device::Column::MemberId.eq(member.id))
        .order_by_desc(push_device::Column::CreatedAt)
        .order_by_desc(push_device::Column::Id)
        .all(&txn)
        .await?
        .into_iter()
        .map(|row| row.id)
        .collect();
    for old in mine.into_iter().skip(DEVICES_PER_MEMBER) {
        remove(&txn, old).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Removes one of the member's own devices; another member's is left alone (and not found).
pub async fn forget_device(
    db: &DatabaseConnection,
    member: &Member,
    id: i32,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let found = push_device::Entity::find_by_id(id)
        .filter(push_device::Column::MemberId.eq(member.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    remove(&txn, found.id).await?;
    txn.commit().await?;
    Ok(())
}

/// A device and whatever was still on its way to it.
pub(super) async fn remove(db: &impl sea_orm::ConnectionTrait, id: i32) -> Result<(), AppError> {
    push_delivery::Entity::delete_many()
        .filter(push_delivery::Column::DeviceId.eq(id))
        .exec(db)
        .await?;
    push_device::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Stores which news the member switched off (everything else comes).
pub async fn set_muted(
    db: &DatabaseConnection,
    member: &Member,
    muted: &[PushTopic],
) -> Result<(), AppError> {
    let offered = offered(member);
    let txn = db.begin().await?;
    push_muted::Entity::delete_many()
        .filter(push_muted::Column::MemberId.eq(member.id))
        .exec(&txn)
        .await?;
    let rows: Vec<push_muted::ActiveModel> = muted
        .iter()
        .filter(|topic| offered.contains(topic))
        .map(|topic| push_muted::ActiveModel {
            member_id: Set(member.id),
            topic: Set(*topic),
        })
        .collect();
    if !rows.is_empty() {
        push_muted::Entity::insert_many(rows)
            .on_conflict_do_nothing()
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// A device's name in the member's list, from its browser's User-Agent ("Android · Chrome"):
/// enough to tell one's phone from the centre's computer, nothing more is kept.
pub fn device_label(agent: &str) -> String {
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(mark, _)| agent.contains(mark))
    .map(|(_, name)| name);
    // Order matters: Edge and Samsung's browser also say "Chrome", Chrome also says "Safari".
    let browser = [
        ("Firefox/", "Firefox"),
        ("Edg/", "Edge"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("OPR/", "Opera"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(mark, _)| agent.contains(mark))
    .map(|(_, name)| name);
    match (system, browser) {
        (Some(system), Some(browser)) => format!("{system} · {browser}"),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        // The page names it "a device" in the member's language.
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::device_label;

    #[test]
    fn a_device_is_named_by_its_system_and_browser() {
        assert_eq!(
            device_label(
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/120.0.0.0 Mobile Safari/537.36"
            ),
            "Android · Chrome"
        );
        assert_eq!(
            device_label(
                "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) \
                 SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"
            ),
            "Android · Samsung Internet"
        );
        assert_eq!(
            device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"),
            "iPhone · Safari"
        );
        assert_eq!(device_label("</textarea>"), "");
    }
}
