//! Issue 12's figures: the server's memory while four decompression bombs arrive at once, and how
//! many of 40 wrong passwords sent at once are really checked. `cargo run -p tests --example
//! attack_load` (add `--release` for the production build), on SQLite, and on PostgreSQL too when
//! `SPOLU_TEST_POSTGRES_URL` is set. The server runs in this process, so the resident set measured
//! is the server's plus a small HTTP client's.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::Role;
use futures::future::join_all;
use std::time::{Duration, Instant};

/// This process's resident set now and at its peak, in MB (Linux `/proc/self/status`).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

#[tokio::main]
async fn main() {
    for database in tests::test_databases() {
        let app = tests::spawn_app_with(&database, |c| c.proposals_per_day = 1000).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let anna = std::sync::Arc::new(anna);
        let (before, _) = memory();
        println!("{}: resident set before: {before} MB", database.kind());
        // 12 000² is refused by its declared size; 7 000² (49 MP) is the largest a phone might
        // send, so it is decoded: the worst a request can cost now.
        for side in [12_000u16, 7_000] {
            let started = Instant::now();
            let mut peak = before;
            let mut answers = Vec::new();
            for _round in 0..3 {
                let uploads = (0..4).map(|_| {
                    let anna = anna.clone();
                    let category = category.clone();
                    let photo = tests::jpeg_bomb(side);
                    async move {
                        anna.propose_with_photos(
                            &[("title", "Bomba"), ("body", "x"), ("category", &category)],
                            vec![("bomba.jpg", photo)],
                        )
                        .await
                        .status()
                        .as_u16()
                    }
                });
                let sampler = async {
                    let mut highest = 0;
                    for _ in 0..200 {
                        highest = highest.max(memory().0);
                        tokio::time::sleep(Duration::from_millis(5)).await;
                    }
                    highest
                };
                let (statuses, sampled) = tokio::join!(join_all(uploads), sampler);
                peak = peak.max(sampled);
                answers.extend(statuses);
            }
            let refused = answers.iter().filter(|s| **s == 422).count();
            println!(
                "{}: 3 × 4 uploads of a {side} × {side} px JPEG bomb at once: {refused} of 12 refused, in {:.2} s; resident set peak {peak} MB (process peak so far {} MB)",
                database.kind(),
                started.elapsed().as_secs_f64(),
                memory().1
            );
        }
        let owner = app.member(Role::Resident, false).await;
        let started = Instant::now();
        let statuses = app.wrong_sign_ins_at_once(&owner.username, 40).await;
        let checked = statuses.iter().filter(|s| **s == 422).count();
        let refused = statuses.iter().filter(|s| **s == 429).count();
        println!(
            "{}: 40 wrong passwords at once: {checked} checked (limit 5), {refused} refused before hashing, in {:.2} s",
            database.kind(),
            started.elapsed().as_secs_f64()
        );
    }
}
