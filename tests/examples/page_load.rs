//! Issue 13's throughput figures, like `wrk -c200`: 200 signed-in members load `/proposals` as
//! fast as they can for 15 seconds; prints requests per second, the median and the 99th
//! percentile time, and how many took over 2 s. On SQLite, and on PostgreSQL too when
//! `SPOLU_TEST_POSTGRES_URL` is set.
//!
//! `cargo run --release -p tests --example page_load [connections] [seconds]`
//!
//! The server runs on a runtime of its own (2 threads), the load on another, as with a separate
//! load generator on the same machine.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::Role;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tests::{Browser, TestApp, spawn_app_with};

const PROPOSALS: usize = 60;
const MEMBERS: usize = 50;

fn main() {
    let mut args = std::env::args().skip(1);
    let connections: usize = args.next().map_or(200, |n| n.parse().expect("a number"));
    let seconds: u64 = args.next().map_or(15, |n| n.parse().expect("a number"));
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let load = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    for database in tests::test_databases() {
        let app = Arc::new(server.block_on(seeded(&database)));
        let browsers = server.block_on(signed_in(&app, connections));
        let figures = load.block_on(hammer(browsers, Duration::from_secs(seconds)));
        println!(
            "{:8} {connections} connections, {seconds} s: {:.0} req/s, p50 {} ms, p99 {} ms, \
             over 2 s: {}, errors: {}",
            database.kind(),
            figures.per_second,
            figures.p50.as_millis(),
            figures.p99.as_millis(),
            figures.over_2s,
            figures.errors
        );
        server.block_on(async move { drop(app) });
    }
}

/// An estate with members, proposals, supports and comments.
async fn seeded(database: &tests::TestDatabase) -> TestApp {
    let app = spawn_app_with(database, |c| c.database_connections = None).await;
    let mut members = Vec::new();
    for _ in 0..MEMBERS {
        members.push(app.member(Role::Resident, true).await);
    }
    for n in 0..PROPOSALS {
        let author = &members[n % MEMBERS];
        let id = app
            .proposal(
                author,
                &format!("Návrh číslo {n}"),
                "Lavička u dětského hřiště by se hodila maminkám i starším sousedům.",
            )
            .await;
        for member in (1..=5).map(|k| &members[(n + k) % MEMBERS]) {
            app::server::proposals::set_support(&app.db, &member.as_member(), id, true)
                .await
                .unwrap();
        }
    }
    app
}

/// `count` browsers, each signed in (several per member), four sign-ins at a time.
async fn signed_in(app: &TestApp, count: usize) -> Vec<Browser> {
    let members: Vec<_> = {
        let mut v = Vec::new();
        for _ in 0..count.div_ceil(4) {
            v.push(app.member(Role::Resident, false).await);
        }
        v
    };
    let mut browsers = Vec::new();
    for n in 0..count {
        let browser = app.browser();
        let response = browser.sign_in_as(&members[n / 4]).await;
        assert!(response.status().is_success());
        browsers.push(browser);
    }
    browsers
}

struct Figures {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    over_2s: usize,
    errors: usize,
}

async fn hammer(browsers: Vec<Browser>, length: Duration) -> Figures {
    // A short warm-up first, as wrk's first second.
    let warm_until = Instant::now() + Duration::from_secs(2);
    let end = warm_until + length;
    let tasks: Vec<_> = browsers
        .into_iter()
        .map(|browser| {
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut errors = 0;
                while Instant::now() < end {
                    let started = Instant::now();
                    let ok = match browser
                        .client
                        .get(format!("{}/proposals", browser.base_url))
                        .send()
                        .await
                    {
                        Ok(response) => response.status() == 200 && response.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    if started >= warm_until {
                        if ok {
                            times.push(started.elapsed());
                        } else {
                            errors += 1;
                        }
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (t, e) = task.await.unwrap();
        times.extend(t);
        errors += e;
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    Figures {
        per_second: times.len() as f64 / length.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
        over_2s: times
            .iter()
            .filter(|t| **t > Duration::from_secs(2))
            .count(),
        errors,
    }
}
