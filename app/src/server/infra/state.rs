//! The state every request shares: the database pool and the settings.
use crate::i18n::Locale;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Settings the app needs at request time; the server builds them from its configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people reach Spolu at, e.g. `https://spolu.example.cz`; used in join links.
    pub public_url: String,
    /// Mark cookies `Secure` (when the public URL is https).
    pub secure_cookies: bool,
    pub default_locale: Locale,
    /// URL of the hashed stylesheet, e.g. `/pkg/spolu.0123abcd.css`.
    pub stylesheet_href: String,
    /// URL of the hashed page helpers (`frontend/enhance.js`), e.g. `/pkg/enhance.0123abcd.js`.
    pub script_href: String,
    /// Whether visitors who are not signed in may read (DESIGN.md: public by default).
    pub site_is_public: bool,
    /// The estate's name in the header.
    pub estate_name: String,
    /// Decision times are entered and shown in this zone (Europe/Prague by default).
    pub time_zone: chrono_tz::Tz,
    pub limits: PostingLimits,
    /// New proposals wait for staff approval before others see them (DESIGN.md; off by default).
    pub pre_moderation: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (see `client_address`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// How much one account may post, against floods (DESIGN.md: posting is rate-limited per account).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostingLimits {
    pub proposals_per_day: u64,
    pub comments_per_hour: u64,
}

impl Default for PostingLimits {
    fn default() -> Self {
        Self {
            proposals_per_day: 5,
            comments_per_hour: 30,
        }
    }
}

/// The state every request shares, behind one pointer. A request clones it many times (each
/// layer's `State`, each `use_context`): one counter to raise is cheap, where a field-by-field
/// copy raised fourteen counters that both cores fight over — a sixth of a kept page's cost in
/// the issue 19 profile.
#[derive(Clone)]
pub struct AppState(Arc<AppStateInner>);

impl AppState {
    pub fn new(inner: AppStateInner) -> Self {
        Self(Arc::new(inner))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppStateInner;

    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

/// What [`AppState`] holds.
pub struct AppStateInner {
    pub db: DatabaseConnection,
    /// Uploaded photos (see `file_store`).
    pub files: Arc<dyn crate::server::infra::file_store::FileStore>,
    pub settings: Arc<Settings>,
    /// The settings admins change, as this instance read them last.
    pub site: Arc<crate::server::infra::site_settings::SiteCache>,
    /// The categories and places, as this instance read them last (see `catalog::reads`).
    pub catalog: Arc<crate::server::infra::data_version::Kept<Arc<CatalogRows>>>,
    /// The staff's word list as stored, as this instance read it last (see `catalog::word_list`;
    /// kept as text: it is never a `Site` setting, which pages may carry to the browser).
    pub held_words: Arc<crate::server::infra::data_version::Kept<Option<String>>>,
    /// Visitors' reads of the data version, shared under load (see `data_version`).
    pub version_reads: Arc<crate::server::infra::data_version::SharedReads>,
    /// Visitors' finished pages (see `page_cache`).
    pub pages: Arc<crate::server::infra::page_cache::PageCache>,
    /// Statements sent to the database since start (see `database::count_statements`).
    pub statements: Arc<std::sync::atomic::AtomicU64>,
    /// Texts read aloud (see `speech`).
    pub speech: Arc<crate::server::infra::speech::Speech>,
    /// Phone notifications: the site's key and the push services (see `web_push`).
    pub push: Arc<crate::server::infra::web_push::WebPush>,
    /// Text messages: the admin's gateway or the development outbox (see `text_gateway`).
    pub texts: Arc<crate::server::infra::text_gateway::TextChannel>,
    pub leptos_options: LeptosOptions,
}

/// Every category with its names, and every place, as stored: a few dozen rows.
#[derive(Debug, Clone, Default)]
pub struct CatalogRows {
    /// In their order (`position`).
    pub categories: Vec<crate::server::entities::category::Model>,
    pub names: Vec<crate::server::entities::category_name::Model>,
    /// In their order (`position`).
    pub places: Vec<crate::server::entities::place::Model>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
