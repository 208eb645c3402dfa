//! Installs what the build and the tests need when it is missing — from rustup, npm's registry
//! (versions pinned by the lock files) and Debian's packages; never a binary from elsewhere.
use crate::{Result, exit_status, workspace};
use std::path::Path;
use std::process::Command;

/// The wasm target, and binaryen's wasm-opt for release bundles.
pub fn wasm_tools(release: bool) -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()?;
    if !String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        run(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
            &workspace(),
        )?;
    }
    if release {
        npm_ci(&workspace().join("frontend"), "node_modules/.bin/wasm-opt")?;
    }
    Ok(())
}

/// cargo-deny, pinned, from crates.io (built from source: a few minutes, once).
pub fn cargo_deny() -> Result<()> {
    const VERSION: &str = "0.20.2";
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let installed = Command::new(&cargo).args(["deny", "--version"]).output();
    if installed.is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(VERSION)) {
        return Ok(());
    }
    run(
        &cargo,
        &["install", "cargo-deny", "--version", VERSION, "--locked"],
        &workspace(),
    )
}

/// Debian's Chromium and the npm packages of the browser tests (playwright-core, axe-core).
pub fn browser_test_tools() -> Result<()> {
    debian_packages(&[("/usr/bin/chromium", "chromium")])?;
    npm_ci(
        &workspace().join("tests").join("e2e"),
        "node_modules/playwright-core",
    )
}

/// The server's voice for "Listen": eSpeak NG speaks, ffmpeg compresses (and reads what phones
/// record). Spolu runs without them, but then only the browser's own speech is offered.
pub fn speech_tools() -> Result<()> {
    debian_packages(&[
        ("/usr/bin/espeak-ng", "espeak-ng"),
        ("/usr/bin/ffmpeg", "ffmpeg"),
    ])
}

/// What `bench --static` measures with and against: wrk, and nginx serving the same bytes.
pub fn bench_tools() -> Result<()> {
    debian_packages(&[("/usr/bin/wrk", "wrk"), ("/usr/sbin/nginx", "nginx")])
}

/// Installs from Debian's packages each `(program, package)` whose program is missing.
fn debian_packages(wanted: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(program, _)| !Path::new(program).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = if is_root() { vec![] } else { vec!["sudo"] };
    let apt = |args: &[&str]| -> Result<()> {
        let mut command: Vec<&str> = sudo.clone();
        command.push("apt-get");
        command.extend_from_slice(args);
        run(command[0], &command[1..], &workspace())
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing);
    apt(&install)
}

/// `npm ci` in `dir` unless `marker` (relative to it) already exists.
fn npm_ci(dir: &Path, marker: &str) -> Result<()> {
    if dir.join(marker).exists() {
        return Ok(());
    }
    run("npm", &["ci", "--no-audit", "--no-fund"], dir)
}

fn run(program: &str, args: &[&str], dir: &Path) -> Result<()> {
    eprintln!("setup: {program} {}", args.join(" "));
    let status = Command::new(program).args(args).current_dir(dir).status()?;
    exit_status(status, program)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}
