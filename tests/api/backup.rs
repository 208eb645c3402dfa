//! `spolu backup DIR` while members write, and `spolu restore DIR` with Spolu stopped: every write
//! acknowledged before the backup began comes back, photos included.
use app::domain::Role;
use futures::future::join_all;
use sea_orm::{EntityTrait, PaginatorTrait};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tests::{TestApp, TestDatabase, spawn_app_with, upload_urls};

const SPOLU: &str = env!("CARGO_BIN_EXE_spolu-under-test");

/// Runs `spolu <args>` on the app's data folder and database; answers its exit and what it said.
async fn spolu(app: &TestApp, args: &[&str]) -> (bool, String) {
    let mut command = std::process::Command::new(SPOLU);
    command
        .arg("--data-dir")
        .arg(app.data_dir())
        .args(["--database-url", &app.database.url()])
        .args(args);
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .expect("spolu runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

async fn comment_texts(app: &TestApp) -> Vec<String> {
    app::server::entities::comment::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.body)
        .collect()
}

#[tokio::test]
async fn a_backup_taken_during_writes_restores_every_write_acknowledged_before_it() {
    let mut app = spawn_app_with(&TestDatabase::Sqlite { path: None }, |c| {
        c.comments_per_hour = 1_000_000;
    })
    .await;
    let (anna, _) = app.signed_in(Role::Resident, false).await;
    let proposal = app.proposal_with_photo(&anna).await;
    let mut writers = Vec::new();
    for _ in 0..10 {
        writers.push(app.signed_in(Role::Resident, false).await.0);
    }

    // Ten members comment without pause; the backup is taken in the middle of it.
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let writing = writers.into_iter().enumerate().map(|(m, browser)| {
        let (stop, written) = (stop.clone(), written.clone());
        async move {
            let mut acknowledged = Vec::new();
            let mut c = 0;
            while !stop.load(Ordering::Relaxed) {
                let text = format!("comment {m}-{c}");
                c += 1;
                let response = browser
                    .call(
                        "add_comment",
                        &[("proposal", &proposal.to_string()), ("text", &text)],
                    )
                    .await;
                if response.status() == 200 {
                    acknowledged.push((text, Instant::now()));
                    written.fetch_add(1, Ordering::Relaxed);
                }
            }
            acknowledged
        }
    });
    let writing = tokio::spawn(join_all(writing));
    // Enough writes first, however busy the machine (a fixed pause was too short under load).
    let waiting_since = Instant::now();
    while written.load(Ordering::Relaxed) < 30 && waiting_since.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let backup_dir = std::env::temp_dir().join(format!("spolu-backup-{}", tests::random_suffix()));
    let backup_began = Instant::now();
    let (ok, said) = spolu(&app, &["backup", &backup_dir.display().to_string()]).await;
    assert!(ok, "{said}");
    assert!(
        said.contains("and 2 photos"),
        "the photo and its thumbnail: {said}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let acknowledged: Vec<_> = writing.await.unwrap().into_iter().flatten().collect();
    let before: Vec<&String> = acknowledged
        .iter()
        .filter(|(_, at)| *at < backup_began)
        .map(|(text, _)| text)
        .collect();
    assert!(
        before.len() > 20,
        "writes before the backup: {}",
        before.len()
    );
    assert!(
        acknowledged.iter().any(|(_, at)| *at > backup_began),
        "writes went on during the backup"
    );

    // A backup never overwrites another.
    let (ok, said) = spolu(&app, &["backup", &backup_dir.display().to_string()]).await;
    assert!(!ok && said.contains("is not empty"), "{said}");

    // Something written after the backup, then the restore (Spolu stopped).
    let after = anna
        .call(
            "add_comment",
            &[
                ("proposal", &proposal.to_string()),
                ("text", "after the backup"),
            ],
        )
        .await;
    assert_eq!(after.status(), 200);
    app.stop_server().await;
    let (ok, said) = spolu(&app, &["restore", &backup_dir.display().to_string()]).await;
    assert!(ok, "{said}");
    let aside = std::fs::read_dir(app.data_dir())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .expect("the replaced data is kept aside");
    assert!(aside.path().join("uploads").is_dir());
    app.start_server().await;

    let restored = comment_texts(&app).await;
    for text in &before {
        assert!(
            restored.contains(text),
            "{text} was acknowledged before the backup"
        );
    }
    assert!(!restored.contains(&"after the backup".to_owned()));
    // The restored database is a working one: pages, photos, sign-in.
    let page = app
        .browser()
        .page_text(&format!("/proposals/{proposal}"))
        .await;
    let photos = upload_urls(&page);
    assert!(!photos.is_empty());
    for url in photos {
        assert_eq!(app.browser().get(&url).await.status(), 200, "{url}");
    }
    let (eva, _) = app.signed_in(Role::Resident, false).await;
    let response = eva
        .call(
            "add_comment",
            &[("proposal", &proposal.to_string()), ("text", "Znovu.")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        app::server::entities::proposal::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    std::fs::remove_dir_all(&backup_dir).unwrap();
}

#[tokio::test]
async fn restore_refuses_a_folder_that_is_not_a_backup_and_postgres_is_left_to_pg_dump() {
    let app = spawn_app_with(&TestDatabase::Sqlite { path: None }, |_| {}).await;
    let empty = std::env::temp_dir().join(format!("spolu-backup-{}", tests::random_suffix()));
    std::fs::create_dir_all(&empty).unwrap();
    let (ok, said) = spolu(&app, &["restore", &empty.display().to_string()]).await;
    assert!(!ok && said.contains("not a Spolu backup"), "{said}");
    std::fs::remove_dir_all(&empty).unwrap();

    let output = std::process::Command::new(SPOLU)
        .args([
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "backup",
        ])
        .arg(std::env::temp_dir().join("spolu-never-made"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("pg_dump"));
}
