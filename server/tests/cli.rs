//! The `spolu` command line: invite codes, the first-admin line, the demo, `--help`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn spolu(data_dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_spolu"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("DATABASE_URL");
    command
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("spolu-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Starts `spolu` on a free port and returns the lines it prints before "Spolu runs at".
fn start_and_read_banner(data_dir: &std::path::Path, extra: &[&str]) -> Vec<String> {
    let mut child = spolu(data_dir)
        .args(["--bind", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spolu starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.starts_with("Spolu runs at");
        lines.push(line);
        if done {
            break;
        }
    }
    child.kill().expect("stopped");
    let _ = child.wait();
    lines
}

#[test]
fn invite_prints_the_asked_number_of_codes_and_nothing_else() {
    let dir = temp_dir("invite");
    let output = spolu(&dir)
        .args(["invite", "--role", "core", "--count", "3"])
        .output()
        .expect("spolu invite runs");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let codes: Vec<&str> = stdout.lines().collect();
    assert_eq!(codes.len(), 3, "{stdout}");
    for code in codes {
        assert!(app::domain::InviteCode::parse(code).is_ok(), "{code}");
        assert_eq!(code.len(), 9, "printed as XXXX-XXXX: {code}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invite_refuses_an_unknown_role() {
    let dir = temp_dir("bad-role");
    let output = spolu(&dir)
        .args(["invite", "--role", "boss"])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_database_without_an_admin_prints_one_setup_link_and_the_demo_prints_none() {
    let dir = temp_dir("setup");
    let lines = start_and_read_banner(&dir, &[]);
    let setup: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("No admin yet."))
        .collect();
    assert_eq!(setup.len(), 1, "{lines:?}");
    assert!(setup[0].contains("/join?code="), "{}", setup[0]);
    assert!(dir.join("spolu.db").exists(), "the SQLite file is made");
    assert!(dir.join("uploads").is_dir(), "the uploads folder is made");
    let _ = std::fs::remove_dir_all(&dir);

    let demo_dir = temp_dir("demo");
    let lines = start_and_read_banner(&demo_dir, &["--demo"]);
    assert!(
        lines.iter().any(|l| l.starts_with(
            "Demo estate ready (6 accounts, 8 categories, 6 places, 12 proposals, 4 decisions, 4 outcomes added)"
        )),
        "{lines:?}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("No admin yet.")),
        "dana is the admin"
    );
    let again = start_and_read_banner(&demo_dir, &["--demo"]);
    assert!(
        again.iter().any(|l| l.starts_with(
            "Demo estate ready (0 accounts, 0 categories, 0 places, 0 proposals, 0 decisions, 0 outcomes added)"
        )),
        "{again:?}"
    );
    let _ = std::fs::remove_dir_all(&demo_dir);
}

#[test]
fn help_lists_the_settings() {
    let output = Command::new(env!("CARGO_BIN_EXE_spolu"))
        .arg("--help")
        .output()
        .expect("runs");
    let help = String::from_utf8(output.stdout).expect("utf-8");
    for flag in [
        "--bind",
        "--database-url",
        "--data-dir",
        "--public-url",
        "--secure-cookies",
        "--default-language",
        "--demo",
        "invite",
    ] {
        assert!(help.contains(flag), "--help mentions {flag}");
    }
    assert!(
        help.contains("SPOLU_BIND") && help.contains("DATABASE_URL"),
        "and the variables"
    );
}

#[test]
fn a_database_that_cannot_be_opened_stops_start_up_loudly() {
    let dir = temp_dir("broken");
    let output = spolu(&dir)
        .args([
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
        ])
        .output()
        .expect("runs");
    assert!(
        !output.status.success(),
        "it must not serve without a database"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot open the database"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
