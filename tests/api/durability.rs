//! Spolu never answers "saved" for something it did not store: a database that fills up mid-load
//! refuses the writes it cannot keep, with a message the member understands, and every write it
//! acknowledged is still there after a restart.
use app::domain::Role;
use futures::future::join_all;
use sea_orm::{FromQueryResult, Statement};
use tests::{TestDatabase, spawn_app_with};

#[derive(Debug, FromQueryResult)]
struct Count {
    n: i64,
}

async fn count(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    count_where(db, Statement::from_string(db.get_database_backend(), sql)).await
}

async fn count_where(db: &sea_orm::DatabaseConnection, statement: Statement) -> i64 {
    Count::find_by_statement(statement)
        .one(db)
        .await
        .expect("count")
        .expect("a row")
        .n
}

#[tokio::test]
async fn a_full_sqlite_database_never_acknowledges_a_write_it_did_not_keep() {
    // The disk filling up is SQLite's concern; PostgreSQL reports it per statement.
    let mut app = spawn_app_with(&TestDatabase::Sqlite { path: None }, |c| {
        c.comments_per_hour = 1_000_000;
    })
    .await;
    let author = app.member(Role::Resident, false).await;
    let proposal = app.proposal(&author, "Lavička", "Chybí lavička.").await;
    let mut members = Vec::new();
    for _ in 0..40 {
        members.push(app.member(Role::Resident, false).await);
    }
    // The real program, whose files may not grow past 3 MB: the write-ahead log fills up after
    // the sign-ins and about a hundred comments, as a small disk would.
    app.restart_as_process(
        env!("CARGO_BIN_EXE_spolu-under-test"),
        Some(3 << 20),
        &["--comments-per-hour", "1000000"],
    )
    .await;

    // 40 members write 12 comments each, all at once: far more than fits. (Signed in one after
    // another: 40 sign-ins at once from one address would meet the sign-in limit.)
    let mut browsers = Vec::new();
    for member in &members {
        let browser = app.browser();
        assert!(browser.sign_in_as(member).await.status().is_success());
        browsers.push(browser);
    }
    let writers = browsers.into_iter().enumerate().map(|(m, browser)| {
        let proposal = proposal.to_string();
        async move {
            let mut answers = Vec::new();
            for c in 0..12 {
                let text = format!("comment-{m}-{c} {}", "Lavička by se hodila. ".repeat(40));
                let response = browser
                    .call("add_comment", &[("proposal", &proposal), ("text", &text)])
                    .await;
                let status = response.status().as_u16();
                let body = response.text().await.unwrap_or_default();
                answers.push((format!("comment-{m}-{c} "), status, body));
            }
            answers
        }
    });
    let answers: Vec<_> = join_all(writers).await.into_iter().flatten().collect();
    let saved: Vec<&String> = answers
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .map(|(marker, _, _)| marker)
        .collect();
    let refused: Vec<_> = answers
        .iter()
        .filter(|(_, status, _)| *status != 200)
        .collect();
    assert!(
        !saved.is_empty(),
        "some comments fit before the disk filled"
    );
    assert!(
        !refused.is_empty(),
        "the database filled up during the test"
    );
    for (marker, status, body) in &refused {
        assert_eq!(*status, 503, "{marker}: {body}");
        assert!(
            body.contains("NotSaved"),
            "{marker}: a 'not saved' answer: {body}"
        );
    }

    // The operator frees space and restarts: every acknowledged comment is there.
    app.restart(|_| {}).await;
    let stored = count(&app.db, "SELECT COUNT(*) AS n FROM comments").await;
    let backend = app.db.get_database_backend();
    for marker in &saved {
        let found = count_where(
            &app.db,
            Statement::from_sql_and_values(
                backend,
                "SELECT COUNT(*) AS n FROM comments WHERE body LIKE $1",
                [format!("{marker}%").into()],
            ),
        )
        .await;
        assert_eq!(found, 1, "{marker} was answered 200, so it must be stored");
    }
    assert_eq!(
        stored,
        i64::try_from(saved.len()).expect("count"),
        "nothing refused was stored either"
    );
    // And Spolu writes again.
    let (eva, _) = app.signed_in(Role::Resident, false).await;
    let response = eva
        .call(
            "add_comment",
            &[("proposal", &proposal.to_string()), ("text", "Znovu.")],
        )
        .await;
    assert_eq!(response.status(), 200);
}

#[test]
fn starting_on_a_full_disk_names_the_folder_and_the_cause() {
    let data_dir = std::env::temp_dir().join(format!("spolu-test-{}", tests::random_suffix()));
    // Files may not grow past 64 kB: the disk is as good as full.
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; exec prlimit --fsize=65536 \"$@\"",
            "sh",
        ])
        .arg(env!("CARGO_BIN_EXE_spolu-under-test"))
        .args(["--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&data_dir)
        .output()
        .expect("spolu runs");
    let _ = std::fs::remove_dir_all(&data_dir);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(&format!("spolu: the folder {}", data_dir.display()))
            && said.contains("does not take a 1 MB file")
            && said.contains("File too large"),
        "{said}"
    );
}
