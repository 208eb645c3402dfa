//! Storing and reading the settings admins change at run time (see `crate::views::site`), as rows of
//! `site_settings`; a missing row means the start-up default.
use crate::domain::Eligibility;
use crate::error::{AppError, FieldErrors};
use crate::server::entities::site_setting;
use crate::server::infra::data_version::{DataVersion, Kept};
use crate::server::infra::state::{PostingLimits, Settings};
use crate::server::staff_log::log_setting;
use crate::views::site::Site;
use crate::visitor::Member;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use std::collections::HashMap;

const SITE_NAME: &str = "site_name";
const ESTATE_NAME: &str = "estate_name";
/// The name the site has until an admin renames it.
pub const DEFAULT_SITE_NAME: &str = "Spolu";
const PUBLIC_READING: &str = "public_reading";
const PRE_MODERATION: &str = "pre_moderation";
const DEFAULT_ELIGIBILITY: &str = "default_eligibility";
const PROPOSALS_PER_DAY: &str = "proposals_per_day";
const COMMENTS_PER_HOUR: &str = "comments_per_hour";

/// The settings as this instance read them last, kept until the data version moves (an admin's
/// change shows on every instance with the next request).
#[derive(Debug, Default)]
pub struct SiteCache(Kept<Site>);

impl SiteCache {
    /// The settings under `version`: from memory, or read (one query).
    pub async fn current(
        &self,
        db: &DatabaseConnection,
        settings: &Settings,
        version: Option<DataVersion>,
    ) -> Result<Site, AppError> {
        self.0
            .get_or_load(version, async || load(db, settings).await)
            .await
    }
}

/// The start-up settings, before any admin changed them.
pub fn defaults(settings: &Settings) -> Site {
    Site {
        site_name: DEFAULT_SITE_NAME.to_owned(),
        estate_name: settings.estate_name.clone(),
        public_reading: settings.site_is_public,
        pre_moderation: settings.pre_moderation,
        default_eligibility: Eligibility::CoreGroup,
        proposals_per_day: settings.limits.proposals_per_day,
        comments_per_hour: settings.limits.comments_per_hour,
    }
}

/// The settings now: stored values over the defaults (one query).
pub async fn load(db: &DatabaseConnection, settings: &Settings) -> Result<Site, AppError> {
    let stored: HashMap<String, String> = site_setting::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.key, row.value))
        .collect();
    let mut site = defaults(settings);
    let get = |key: &str| stored.get(key).map(String::as_str);
    if let Some(name) = get(SITE_NAME) {
        site.site_name = name.to_owned();
    }
    if let Some(name) = get(ESTATE_NAME) {
        site.estate_name = name.to_owned();
    }
    if let Some(value) = get(PUBLIC_READING) {
        site.public_reading = value == "true";
    }
    if let Some(value) = get(PRE_MODERATION) {
        site.pre_moderation = value == "true";
    }
    if let Some(value) = get(DEFAULT_ELIGIBILITY).and_then(Eligibility::parse) {
        site.default_eligibility = value;
    }
    if let Some(value) = get(PROPOSALS_PER_DAY).and_then(|v| v.parse().ok()) {
        site.proposals_per_day = value;
    }
    if let Some(value) = get(COMMENTS_PER_HOUR).and_then(|v| v.parse().ok()) {
        site.comments_per_hour = value;
    }
    Ok(site)
}

/// What the admin form sends, as typed.
pub struct SiteForm<'a> {
    pub site_name: &'a str,
    pub estate_name: &'a str,
    pub public_reading: bool,
    pub pre_moderation: bool,
    pub default_eligibility: &'a str,
    pub proposals_per_day: &'a str,
    pub comments_per_hour: &'a str,
}

