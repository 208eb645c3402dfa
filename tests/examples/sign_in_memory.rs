//! Issue 13's memory figure: the resident memory of the real `spolu` program before, at the peak
//! of, and 5 s after 32 members signing in at once (Argon2id, 19 MiB each). Linux only (reads
//! /proc). `cargo build --release -p server --bin spolu` first, then
//! `cargo run --release -p tests --example sign_in_memory -- target/release/spolu`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::{DisplayName, Password, Role, Username};
use app::server::accounts::members::{self, NewMember};
use std::io::BufRead;
use std::time::Duration;

const AT_ONCE: usize = 32;

#[tokio::main]
async fn main() {
    let program = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/spolu".into());
    let data_dir = std::env::temp_dir().join(format!("spolu-memory-{}", std::process::id()));
    // Behind a "proxy" on this machine, so that 32 clients are 32 addresses for the limits.
    let mut child = std::process::Command::new(&program)
        .args([
            "--bind",
            "127.0.0.1:0",
            "--trusted-proxy",
            "127.0.0.1",
            "--data-dir",
        ])
        .arg(&data_dir)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spolu starts");
    let stdout = child.stdout.take().unwrap();
    let base_url = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|line| line.strip_prefix("Spolu runs at ").map(str::to_owned))
        .expect("spolu says where it runs");
    let pid = child.id();

    let db_url = format!("sqlite://{}?mode=rwc", data_dir.join("spolu.db").display());
    let db = app::server::infra::database::connect(&db_url, Some(2))
        .await
        .unwrap();
    let password = "heslo-na-mereni-pameti";
    let hash = app::server::infra::passwords::hash(&Password::parse(password).unwrap())
        .await
        .unwrap();
    for n in 0..AT_ONCE {
        members::create(
            &db,
            NewMember {
                username: &Username::parse(&format!("pametnik{n}")).unwrap(),
                display_name: &DisplayName::parse(&format!("Pamětník {n}")).unwrap(),
                password_hash: hash.clone(),
                role: Role::Resident,
                core: false,
                language: None,
            },
        )
        .await
        .unwrap();
    }

    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = memory(pid, "VmRSS");
    let sign_ins = (0..AT_ONCE).map(|n| {
        let base_url = base_url.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{base_url}/api/sign_in"))
                .header("accept", "application/json")
                .header("x-forwarded-for", format!("10.0.0.{n}"))
                .form(&[
                    ("username", format!("pametnik{n}").as_str()),
                    ("password", password),
                ])
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }
    });
    let started = std::time::Instant::now();
    let statuses = futures::future::join_all(sign_ins).await;
    let took = started.elapsed();
    let peak = memory(pid, "VmHWM");
    tokio::time::sleep(Duration::from_secs(5)).await;
    let after = memory(pid, "VmRSS");
    let ok = statuses.iter().filter(|s| **s == 200).count();
    println!(
        "{AT_ONCE} sign-ins at once ({ok} signed in, {:.1} s): RSS before {before} MB, peak \
         {peak} MB, 5 s after {after} MB",
        took.as_secs_f64()
    );
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data_dir);
}

/// A memory figure of /proc/PID/status, in MB.
fn memory(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
