//! The test harness: `spawn_app()` starts the real server on port 0 with a fresh database made by
//! the real migrations — SQLite always, PostgreSQL too when `SPOLU_TEST_POSTGRES_URL` is set —
//! and `Browser` talks to it over HTTP like a phone would, cookies and all.
// Test code: a failed expectation should stop the test loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod browser;
mod databases;
mod push_service;
mod sms_gateway;

pub use browser::Browser;
pub use databases::{TestDatabase, test_databases};
pub use push_service::{FakePushService, Received, TestDevice};
pub use sms_gateway::{FakeSmsGateway, Texted};

use app::domain::{
    DecisionRule, DisplayName, Eligibility, InviteCode, Password, ProposalBody, ProposalId,
    ProposalTitle, Role, Username, VotingWindow,
};
use app::server::accounts::members::{self, NewMember};
use app::server::infra::passwords;
use app::server::invites::{self, DEFAULT_VALIDITY, InviteBatch};
use sea_orm::DatabaseConnection;
use server::{Application, Config};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct TestApp {
    pub base_url: String,
    /// Where `/metrics` is served, when the test asked for `metrics_bind`.
    pub metrics_url: Option<String>,
    pub db: DatabaseConnection,
    /// The server's store of uploaded photos.
    pub files: std::sync::Arc<dyn app::server::infra::file_store::FileStore>,
    pub database: TestDatabase,
    /// Statements the in-process server sent to the database (see `statements_for`).
    pub statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    server: Option<Server>,
    data_dir: PathBuf,
    config: Config,
}

/// Where the server under test runs: in this process (most tests), or as the real program in a
/// process of its own, for what only a process can have (a file-size limit, a `kill -9`).
enum Server {
    InProcess(tokio::sync::oneshot::Sender<()>),
    Process(std::process::Child),
}

