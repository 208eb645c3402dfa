//! Start-up: folders, database, migrations, and the listening socket.
use crate::config::{Config, InviteRole, PhotoStore};
use app::domain::Role;
use app::i18n::Locale;
use app::server::infra::file_store::{DatabaseFiles, FileStore, LocalFolder};
use app::server::infra::speech::Speech;
use app::server::infra::state::AppStateInner;
use app::server::infra::text_gateway::TextChannel;
use app::server::infra::web_push::{PushService, WebPush};
use app::server::invites::{self, DEFAULT_VALIDITY, InviteBatch};
use app::server::{AppState, PostingLimits, Settings, demo, infra::database};
use leptos::config::LeptosOptions;
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data folder {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("the folder {0} does not take a 1 MB file, so Spolu could not store anything: {1}")]
    NotWritable(String, std::io::Error),
    #[error("cannot open the database: {0}{hint}", hint = storage_hint(.0))]
    Database(sea_orm::DbErr),
    #[error("the database migrations failed: {0}{hint}", hint = storage_hint(.0))]
    Migrations(sea_orm::DbErr),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
    #[error("unknown default language {0:?}")]
    Language(String),
    #[error("could not prepare the database: {}", setup_cause(.0))]
    Setup(app::error::AppError),
}

/// What an operator should look at when the database refuses to store anything.
fn storage_hint(error: &sea_orm::DbErr) -> &'static str {
    if database::is_storage_failure(error) {
        " (the database cannot store anything: is the disk full, the data folder read-only, or \
         another program holding the database?)"
    } else {
        ""
    }
}

fn setup_cause(error: &app::error::AppError) -> &'static str {
    match error {
        app::error::AppError::NotSaved => {
            "the database cannot store anything (is the disk full, the data folder read-only, or \
             another program holding the database?); the log above names the cause"
        }
        _ => "the log above names the cause",
    }
}

/// A server that is ready: migrated database, bound socket.
pub struct Application {
    pub state: AppState,
    listener: TcpListener,
    address: SocketAddr,
    public_url: String,
    slow_client: std::time::Duration,
    metrics: Option<TcpListener>,
}

