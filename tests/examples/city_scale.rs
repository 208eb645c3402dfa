//! Issue 18's figures: Spolu on PostgreSQL with a city's data (Decide Madrid's size): 600 000
//! accounts, 35 000 proposals, 250 000 comments (500 on one proposal), 2 000 000 supports and a
//! decision with 250 000 eligible voters. Seeds in bulk with SQL (`generate_series`), starts the
//! real release `spolu` against it and prints a table: each page's p50/p95 one at a time and with
//! 50 at once, the CSV exports, votes per second with 2 000 voters for 60 s, the close of the
//! 250 000-voter decision, the fan-out of a decision opening to 250 000 members, and the
//! server's peak memory.
//!
//! `cargo run --release -p tests --example city_scale -- target/release/spolu [fraction]`
//! with `SPOLU_TEST_POSTGRES_URL` set (`tasks bench --scale city` does both). A fraction below 1
//! (e.g. 0.1) seeds that share of everything, for a quick look. `estate` instead of a fraction
//! measures the same on SQLite with the estate's numbers (`tasks bench --scale estate`):
//! 3 000 accounts, 10 000 proposals, 100 000 comments, 60 000 supports, 2 500 voters.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::{Choice, Password, Role};
use app::server::decisions;
use reqwest::Client;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use std::io::BufRead;
use std::time::{Duration, Instant};
use tests::TestDatabase;

const PASSWORD: &str = "mesto-na-zkousku";

struct Scale {
    accounts: i64,
    proposals: i64,
    comments: i64,
    supports: i64,
    voters: i64,
}

impl Scale {
    /// Janov today, on SQLite: the figures a city's are compared with.
    const ESTATE: Scale = Scale {
        accounts: 3_000,
        proposals: 10_000,
        comments: 100_000,
        supports: 60_000,
        voters: 2_500,
    };