impl Server {
    fn stop(self) {
        match self {
            Server::InProcess(stop) => {
                let _ = stop.send(());
            }
            Server::Process(mut child) => {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// A member made directly in the database, with the password to sign in.
#[derive(Debug, Clone)]
pub struct TestMember {
    pub id: i32,
    pub username: String,
    pub password: String,
    pub role: Role,
    pub core: bool,
}

impl TestMember {
    /// The member as the app's services see them.
    pub fn as_member(&self) -> app::visitor::Member {
        app::visitor::Member {
            id: self.id,
            username: self.username.clone(),
            display_name: self.username.clone(),
            role: self.role,
            core: self.core,
            suspended: false,
        }
    }
}

static NEXT_MEMBER: AtomicU32 = AtomicU32::new(1);

pub async fn spawn_app(database: &TestDatabase) -> TestApp {
    spawn_app_with(database, |_| {}).await
}

/// `spawn_app` with settings changed first, e.g. `|c| c.pre_moderation = true`.
pub async fn spawn_app_with(database: &TestDatabase, change: impl FnOnce(&mut Config)) -> TestApp {
    let database = database.fresh().await;
    let data_dir = std::env::temp_dir().join(format!("spolu-test-{}", random_suffix()));
    let mut config = Config::defaults();
    config.bind = "127.0.0.1:0".parse().expect("address");
    config.data_dir = data_dir.clone();
    config.database_url = Some(database.url());
    change(&mut config);
    let running = Running::start(&config).await;
    TestApp {
        base_url: running.base_url,
        metrics_url: running.metrics_url,
        db: running.db,
        files: running.files,
        statements: running.statements,
        database,
        server: Some(Server::InProcess(running.stop)),
        data_dir,
        config,
    }
}

/// A server started from `config`, with what the tests reach into.
struct Running {
    base_url: String,
    metrics_url: Option<String>,
    db: DatabaseConnection,
    files: std::sync::Arc<dyn app::server::infra::file_store::FileStore>,
    statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    stop: tokio::sync::oneshot::Sender<()>,
}

impl Running {
    async fn start(config: &Config) -> Self {
        let app = Application::build(config).await.expect("the server starts");
        let base_url = format!("http://{}", app.address());
        let metrics_url = app.metrics_address().map(|a| format!("http://{a}/metrics"));
        let db = app.state.db.clone();
        let files = app.state.files.clone();
        let statements = app.state.statements.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async {
            let _ = stopped.await;
        }));
        Self {
            base_url,
            metrics_url,
            db,
            files,
            statements,
            stop,
        }
    }
}

impl TestApp {
    /// Stops the server, closes its database connections, and starts it again on the same
    /// database and data folder with `change` applied to its settings (as an operator would after
    /// a crash or an upgrade). Browsers must be made anew: the address changes.
    pub async fn restart(&mut self, change: impl FnOnce(&mut Config)) {
        self.stop_server().await;
        change(&mut self.config);
        self.start_server().await;
    }

    /// Starts the server (in this process) after `stop_server`.
    pub async fn start_server(&mut self) {
        let running = Running::start(&self.config).await;
        self.base_url = running.base_url;
        self.metrics_url = running.metrics_url;
        self.db = running.db;
        self.files = running.files;
        self.statements = running.statements;
        self.server = Some(Server::InProcess(running.stop));
    }

    /// Stops the server and starts the real `spolu` program (`program`: the test's
    /// `env!("CARGO_BIN_EXE_spolu-under-test")`, known only to test targets) on the same database and data folder
    /// with `args` added, its files limited to `file_size_limit` bytes when given (writing past
    /// it fails the way a full disk does). `db` becomes the test's own connection. The program's
    /// log is `server.log` in the data folder.
    pub async fn restart_as_process(
        &mut self,
        program: &str,
        file_size_limit: Option<u64>,
        args: &[&str],
    ) {
        self.stop_server().await;
        let mut command = match file_size_limit {
            // The shell ignores SIGXFSZ for the program (a write past the limit then fails
            // instead of killing it), and prlimit sets the limit.
            Some(bytes) => {
                let mut c = std::process::Command::new("sh");
                c.args(["-c", "trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\""])
                    .arg(bytes.to_string())
                    .arg(program);
                c
            }
            None => std::process::Command::new(program),
        };
        let log = std::fs::File::create(self.data_dir.join("server.log")).expect("log file");
        command
            .args(["--bind", "127.0.0.1:0", "--data-dir"])
            .arg(&self.data_dir)
            .args(["--database-url", &self.database.url()])
            .args(args)
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(log);
        let mut child = command.spawn().expect("spolu starts");
        let stdout = child.stdout.take().expect("stdout");
        let base_url = tokio::task::spawn_blocking(move || {
            use std::io::BufRead;
            let mut lines = std::io::BufReader::new(stdout).lines();
            let url = lines
                .by_ref()
                .map_while(Result::ok)
                .find_map(|line| line.strip_prefix("Spolu runs at ").map(str::to_owned));
            // Keep reading, so the program never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            url
        })
        .await
        .expect("reading stdout")
        .expect("spolu says where it runs");
        self.base_url = base_url;
        self.db = app::server::infra::database::connect(&self.database.url(), None)
            .await
            .expect("the test's own connection");
        self.files = std::sync::Arc::new(app::server::infra::file_store::LocalFolder::new(
            self.uploads_dir(),
        ));
        self.server = Some(Server::Process(child));
    }

    /// Stops the server and closes the test's database connections, e.g. to restore a backup.
    pub async fn stop_server(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
        let _ = self.db.close_by_ref().await;
    }
}

/// `path` with a query no page reads, different for each `attempt`: each try is a page made anew,
/// not one kept from the try before.
pub fn fresh_address(path: &str, attempt: usize) -> String {
    let joiner = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joiner}try={attempt}")
}

/// Another instance of the server on a test app's database, with a data folder of its own (as on
/// another machine). Stopped and its folder removed when dropped.
pub struct Instance {
    pub base_url: String,
    server: Option<Server>,
    data_dir: PathBuf,
}

impl Instance {
    pub fn browser(&self) -> Browser {
        Browser::new(&self.base_url)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

impl TestApp {
    /// Starts another instance on this app's database, its settings changed by `change`.
    pub async fn another_instance(&self, change: impl FnOnce(&mut Config)) -> Instance {
        let mut config = self.config.clone();
        config.data_dir = std::env::temp_dir().join(format!("spolu-test-{}", random_suffix()));
        change(&mut config);
        let running = Running::start(&config).await;
        Instance {
            base_url: running.base_url,
            server: Some(Server::InProcess(running.stop)),
            data_dir: config.data_dir,
        }
    }

    /// The folder the server keeps uploaded files in.
    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }

    /// The server's data folder.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// A new phone, with its own cookies, talking to this server.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.base_url)
    }

    pub async fn invite(&self, role: Role, core: bool) -> InviteCode {
        let batch = InviteBatch {
            role,
            core,
            count: 1,
            created_by: None,
            valid_for: DEFAULT_VALIDITY,
            note: None,
            reset_for: None,
        };
        invites::create(&self.db, &batch)
            .await
            .expect("invite created")
            .remove(0)
    }

