//! Spolu's build and test tasks, so that a fresh machine needs one command for each:
//!
//! - `cargo spolu [-- spolu flags]`: installs what is missing, builds the release bundle and server,
//!   and runs Spolu (SQLite under `./data/`).
//! - `cargo spolu-test`: installs what is missing, builds, and runs every test: unit,
//!   integration (SQLite, and PostgreSQL when `SPOLU_TEST_POSTGRES_URL` is set) and browser.
//! - `cargo run -p frontend --bin tasks -- bundle [--release]`: only the browser bundle.
//!
//! The aliases live in `.cargo/config.toml`.
mod bundle;
mod setup;

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let result = match task.as_str() {
        "bundle" => {
            let release = rest.iter().any(|a| a == "--release");
            setup::wasm_tools(release).and_then(|()| bundle::build(release))
        }
        "serve" => serve(&rest),
        "test" => test(),
        "budget" => budget(),
        "bench" => match rest.iter().position(|a| a == "--scale") {
            Some(at) => match rest.get(at + 1).map(String::as_str) {
                Some("city") => scale_bench(rest.get(at + 2).map(String::as_str).unwrap_or("1")),
                Some("estate") => scale_bench("estate"),
                _ => Err("tasks bench: --scale city [fraction] | --scale estate".into()),
            },
            None if rest.iter().any(|a| a == "--static") => {
                static_bench(rest.iter().any(|a| a == "--mimalloc"))
            }
            None => bench(),
        },
        _ => Err(
            "tasks: bundle [--release] | serve [spolu flags] | test | budget | \
             bench [--scale city | --scale estate | --static [--mimalloc]]"
                .into(),
        ),
    };
    if let Err(error) = result {
        eprintln!("tasks {task}: {error}");
        std::process::exit(1);
    }
}

/// Builds everything in release and runs the `spolu` binary with `args`.
fn serve(args: &[String]) -> Result<()> {
    setup::wasm_tools(true)?;
    setup::speech_tools()?;
    bundle::build(true)?;
    cargo(&["build", "--release", "-p", "server", "--bin", "spolu"])?;
    let status = Command::new(target_dir().join("release").join("spolu"))
        .current_dir(workspace())
        .args(args)
        .status()?;
    exit_status(status, "spolu")
}

/// Every check: formatting, cargo-deny, clippy on the server and the wasm build, Rust unit and
/// integration tests, then the browser tests against a debug build.
fn test() -> Result<()> {
    setup::wasm_tools(false)?;
    setup::browser_test_tools()?;
    setup::speech_tools()?;
    setup::cargo_deny()?;
    bundle::build(false)?;
    cargo(&["build", "-p", "server", "--bin", "spolu"])?;
    cargo(&["fmt", "--all", "--check"])?;
    // Only crates.io, pinned versions, allowed licences (the advisories need GitHub: README).
    cargo(&[
        "deny",
        "--config",
        ".cargo/deny.toml",
        "check",
        "bans",
        "licenses",
        "sources",
    ])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&[
        "clippy",
        "-p",
        "frontend",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&["test", "--workspace"])?;
    let status = Command::new("node")
        .current_dir(workspace().join("tests").join("e2e"))
        .args(["--test", "--test-concurrency=1"])
        .env("SPOLU_BIN", target_dir().join("debug").join("spolu"))
        .env("SPOLU_SITE_DIR", site_dir(false))
        .status()?;
    exit_status(status, "browser tests")
}

/// A script of `tests/e2e` run by node against the release build and its bundle.
fn release_script(script: &str) -> Command {
    let mut command = Command::new("node");
    command
        .current_dir(workspace().join("tests").join("e2e"))
        .arg(script)
        .env("SPOLU_BIN", target_dir().join("release").join("spolu"))
        .env("SPOLU_SITE_DIR", site_dir(true));
    command
}

/// The transfer-size budget of the foundation issue, measured on the release build.
fn budget() -> Result<()> {
    setup::wasm_tools(true)?;
    setup::browser_test_tools()?;
    bundle::build(true)?;
    cargo(&["build", "--release", "-p", "server", "--bin", "spolu"])?;
    let status = release_script("budget.mjs").status()?;
    exit_status(status, "budget")
}