    fn of(fraction: f64) -> Scale {
        let part = |n: f64| (n * fraction).round().max(1.0) as i64;
        Scale {
            accounts: part(600_000.0),
            proposals: part(35_000.0),
            comments: part(250_000.0).max(600),
            supports: part(2_000_000.0),
            voters: part(250_000.0),
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let program = args.next().unwrap_or_else(|| "target/release/spolu".into());
    let (scale, kind) = match args.next().as_deref() {
        Some("estate") => (Scale::ESTATE, "sqlite"),
        Some(fraction) => (Scale::of(fraction.parse().expect("a fraction")), "postgres"),
        None => (Scale::of(1.0), "postgres"),
    };
    // The load runs on a runtime of its own; the server is a process of its own (2 cores shared).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(&program, &scale, kind));
}

async fn run(program: &str, scale: &Scale, kind: &str) {
    let server = tests::test_databases()
        .into_iter()
        .find(|d| d.kind() == kind)
        .expect("SPOLU_TEST_POSTGRES_URL names a PostgreSQL server");
    let database = server.fresh().await;
    let data_dir = std::env::temp_dir().join(format!("spolu-city-{}", std::process::id()));
    let mut config = server::Config::defaults();
    config.data_dir = data_dir.clone();
    config.database_url = Some(database.url());
    let db = server::open_database(&config).await.expect("database");
    let started = Instant::now();
    let ids = seed(&db, scale).await;
    println!(
        "{kind}: seeded {} accounts, {} proposals, {} comments, {} supports, {} voters in {:.0} s",
        scale.accounts,
        scale.proposals,
        scale.comments,
        scale.supports,
        scale.voters,
        started.elapsed().as_secs_f64()
    );

    let spolu = Spolu::start(program, &database, &data_dir);
    let url = spolu.url.clone();
    let visitor = Client::new();
    let staff = signed_in(&url, "mesto1").await;
    let member = signed_in(&url, "mesto2").await;
    // The seeded decision's news is handed out by the server once it starts; time the pages
    // after that, not while 250 000 rows are being written beside them.
    wait_for_fan_out(&db).await;
    println!();
    println!("| what | one at a time p50 / p95 | 50 at once p50 / p95, req/s |");
    println!("|---|---|---|");
    let deep = format!("/proposals?sort=supported&after={}", ids.deep_cursor);
    let pages: [(&str, &Client, String); 9] = [
        ("list, first page", &visitor, "/proposals".into()),
        (
            "list, most supported",
            &visitor,
            "/proposals?sort=supported".into(),
        ),
        ("list, deep page (keyset)", &visitor, deep),
        (
            "list, search 'lavicka'",
            &visitor,
            "/proposals?q=lavicka".into(),
        ),
        (
            "list, search 'hriste 12'",
            &visitor,
            "/proposals?q=hriste+12".into(),
        ),
        (
            "proposal with 500 comments",
            &visitor,
            format!("/proposals/{}", ids.busy_proposal),
        ),
        ("outcomes page", &visitor, "/outcomes".into()),
        (
            "staff: find a member",
            &staff,
            "/staff/members?q=mesto+4242".into(),
        ),
        ("member's data download", &member, "/me/data.json".into()),
    ];
    for (label, client, path) in &pages {
        let alone = sequential(client, &url, path, 100).await;
        let crowd = concurrent(client, &url, path, 50, Duration::from_secs(10)).await;
        println!(
            "| {label} | {:.0} / {:.0} ms | {:.0} / {:.0} ms, {:.0}/s |",
            alone.p50, alone.p95, crowd.p50, crowd.p95, crowd.per_second
        );
    }
    let (votes, per_second, p50, p95) = vote_for_a_minute(&db, ids.decision, 2_000).await;
    println!(
        "| 2 000 voters at once for 60 s | {votes} votes, {per_second:.0} votes/s | cast p50 {p50:.0} ms, p95 {p95:.0} ms |"
    );
    let began = Instant::now();
    let closed = staff
        .post(format!("{url}/api/close_decision"))
        .header("accept", "application/json")
        .form(&[("decision", ids.decision.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 200, "the decision closes");
    println!(
        "| close the {}-voter decision (tally transaction) | {:.0} ms | |",
        scale.voters,
        began.elapsed().as_secs_f64() * 1000.0
    );
    wait_for_fan_out(&db).await;
    for file in ["proposals.csv", "outcomes.csv", "decisions.csv"] {
        let before = spolu.rss_kb();
        let began = Instant::now();
        let bytes = staff
            .get(format!("{url}/staff/exports/{file}"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        println!(
            "| export {file} ({} lines, {:.1} MB) | {:.0} ms, server memory {} → {} MB | |",
            bytes.iter().filter(|b| **b == b'\n').count(),
            bytes.len() as f64 / 1e6,
            began.elapsed().as_secs_f64() * 1000.0,
            before / 1024,
            spolu.rss_kb() / 1024
        );
    }

    // Opening a decision to every core member: the request only queues the news.
    let closes = app::server::clock::to_local(
        chrono::Utc::now() + chrono::Duration::days(3),
        chrono_tz::Europe::Prague,
    );
    let began = Instant::now();
    let opened = staff
        .post(format!("{url}/api/open_decision"))
        .header("accept", "application/json")
        .form(&[
            ("proposal", ids.second_proposal.to_string().as_str()),
            ("eligibility", "core"),
            ("opens", "now"),
            ("opens_at", ""),
            ("closes_at", &closes),
            ("quorum", "1"),
        ])
        .send()
        .await
        .unwrap();
    let request = began.elapsed();
    assert_eq!(opened.status(), 200, "the second decision opens");
    wait_for_fan_out(&db).await;
    let told = count(
        &db,
        "SELECT COUNT(*) FROM notifications WHERE kind = 'decision_opened'",
    )
    .await;
    println!(
        "| open a decision to {} members | request {:.0} ms; all {told} told after {:.1} s | |",
        scale.voters,
        request.as_secs_f64() * 1000.0,
        began.elapsed().as_secs_f64()
    );
    println!(
        "| server memory | peak {} MB (VmHWM), now {} MB | |",
        spolu.peak_kb() / 1024,
        spolu.rss_kb() / 1024
    );
    spolu.stop();
    let _ = std::fs::remove_dir_all(&data_dir);
}

/// What the bench needs to know of the seeded data.
struct Seeded {
    busy_proposal: i32,
    second_proposal: i32,
    decision: i32,
    deep_cursor: String,
}

/// `WITH RECURSIVE` counting from `from` to `to` as `g`: the same on SQLite and PostgreSQL.
fn series(from: i64, to: i64) -> String {
    format!(
        "WITH RECURSIVE series(g) AS \
         (SELECT CAST({from} AS BIGINT) UNION ALL SELECT g + 1 FROM series WHERE g < {to})"
    )
}

/// One of the eight words by `g`, as SQL.
fn word(g: &str, folded: bool) -> String {
    let words: [&str; 8] = if folded {
        [
            "lavicka", "hriste", "kose", "svetlo", "stromy", "prechod", "zvonky", "uklid",
        ]
    } else {
        [
            "lavička",
            "hřiště",
            "koše",
            "světlo",
            "stromy",
            "přechod",
            "zvonky",
            "úklid",
        ]
    };
    let cases: String = words
        .iter()
        .enumerate()
        .map(|(n, w)| format!(" WHEN {n} THEN '{w}'"))
        .collect();
    format!("(CASE ({g}) % 8{cases} END)")
}

async fn seed(db: &DatabaseConnection, scale: &Scale) -> Seeded {
    let hash = app::server::infra::passwords::hash(&Password::parse(PASSWORD).unwrap())
        .await
        .unwrap();
    app::server::catalog::categories::add_missing_defaults(db)
        .await
        .unwrap();
    // Every row is stamped with this moment, bound as a parameter so each database stores it
    // its own way (`{at}` in the SQL below).
    let at = chrono::Utc::now() - chrono::Duration::days(30);
    let backend = db.get_database_backend();
    let sql = |s: String| async move {
        let began = Instant::now();
        let placeholder = if backend == sea_orm::DbBackend::Postgres {
            "$1"
        } else {
            "?1"
        };
        let text = s.replace("{at}", placeholder);
        let values: Vec<sea_orm::Value> = if s.contains("{at}") {
            vec![at.into()]
        } else {
            vec![]
        };
        db.execute_raw(sea_orm::Statement::from_sql_and_values(
            backend, text, values,
        ))
        .await
        .unwrap();
        eprintln!(
            "  {:.1} s: {}",
            began.elapsed().as_secs_f64(),
            s.lines().nth(1).unwrap_or_default().trim()
        );
    };
    let (accounts, proposals, voters) = (scale.accounts, scale.proposals, scale.voters);
    // Account 1 is staff; the first `voters` are the core group. Everyone shares one password
    // hash (hashing 600 000 would take hours and proves nothing).
    sql(format!(
        "{series}
         INSERT INTO users (username, display_name, password_hash, role, core, created_at, search_text)
         SELECT 'mesto' || g, 'Občan ' || g, '{hash}',
                CASE WHEN g = 1 THEN 'staff' ELSE 'resident' END, g <= {voters},
                {{at}}, 'obcan ' || g || ' mesto' || g
         FROM series",
        series = series(1, accounts)
    ))
    .await;
    sql(format!(
        "{series}
         INSERT INTO proposals (author_id, title, body, category_id, status, created_at,
                last_activity_at, support_count, comment_count, search_text, awaiting_text)
         SELECT (g * 7919) % {accounts} + 1,
                'Návrh ' || g || ': ' || {title},
                'Text návrhu číslo ' || g || '. Chybí tu ' || {other} || '.',
                (SELECT MIN(id) FROM categories) + g % 5, 'open', {{at}}, {{at}}, 0, 0,
                'navrh ' || g || ': ' || {folded} || ' text navrhu cislo ' || g || '. chybi tu '
                    || {other_folded} || '.',
                false
         FROM series",
        series = series(1, proposals),
        title = word("g", false),
        other = word("g + 3", false),
        folded = word("g", true),
        other_folded = word("g + 3", true),
    ))
    .await;
    sql("
         INSERT INTO proposal_status_changes (proposal_id, status, changed_at)
         SELECT id, 'open', created_at FROM proposals"
        .into())
    .await;
    // 500 comments on proposal 1, the rest spread over the others.
    sql(format!(
        "{series}
         INSERT INTO comments (proposal_id, author_id, body, created_at, awaiting_text)
         SELECT CASE WHEN g <= 500 THEN 1 ELSE g % {proposals} + 1 END,
                (g * 104729) % {accounts} + 1,
                'Komentář ' || g || ': souhlasím, hlavně ať je to brzy.', {{at}}, false
         FROM series",
        series = series(1, scale.comments)
    ))
    .await;
    // Each support a different (proposal, member) pair: the k-th support of a proposal comes
    // from the member k·10007 after it.
    sql(format!(
        "{series}
         INSERT INTO supports (proposal_id, member_id, created_at)
         SELECT g % {proposals} + 1, ((g / {proposals}) * 10007 + g % {proposals}) % {accounts} + 1, {{at}}
         FROM series",
        series = series(0, scale.supports - 1)
    ))
    .await;
    sql("
         UPDATE proposals SET support_count = s.n FROM
         (SELECT proposal_id, COUNT(*) AS n FROM supports GROUP BY proposal_id) AS s
         WHERE s.proposal_id = proposals.id"
        .into())
    .await;
    sql("
         UPDATE proposals SET comment_count = c.n FROM
         (SELECT proposal_id, COUNT(*) AS n FROM comments GROUP BY proposal_id) AS c
         WHERE c.proposal_id = proposals.id"
        .into())
    .await;
    // Outcomes on a tenth of the proposals, at most 3 000 (a city publishes what happened).
    let outcomes = (proposals / 10).clamp(10, 3_000);
    sql(format!(
        "
         UPDATE proposals SET status = 'accepted' WHERE id BETWEEN 1000 AND {}",
        999 + outcomes
    ))
    .await;
    sql(format!(
        "{series}
         INSERT INTO outcomes (proposal_id, summary, who_does, stage, published_by, published_at, updated_at)
         SELECT g, 'Rozhodnuto, návrh ' || g || ' se udělá.', 'Správa sídliště',
                CASE g % 3 WHEN 0 THEN 'planned' WHEN 1 THEN 'in_progress' ELSE 'done' END, 1,
                {{at}}, {{at}}
         FROM series",
        series = series(1000, 999 + outcomes)
    ))
    .await;
    sql("
         ANALYZE"
        .into())
    .await;

    // The decision everyone votes in, opened through the service (its news is queued and handed
    // out by the server once it starts); then a mark and a participant row for every voter but
    // the 2 000 who vote during the bench, as if they had voted over the past days.
    let staff = app::server::accounts::members::to_member(
        &app::server::entities::user::Entity::find_by_id(1)
            .one(db)
            .await
            .unwrap()
            .unwrap(),
    );
    let now = chrono::Utc::now();
    let decision = decisions::open_single(
        db,
        &staff,
        decisions::NewDecision {
            proposal: app::domain::ProposalId(3),
            rule: app::domain::DecisionRule::new(app::domain::Eligibility::CoreGroup, 1).unwrap(),
            window: app::domain::VotingWindow::new(now, now + chrono::Duration::days(2)).unwrap(),
        },
    )
    .await
    .unwrap();
    sql(format!(
        "{series}
         INSERT INTO open_ballot_marks (decision_id, member_id, proposal_id, choice)
         SELECT {decision}, g, 3, CASE g % 3 WHEN 0 THEN 'yes' WHEN 1 THEN 'no' ELSE 'abstain' END
         FROM series",
        series = series(2002, voters)
    ))
    .await;
    sql(format!(
        "{series}
         INSERT INTO decision_participants (decision_id, member_id, voted_at)
         SELECT {decision}, g, {{at}} FROM series",
        series = series(2002, voters)
    ))
    .await;
    let middle = |column: &str| {
        format!(
            "SELECT {column} FROM proposals ORDER BY support_count DESC, id DESC LIMIT 1 OFFSET {}",
            proposals / 2
        )
    };
    let deep = count(db, &middle("support_count")).await;
    let deep_id = count(db, &middle("id")).await;
    Seeded {
        busy_proposal: 1,
        second_proposal: 5,
        decision,
        deep_cursor: format!("{deep}_{deep_id}"),
    }
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0)
        .or_else(|_| row.try_get_by_index::<i32>(0).map(i64::from))
        .unwrap()
}

/// Waits until the server has handed out every queued piece of news.
async fn wait_for_fan_out(db: &DatabaseConnection) {
    while count(db, "SELECT COUNT(*) FROM notification_events").await > 0 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The real program, on a port of its own, against the seeded database.
struct Spolu {
    child: std::process::Child,
    url: String,
}

impl Spolu {
    fn start(program: &str, database: &TestDatabase, data_dir: &std::path::Path) -> Spolu {
        let mut child = std::process::Command::new(program)
            .args(["--bind", "127.0.0.1:0", "--database-url", &database.url()])
            .arg("--data-dir")
            .arg(data_dir)
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("spolu starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        let url = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("Spolu runs at ").map(str::to_owned))
            .expect("spolu says where it runs");
        std::thread::spawn(move || lines.for_each(drop));
        Spolu { child, url }
    }

    fn status(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn rss_kb(&self) -> u64 {
        self.status("VmRSS:")
    }

    fn peak_kb(&self) -> u64 {
        self.status("VmHWM:")
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn signed_in(url: &str, username: &str) -> Client {
    let client = Client::builder().cookie_store(true).build().unwrap();
    let response = client
        .post(format!("{url}/api/sign_in"))
        .header("accept", "application/json")
        .form(&[("username", username), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{username} signs in");
    client
}

struct Times {
    p50: f64,
    p95: f64,
    per_second: f64,
}

fn times(mut ms: Vec<f64>, length: Duration) -> Times {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 * q) as usize).min(ms.len() - 1)];
    Times {
        p50: at(0.50),
        p95: at(0.95),
        per_second: ms.len() as f64 / length.as_secs_f64(),
    }
}

async fn get(client: &Client, url: &str, path: &str) -> f64 {
    let began = Instant::now();
    let response = client
        .get(format!("{url}{path}"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let status = response.status();
    response.bytes().await.unwrap();
    assert_eq!(status, 200, "{path}");
    began.elapsed().as_secs_f64() * 1000.0
}

async fn sequential(client: &Client, url: &str, path: &str, rounds: usize) -> Times {
    for _ in 0..5 {
        get(client, url, path).await;
    }
    let began = Instant::now();
    let mut ms = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        ms.push(get(client, url, path).await);
    }
    times(ms, began.elapsed())
}

async fn concurrent(
    client: &Client,
    url: &str,
    path: &str,
    at_once: usize,
    length: Duration,
) -> Times {
    let end = Instant::now() + length;
    let tasks: Vec<_> = (0..at_once)
        .map(|_| {
            let (client, url, path) = (client.clone(), url.to_owned(), path.to_owned());
            tokio::spawn(async move {
                let mut ms = Vec::new();
                while Instant::now() < end {
                    ms.push(get(&client, &url, &path).await);
                }
                ms
            })
        })
        .collect();
    let mut ms = Vec::new();
    for task in tasks {
        ms.extend(task.await.unwrap());
    }
    times(ms, length)
}

/// `voters` core members (accounts 2…) vote and change their minds for 60 s, through the
/// decisions service as `vote_load` does (signing 2 000 people in would measure Argon2).
async fn vote_for_a_minute(
    db: &DatabaseConnection,
    decision: i32,
    voters: usize,
) -> (usize, f64, f64, f64) {
    use app::server::entities::user;
    use sea_orm::{ColumnTrait, QueryFilter};
    let members: Vec<_> = user::Entity::find()
        .filter(user::Column::Id.between(2, 1 + voters as i32))
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(app::server::accounts::members::to_member)
        .collect();
    assert!(members.iter().all(|m| m.role == Role::Resident && m.core));
    let length = Duration::from_secs(60);
    let end = Instant::now() + length;
    let tasks: Vec<_> = members
        .into_iter()
        .enumerate()
        .map(|(n, voter)| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut ms = Vec::new();
                let mut round = 0;
                while Instant::now() < end {
                    let began = Instant::now();
                    decisions::vote(&db, &voter, decision, Choice::ALL[(n + round) % 3], None)
                        .await
                        .unwrap();
                    ms.push(began.elapsed().as_secs_f64() * 1000.0);
                    round += 1;
                }
                ms
            })
        })
        .collect();
    let mut ms = Vec::new();
    for task in tasks {
        ms.extend(task.await.unwrap());
    }
    let votes = ms.len();
    let figures = times(ms, length);
    (votes, figures.per_second, figures.p50, figures.p95)
}