    /// A member with `role` (and core-group flag), made without going through `/join`.
    pub async fn member(&self, role: Role, core: bool) -> TestMember {
        let n = NEXT_MEMBER.fetch_add(1, Ordering::Relaxed);
        let username = format!("member{n}");
        let password = format!("heslo-{n}-dlouhé");
        let hash = passwords::hash(&Password::parse(&password).expect("password"))
            .await
            .expect("hash");
        let row = members::create(
            &self.db,
            NewMember {
                username: &Username::parse(&username).expect("username"),
                display_name: &DisplayName::parse(&format!("Člen {n}")).expect("name"),
                password_hash: hash,
                role,
                core,
                language: None,
            },
        )
        .await
        .expect("member created");
        TestMember {
            id: row.id,
            username,
            password,
            role,
            core,
        }
    }

    /// A browser already signed in as a new member with `role`.
    pub async fn signed_in(&self, role: Role, core: bool) -> (Browser, TestMember) {
        let member = self.member(role, core).await;
        let browser = self.browser();
        let response = browser.sign_in_as(&member).await;
        assert!(
            response.status().is_success(),
            "sign-in failed: {}",
            response.status()
        );
        (browser, member)
    }
}

impl TestApp {
    /// A proposal made directly through the service (fast, for lists and counts).
    pub async fn proposal(&self, author: &TestMember, title: &str, body: &str) -> i32 {
        self.proposal_made(author, title, body, false).await
    }

    /// A proposal that waits for staff in the moderation queue (as with pre-moderation on).
    pub async fn proposal_held(&self, author: &TestMember, title: &str, body: &str) -> i32 {
        self.proposal_made(author, title, body, true).await
    }

    async fn proposal_made(&self, author: &TestMember, title: &str, body: &str, held: bool) -> i32 {
        let category = self.first_category().await;
        let new = app::server::proposals::NewProposal {
            title: ProposalTitle::parse(title).expect("a good title"),
            body: ProposalBody::parse(body).expect("a good text"),
            category: Some(category),
            place: None,
        };
        let ready = app::server::proposals::find_choices(&self.db, new)
            .await
            .expect("the category exists");
        app::server::proposals::create(
            &self.db,
            self.files.as_ref(),
            &author.as_member(),
            None,
            ready,
            app::server::proposals::Attached::default(),
            &app::server::PostingLimits {
                proposals_per_day: u64::MAX,
                comments_per_hour: u64::MAX,
            },
            held,
        )
        .await
        .expect("proposal created")
    }

    /// A proposal with one photo, made by `author` through HTTP as a phone would; answers its id.
    pub async fn proposal_with_photo(&self, author: &Browser) -> i32 {
        let category = self.first_category().await.to_string();
        let response = author
            .propose_with_photos(
                &[
                    ("title", "Houpačka"),
                    ("body", "Rozbitá houpačka."),
                    ("category", &category),
                ],
                vec![("foto.png", png(640, 480))],
            )
            .await;
        assert_eq!(
            response.status(),
            200,
            "the proposal with a photo is stored"
        );
        response.json().await.expect("the proposal's id")
    }

    /// An open decision on a new proposal, opened by `staff` through the service; answers the
    /// decision's and the proposal's ids.
    pub async fn open_decision(
        &self,
        staff: &TestMember,
        eligibility: Eligibility,
        quorum: u32,
    ) -> (i32, i32) {
        let author = self.member(Role::Resident, false).await;
        let proposal = self
            .proposal(&author, "Nová lavička", "Chybí lavička.")
            .await;
        let id = self
            .open_decision_on(staff, proposal, eligibility, quorum)
            .await;
        (id, proposal)
    }

    /// An open decision on `proposal`, opened by `staff` through the service, closing tomorrow.
    pub async fn open_decision_on(
        &self,
        staff: &TestMember,
        proposal: i32,
        eligibility: Eligibility,
        quorum: u32,
    ) -> i32 {
        let now = chrono::Utc::now();
        app::server::decisions::open_single(
            &self.db,
            &staff.as_member(),
            app::server::decisions::NewDecision {
                proposal: ProposalId(proposal),
                rule: DecisionRule::new(eligibility, quorum).unwrap(),
                window: VotingWindow::new(now, now + chrono::Duration::days(1)).unwrap(),
            },
        )
        .await
        .expect("decision opened")
    }

