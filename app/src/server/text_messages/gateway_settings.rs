//! The admin's gateway and monthly cap, kept as site settings (so every instance uses the same).
use crate::error::{AppError, FieldErrors};
use crate::server::entities::{site_setting, sms_month};
use crate::server::infra::site_settings::store;
use crate::server::infra::text_gateway::{GatewaySettings, TextChannel};
use crate::server::staff_log::log_setting;
use crate::views::text_messages::GatewayView;
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use std::collections::HashMap;

const URL: &str = "sms_gateway_url";
const USERNAME: &str = "sms_gateway_username";
const PASSWORD: &str = "sms_gateway_password";
const BODY: &str = "sms_gateway_body";
const MONTHLY_CAP: &str = "sms_monthly_cap";
/// Until the admin chooses: enough for an estate's important news, not a bill that surprises.
const DEFAULT_CAP: u32 = 200;

/// The gateway and the cap, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSettings {
    pub gateway: GatewaySettings,
    pub monthly_cap: u32,
}

pub async fn load(db: &DatabaseConnection) -> Result<TextSettings, AppError> {
    let stored: HashMap<String, String> = site_setting::Entity::find()
        .filter(site_setting::Column::Key.is_in([URL, USERNAME, PASSWORD, BODY, MONTHLY_CAP]))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.key, row.value))
        .collect();
    let get = |key: &str| stored.get(key).cloned().unwrap_or_default();
    Ok(TextSettings {
        gateway: GatewaySettings {
            url: get(URL),
            username: get(USERNAME),
            password: get(PASSWORD),
            body: stored
                .get(BODY)
                .cloned()
                .unwrap_or_else(|| GatewaySettings::DEFAULT_BODY.to_owned()),
        },
        monthly_cap: stored
            .get(MONTHLY_CAP)
            .and_then(|cap| cap.parse().ok())
            .unwrap_or(DEFAULT_CAP),
    })
}

/// Whether this site sends text messages: a gateway is set up (or the development outbox).
pub async fn offered(db: &DatabaseConnection, channel: &TextChannel) -> Result<bool, AppError> {
    Ok(channel.gateway(&load(db).await?.gateway).is_some())
}

/// What `/admin` shows: everything but the password, and how many went out this month.
pub async fn gateway_view(db: &DatabaseConnection, zone: Tz) -> Result<GatewayView, AppError> {
    let settings = load(db).await?;
    let sent = sms_month::Entity::find_by_id(super::queue::month_of(zone))
        .one(db)
        .await?
        .map_or(0, |row| row.sent);
    Ok(GatewayView {
        url: settings.gateway.url,
        username: settings.gateway.username,
        password_set: !settings.gateway.password.is_empty(),
        body: settings.gateway.body,
        monthly_cap: settings.monthly_cap,
        sent_this_month: u32::try_from(sent).unwrap_or(0),
    })
}

/// What the admin's form sends, as typed. An empty password keeps the one stored.
pub struct GatewayForm<'a> {
    pub url: &'a str,
    pub username: &'a str,
    pub password: &'a str,
    pub body: &'a str,
    pub monthly_cap: &'a str,
}

/// Checks every field at once, then stores them and a log row in one transaction. An empty
/// address turns text messages off.
pub async fn save(
    db: &DatabaseConnection,
    admin: &Member,
    form: &GatewayForm<'_>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    let url = form.url.trim();
    if !url.is_empty() && (url.len() > 500 || !GatewaySettings::url_is_valid(url)) {
        errors.add("url", "error-sms-url");
    }
    let body = form.body.trim();
    if body.chars().count() > GatewayView::BODY_MAX
        || !body.contains("{number}")
        || !body.contains("{text}")
    {
        errors.add("body", "error-sms-body");
    }
    let cap = form
        .monthly_cap
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|cap| *cap <= GatewayView::CAP_MAX);
    if cap.is_none() {
        errors.add("monthly_cap", "error-sms-cap");
    }
    if form.username.len() > 200 || form.password.len() > 200 {
        errors.add("username", "error-sms-credentials");
    }
    errors.finish()?;
    let mut rows = vec![
        (URL, url.to_owned()),
        (USERNAME, form.username.trim().to_owned()),
        (BODY, body.to_owned()),
        (MONTHLY_CAP, cap.unwrap_or(DEFAULT_CAP).to_string()),
    ];
    if !form.password.is_empty() {
        rows.push((PASSWORD, form.password.to_owned()));
    }
    let txn = db.begin().await?;
    store(
        &txn,
        rows.into_iter().map(|(key, value)| (key.to_owned(), value)),
    )
    .await?;
    log_setting(&txn, admin, "sms").await?;
    txn.commit().await?;
    Ok(())
}