impl Application {
    pub async fn build(config: &Config) -> Result<Self, StartError> {
        let mut db = open_database(config).await?;
        let statements = database::count_statements(&mut db);
        let listener = TcpListener::bind(config.bind)
            .await
            .map_err(|e| StartError::Bind(config.bind, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| StartError::Bind(config.bind, e))?;
        let public_url = config.public_url(address);
        let metrics = match config.metrics_bind {
            Some(bind) => Some(
                TcpListener::bind(bind)
                    .await
                    .map_err(|e| StartError::Bind(bind, e))?,
            ),
            None => None,
        };
        let default_locale = Locale::parse(&config.default_language)
            .ok_or_else(|| StartError::Language(config.default_language.clone()))?;
        let bundle = read_bundle(&config.site_dir);
        let leptos_options = LeptosOptions::builder()
            .output_name(bundle.output)
            .site_root(config.site_dir.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .build();
        let settings = Settings {
            secure_cookies: config
                .secure_cookies
                .unwrap_or_else(|| public_url.starts_with("https://")),
            public_url: public_url.clone(),
            default_locale,
            stylesheet_href: format!("/pkg/{}", bundle.css),
            script_href: format!("/pkg/{}", bundle.script),
            site_is_public: true,
            estate_name: config.estate_name.clone(),
            time_zone: config.time_zone,
            pre_moderation: config.pre_moderation,
            trusted_proxies: config.trusted_proxies.clone(),
            limits: PostingLimits {
                proposals_per_day: config.proposals_per_day,
                comments_per_hour: config.comments_per_hour,
            },
        };
        let push = WebPush::start(
            &db,
            config
                .push_contact
                .clone()
                .unwrap_or_else(|| public_url.clone()),
            if config.push_services.is_empty() {
                PushService::known()
            } else {
                config.push_services.clone()
            },
            config.quiet_hours,
        )
        .await
        .map_err(StartError::Setup)?;
        let texts = TextChannel::new(config.sms_outbox.clone(), config.quiet_hours)
            .map_err(StartError::Setup)?;
        let state = AppState::new(AppStateInner {
            push: Arc::new(push),
            texts: Arc::new(texts),
            files: photo_store(config, &db).await?,
            db,
            settings: Arc::new(settings),
            site: Arc::default(),
            catalog: Arc::default(),
            held_words: Arc::default(),
            pages: Arc::default(),
            version_reads: Arc::default(),
            statements,
            speech: Arc::new(Speech::start(config.data_dir.join("speech")).await),
            leptos_options,
        });
        Ok(Self {
            state,
            listener,
            address,
            public_url,
            slow_client: std::time::Duration::from_secs(config.slow_client_seconds),
            metrics,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Where `/metrics` is served, when `--metrics-bind` asked for it.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
    pub async fn run(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    pub async fn run_until(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        tokio::spawn(decision_clock(self.state.db.clone()));
        tokio::spawn(push_clock(self.state.clone()));
        tokio::spawn(notification_clock(self.state.db.clone()));
        if let Some(listener) = self.metrics {
            let metrics = crate::metrics::router(self.state.clone());
            tokio::spawn(async move {
                if let Err(error) = axum::serve(listener, metrics).await {
                    tracing::error!(%error, "the metrics listener stopped");
                }
            });
        }
        let router = crate::routes::router(self.state).layer(
            tower_http::timeout::RequestBodyTimeoutLayer::new(self.slow_client),
        );
        crate::serve::serve(self.listener, router, self.slow_client, stop).await
    }
}

/// The photo store the configuration chose. Switching to the database takes in the photos of
/// the folder; staying with a folder on PostgreSQL is fine for one instance, and said plainly.
async fn photo_store(
    config: &Config,
    db: &DatabaseConnection,
) -> Result<Arc<dyn FileStore>, StartError> {
    match config.photo_store {
        PhotoStore::Folder => {
            if !config.database_url().starts_with("sqlite") {
                tracing::info!(
                    dir = %config.uploads_dir().display(),
                    "photos are kept in this machine's folder; instances on other machines need \
                     --photo-store database"
                );
            }
            Ok(Arc::new(LocalFolder::new(config.uploads_dir())))
        }
        PhotoStore::Database => {
            let store = DatabaseFiles::new(db.clone());
            let imported = store
                .import_folder(&config.uploads_dir())
                .await
                .map_err(StartError::Setup)?;
            if imported > 0 {
                tracing::info!(
                    imported,
                    "photos from the uploads folder are now in the database"
                );
            }
            Ok(Arc::new(store))
        }
    }
}

/// Opens and closes decisions on time, whether or not anyone visits (every instance may run it;
/// each step is guarded in the database).
async fn decision_clock(db: DatabaseConnection) {
    let mut every_second = tokio::time::interval(std::time::Duration::from_secs(1));
    every_second.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every_second.tick().await;
        if let Err(error) = app::server::decisions::run_due(&db).await {
            tracing::warn!(
                ?error,
                "the decision clock failed; trying again in a second"
            );
        }
    }
}

/// Hands out news queued for many people (a decision opening to every member) as soon as this
/// instance queues some, and every two seconds what other instances queued (each event is
/// claimed in the database by one).
async fn notification_clock(db: DatabaseConnection) {
    loop {
        if let Err(error) = app::server::notifications::fan_out_due(&db).await {
            tracing::warn!(?error, "handing out notifications failed; trying again");
        }
        app::server::notifications::wait_for_queued(std::time::Duration::from_secs(2)).await;
    }
}

/// Delivers queued phone notifications and text messages every two seconds (every instance may
/// run it; each message is claimed in the database by one).
async fn push_clock(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(2));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let delivered = app::server::push::deliver_due(
            &state.db,
            &state.push,
            state.settings.time_zone,
            &state.settings.default_locale,
        )
        .await;
        if let Err(error) = delivered {
            tracing::warn!(
                ?error,
                "delivering phone notifications failed; trying again"
            );
        }
        let texted = app::server::text_messages::deliver_due(
            &state.db,
            &state.texts,
            state.settings.time_zone,
            &state.settings.default_locale,
        )
        .await;
        if let Err(error) = texted {
            tracing::warn!(?error, "sending text messages failed; trying again");
        }
    }
}

/// Opens the database, creating the SQLite folder if needed, and applies every migration.
/// A failed migration stops start-up: serving an old schema would corrupt data.
pub async fn open_database(config: &Config) -> Result<DatabaseConnection, StartError> {
    for dir in [config.data_dir.clone(), config.uploads_dir()] {
        std::fs::create_dir_all(&dir)
            .map_err(|e| StartError::DataDir(dir.display().to_string(), e))?;
        takes_a_file(&dir).map_err(|e| StartError::NotWritable(dir.display().to_string(), e))?;
    }
    let db = database::connect(&config.database_url(), config.database_connections)
        .await
        .map_err(StartError::Database)?;
    Migrator::up(&db, None)
        .await
        .map_err(StartError::Migrations)?;
    Ok(db)
}

/// Seeds the demo when asked, gives a new estate the default categories, and prints the
/// first-admin line on a database without an admin.
pub async fn prepare(app: &Application, with_demo: bool) -> Result<(), StartError> {
    let db = &app.state.db;
    if with_demo {
        let added = demo::seed(db, app.state.files.as_ref())
            .await
            .map_err(StartError::Setup)?;
        println!(
            "Demo estate ready ({} accounts, {} categories, {} places, {} proposals, {} decisions, \
             {} outcomes added): dana, cyril, boris, eva, anna, filip; password `{}`.",
            added.accounts,
            added.categories,
            added.places,
            added.proposals,
            added.decisions,
            added.outcomes,
            demo::PASSWORD
        );
    }
    // A new estate starts with the default categories, "Other" among them: a proposal whose
    // author chose none goes there. Staff change them on /admin/categories; an estate that has
    // any is left as it is.
    if !app::server::catalog::categories::any_exist(db)
        .await
        .map_err(StartError::Setup)?
    {
        app::server::catalog::categories::add_missing_defaults(db)
            .await
            .map_err(StartError::Setup)?;
    }
    if let Some(code) = invites::setup_code(db).await.map_err(StartError::Setup)? {
        // Printed, not logged: it is for the person starting Spolu, and logs are kept.
        println!(
            "No admin yet. Open {}/join?code={code} to become the first admin (setup code {code}).",
            app.public_url()
        );
    }
    Ok(())
}

/// `spolu invite`: prints new codes, one per line.
pub async fn print_invites(
    config: &Config,
    role: InviteRole,
    count: u32,
) -> Result<(), StartError> {
    let db = open_database(config).await?;
    let (role, core) = match role {
        InviteRole::Resident => (Role::Resident, false),
        InviteRole::Core => (Role::Resident, true),
        InviteRole::Staff => (Role::Staff, false),
        InviteRole::Admin => (Role::Admin, false),
    };
    let batch = InviteBatch {
        role,
        core,
        count,
        created_by: None,
        valid_for: DEFAULT_VALIDITY,
        note: Some("command line".into()),
        reset_for: None,
    };
    for code in invites::create(&db, &batch)
        .await
        .map_err(StartError::Setup)?
    {
        println!("{code}");
    }
    Ok(())
}

/// Writes, syncs and removes a 1 MB file in `dir`: a full disk or a read-only folder is named
/// at start-up (e.g. "No space left on device"), not found later as failed writes.
fn takes_a_file(dir: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let probe = dir.join(".spolu-start");
    let written = std::fs::File::create(&probe).and_then(|mut file| {
        file.write_all(&vec![0; 1 << 20])?;
        file.sync_all()
    });
    let removed = std::fs::remove_file(&probe);
    written.and(removed)
}

struct Bundle {
    output: String,
    css: String,
    script: String,
}

/// The hashed file names written by `cargo run -p frontend --bin tasks -- bundle [--release]`
/// (which `cargo spolu` runs). Without a bundle the
/// pages still work (server HTML), only unstyled and without islands.
fn read_bundle(site_dir: &Path) -> Bundle {
    let mut bundle = Bundle {
        output: "spolu".into(),
        css: "spolu.css".into(),
        script: "enhance.js".into(),
    };
    match std::fs::read_to_string(site_dir.join("bundle.txt")) {
        Ok(text) => {
            for line in text.lines() {
                match line.split_once(':') {
                    Some(("output", name)) => bundle.output = name.trim().into(),
                    Some(("css", name)) => bundle.css = name.trim().into(),
                    Some(("script", name)) => bundle.script = name.trim().into(),
                    _ => {}
                }
            }
        }
        Err(_) => tracing::warn!(
            site_dir = %site_dir.display(),
            "no browser bundle found; run `cargo spolu` (or `cargo run -p frontend --bin tasks -- bundle --release`) first"
        ),
    }
    bundle
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