    /// Decides `proposal` as accepted through the staff's "record a meeting" form, as `staff`.
    pub async fn accept_in_meeting(&self, staff: &Browser, proposal: i32) {
        let today = app::server::clock::to_local(chrono::Utc::now(), chrono_tz::Europe::Prague);
        let response = staff
            .call(
                "record_meeting_tally",
                &[
                    ("proposal", &proposal.to_string()),
                    ("eligibility", "core"),
                    ("held_on", &today[..10]),
                    ("yes", "5"),
                    ("no", "1"),
                    ("abstain", "0"),
                    ("quorum", "3"),
                    ("note", "Schůzka v centru."),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "the meeting's tally is recorded");
    }

    /// Waits until the news queued for many people (decisions, outcomes) has been handed out by
    /// the server's background task: the queue is empty. Fails after 15 seconds.
    pub async fn news_handed_out(&self) {
        use app::server::entities::notification_event;
        use sea_orm::{EntityTrait, PaginatorTrait};
        for _ in 0..750 {
            let waiting = notification_event::Entity::find()
                .count(&self.db)
                .await
                .expect("the news queue");
            if waiting == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("queued news was not handed out within 15 seconds");
    }

    /// Suspends `member` straight in the database, for `length`, with `reason`.
    pub async fn suspend(&self, member: &TestMember, length: chrono::Duration, reason: &str) {
        use app::server::entities::user;
        use sea_orm::{ActiveModelTrait, Set};
        user::ActiveModel {
            id: Set(member.id),
            suspended_until: Set(Some(chrono::Utc::now() + length)),
            suspension_reason: Set(Some(reason.into())),
            ..Default::default()
        }
        .update(&self.db)
        .await
        .expect("suspended");
    }

    /// The statements one `GET path` by `browser` costs the server: the fewest of five tries,
    /// so a background task's statement in between is not counted. `path` is asked as given
    /// each time (a visitor's page is then served from memory after the first try); to count the
    /// making of a page, pass `fresh` addresses (see `fresh_address`).
    pub async fn statements_for(&self, browser: &Browser, path: impl Fn(usize) -> String) -> u64 {
        let mut fewest = u64::MAX;
        for attempt in 0..5 {
            let address = path(attempt);
            let before = self.statements.load(Ordering::SeqCst);
            let response = browser.get(&address).await;
            assert_eq!(response.status(), 200, "{address}");
            response.text().await.expect("the page");
            fewest = fewest.min(self.statements.load(Ordering::SeqCst) - before);
        }
        fewest
    }

    /// The id of the first default category (seeding them if needed).
    pub async fn first_category(&self) -> i32 {
        use sea_orm::{EntityTrait, QueryOrder};
        app::server::catalog::categories::add_missing_defaults(&self.db)
            .await
            .expect("categories");
        app::server::entities::category::Entity::find()
            .order_by_asc(app::server::entities::category::Column::Position)
            .one(&self.db)
            .await
            .expect("query")
            .expect("a category")
            .id
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub fn random_suffix() -> String {
    use rand::Rng;
    let n: u64 = rand::rng().random();
    format!("{n:016x}")
}

/// A small PNG photo for upload tests.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&image, width, height, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

/// A real 16 × 16 JPEG whose frame header says `side` × `side` pixels: a decompression bomb of
/// about 630 bytes.
pub fn jpeg_bomb(side: u16) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(16, 16, image::Rgb([30, 120, 200]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&image)
        .expect("jpeg");
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    // Marker, length (2), precision (1), then height and width.
    jpeg[sof + 5..sof + 7].copy_from_slice(&side.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&side.to_be_bytes());
    jpeg
}

impl TestApp {
    /// `count` wrong passwords for `username`, all sent at once from new browsers; the statuses.
    pub async fn wrong_sign_ins_at_once(&self, username: &str, count: usize) -> Vec<u16> {
        let tries = (0..count).map(|n| {
            let browser = self.browser();
            async move {
                let password = format!("hádám-{n}");
                browser
                    .call(
                        "sign_in",
                        &[("username", username), ("password", &password)],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        });
        futures::future::join_all(tries).await
    }
}

/// The `/uploads/…` addresses in a page, in order.
pub fn upload_urls(html: &str) -> Vec<String> {
    html.split("\"/uploads/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|name| format!("/uploads/{name}"))
        .collect()
}

/// The fields a refused form names (a 422 answer), with the locale keys of their messages.
pub async fn refused_fields(response: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.expect("a JSON error");
    body["Invalid"]["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}