/// Checks every field at once.
pub fn check(form: &SiteForm<'_>) -> Result<Site, AppError> {
    let mut errors = FieldErrors::default();
    let tidy = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let fits = |name: &str| !name.is_empty() && name.chars().count() <= Site::NAME_MAX;
    let site_name = tidy(form.site_name);
    if !fits(&site_name) {
        errors.add("site_name", "error-site-name");
    }
    let name = tidy(form.estate_name);
    if !fits(&name) {
        errors.add("estate_name", "error-estate-name");
    }
    let eligibility = Eligibility::parse(form.default_eligibility);
    if eligibility.is_none() {
        errors.add("default_eligibility", "error-eligibility");
    }
    let number = |text: &str, range: std::ops::RangeInclusive<u64>| {
        text.trim()
            .parse::<u64>()
            .ok()
            .filter(|n| range.contains(n))
    };
    let proposals = number(form.proposals_per_day, Site::PROPOSALS_PER_DAY);
    if proposals.is_none() {
        errors.add("proposals_per_day", "error-proposals-per-day");
    }
    let comments = number(form.comments_per_hour, Site::COMMENTS_PER_HOUR);
    if comments.is_none() {
        errors.add("comments_per_hour", "error-comments-per-hour");
    }
    errors.finish()?;
    match (eligibility, proposals, comments) {
        (Some(default_eligibility), Some(proposals_per_day), Some(comments_per_hour)) => Ok(Site {
            site_name,
            estate_name: name,
            public_reading: form.public_reading,
            pre_moderation: form.pre_moderation,
            default_eligibility,
            proposals_per_day,
            comments_per_hour,
        }),
        // Each missing value noted its message above.
        _ => Err(AppError::Internal),
    }
}

/// Stores every setting and one log row, in one transaction.
pub async fn save(db: &DatabaseConnection, admin: &Member, site: &Site) -> Result<(), AppError> {
    let rows = [
        (SITE_NAME, site.site_name.clone()),
        (ESTATE_NAME, site.estate_name.clone()),
        (PUBLIC_READING, site.public_reading.to_string()),
        (PRE_MODERATION, site.pre_moderation.to_string()),
        (
            DEFAULT_ELIGIBILITY,
            site.default_eligibility.as_str().to_owned(),
        ),
        (PROPOSALS_PER_DAY, site.proposals_per_day.to_string()),
        (COMMENTS_PER_HOUR, site.comments_per_hour.to_string()),
    ];
    let txn = db.begin().await?;
    store(&txn, rows.map(|(key, value)| (key.to_owned(), value))).await?;
    log_setting(&txn, admin, "site").await?;
    txn.commit().await?;
    Ok(())
}

impl Site {
    pub fn limits(&self) -> PostingLimits {
        PostingLimits {
            proposals_per_day: self.proposals_per_day,
            comments_per_hour: self.comments_per_hour,
        }
    }
}

/// Writes settings by key, replacing what was there.
pub(crate) async fn store(
    txn: &impl ConnectionTrait,
    rows: impl IntoIterator<Item = (String, String)>,
) -> Result<(), AppError> {
    site_setting::Entity::insert_many(rows.into_iter().map(|(key, value)| {
        site_setting::ActiveModel {
            key: Set(key),
            value: Set(value),
        }
    }))
    .on_conflict(
        OnConflict::column(site_setting::Column::Key)
            .update_column(site_setting::Column::Value)
            .to_owned(),
    )
    .exec(txn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(
        name: &'a str,
        eligibility: &'a str,
        per_day: &'a str,
        per_hour: &'a str,
    ) -> SiteForm<'a> {
        SiteForm {
            site_name: name,
            estate_name: name,
            public_reading: false,
            pre_moderation: true,
            default_eligibility: eligibility,
            proposals_per_day: per_day,
            comments_per_hour: per_hour,
        }
    }

    #[test]
    fn good_settings_are_tidied_and_kept() {
        let site = check(&form("  Janov   sever ", "members", "3", "20")).expect("valid");
        assert_eq!(site.estate_name, "Janov sever");
        assert_eq!(site.site_name, "Janov sever");
        assert_eq!(site.default_eligibility, Eligibility::AllMembers);
        assert!(!site.public_reading && site.pre_moderation);
        assert_eq!((site.proposals_per_day, site.comments_per_hour), (3, 20));
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let error = check(&form(" ", "everyone", "0", "501")).expect_err("invalid");
        let fields: Vec<&str> = error
            .field_errors()
            .iter()
            .map(|e| e.field.as_str())
            .collect();
        assert_eq!(
            fields,
            [
                "site_name",
                "estate_name",
                "default_eligibility",
                "proposals_per_day",
                "comments_per_hour"
            ]
        );
    }
}