/// The speed figures: list and proposal pages with many proposals and comments, a 5 MB photo
/// upload (issue 3), votes per second with 500 voters at once (issue 4), signed-in pages at 200
/// connections and memory around 32 sign-ins (issue 13), proposing with a photo on 3G (issue 14).
fn bench() -> Result<()> {
    setup::wasm_tools(true)?;
    setup::browser_test_tools()?;
    bundle::build(true)?;
    cargo(&["build", "--release", "-p", "server", "--bin", "spolu"])?;
    let data_dir = std::env::temp_dir().join(format!("spolu-bench-{}", std::process::id()));
    let data = data_dir.to_string_lossy().into_owned();
    cargo(&[
        "run",
        "--release",
        "-p",
        "tests",
        "--example",
        "seed_load",
        "--",
        &data,
    ])?;
    let status = release_script("bench.mjs")
        .env("SPOLU_DATA_DIR", &data_dir)
        .status()?;
    // A temporary folder left behind is harmless; the bench's own result is what counts.
    if let Err(error) = std::fs::remove_dir_all(&data_dir) {
        eprintln!("bench: could not remove {}: {error}", data_dir.display());
    }
    exit_status(status, "bench")?;
    // Issue 14: proposing with a 5 MB camera photo on a 3G and a slower line, before (the full
    // photo sent) and now (shrunk on the phone).
    let status = release_script("propose_bench.mjs").status()?;
    exit_status(status, "propose bench")?;
    // Issue 4: votes per second with 500 voters at once (and on PostgreSQL when
    // SPOLU_TEST_POSTGRES_URL is set).
    cargo(&["run", "--release", "-p", "tests", "--example", "vote_load"])?;
    // Issue 13: signed-in /proposals at 200 connections, and memory around 32 sign-ins at once.
    cargo(&["run", "--release", "-p", "tests", "--example", "page_load"])?;
    let spolu = target_dir().join("release").join("spolu");
    cargo(&[
        "run",
        "--release",
        "-p",
        "tests",
        "--example",
        "sign_in_memory",
        "--",
        &spolu.to_string_lossy(),
    ])
}

/// Issue 19's figures: the public pages (and a member's list) against nginx serving the same
/// bytes, with wrk, in one run on this machine. With `mimalloc`, the server is built on mimalloc
/// instead of jemalloc, to compare the allocators (the next plain build puts jemalloc back).
fn static_bench(mimalloc: bool) -> Result<()> {
    setup::wasm_tools(true)?;
    setup::bench_tools()?;
    bundle::build(true)?;
    let mut build = vec!["build", "--release", "-p", "server", "--bin", "spolu"];
    if mimalloc {
        build.extend(["--features", "mimalloc"]);
    }
    cargo(&build)?;
    let status = release_script("static_bench.mjs")
        .env(
            "SPOLU_ALLOCATOR",
            if mimalloc { "mimalloc" } else { "jemalloc" },
        )
        .status()?;
    exit_status(status, "static bench")
}

/// Issue 18's figures: a city's data (600 000 accounts, 35 000 proposals, 250 000 comments,
/// 2 000 000 supports, a 250 000-voter decision) seeded into a fresh PostgreSQL database named by
/// `SPOLU_TEST_POSTGRES_URL`, and the release server measured against it. `scale` is a fraction
/// of the city (e.g. 0.1, for a quick look) or `estate` (the same measures on SQLite, with the
/// estate's numbers).
fn scale_bench(scale: &str) -> Result<()> {
    if scale != "estate" && std::env::var("SPOLU_TEST_POSTGRES_URL").is_err() {
        return Err("set SPOLU_TEST_POSTGRES_URL to a PostgreSQL server (e.g. \
                    postgres://postgres@127.0.0.1:5432/postgres)"
            .into());
    }
    setup::wasm_tools(true)?;
    bundle::build(true)?;
    cargo(&["build", "--release", "-p", "server", "--bin", "spolu"])?;
    let spolu = target_dir().join("release").join("spolu");
    let spolu = spolu.to_string_lossy();
    let args = [
        "run",
        "--release",
        "-p",
        "tests",
        "--example",
        "city_scale",
        "--",
        &spolu,
        scale,
    ];
    cargo(&args)
}

pub fn workspace() -> PathBuf {
    // `cargo run` says where the package is now. The path built in is only a fallback: cargo
    // reuses this binary for a checkout at another path with the same target folder (CI's
    // kept cache, a second clone), and it would then bundle the other checkout's code.
    let package = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    package
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Where the browser bundle of a build goes: release and debug apart, so the tests' debug bundle
/// never replaces the one a running release server serves.
pub fn site_dir(release: bool) -> PathBuf {
    target_dir().join(if release { "site" } else { "site-debug" })
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                workspace().join(dir)
            }
        })
        .unwrap_or_else(|| workspace().join("target"))
}

/// Runs cargo (the same one that runs this task) in the workspace.
pub fn cargo(args: &[&str]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(workspace())
        .args(args)
        .status()?;
    exit_status(status, &format!("cargo {}", args.join(" ")))
}

pub fn exit_status(status: std::process::ExitStatus, what: &str) -> Result<()> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})").into())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tests_bundle_never_lands_where_the_release_server_reads() {
        assert_ne!(super::site_dir(false), super::site_dir(true));
        assert!(
            super::site_dir(true).ends_with("site"),
            "the server's default --site-dir"
        );
    }
}
