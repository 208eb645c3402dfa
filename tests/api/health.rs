//! `/healthz` (liveness) and `/readyz` (readiness: a write, the uploads folder, the bundle), and
//! misses under `/pkg` and `/uploads` that no cache may keep.
use tests::{spawn_app, spawn_app_with, test_databases};

#[tokio::test]
async fn healthz_answers_ok_when_the_database_answers() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/healthz").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        assert_eq!(response.text().await.expect("body"), "ok");
    }
}

/// A browser bundle of three tiny files, as `bundle.txt` names them.
fn fake_bundle() -> std::path::PathBuf {
    let site = std::env::temp_dir().join(format!("spolu-site-{}", tests::random_suffix()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(
        site.join("bundle.txt"),
        "output: spolu.abc\ncss: spolu.def.css\nscript: enhance.123.js\n",
    )
    .unwrap();
    std::fs::write(site.join("pkg/spolu.abc.js"), "// js").unwrap();
    std::fs::write(site.join("pkg/spolu.def.css"), "/* css */").unwrap();
    std::fs::write(site.join("pkg/enhance.123.js"), "// helpers").unwrap();
    site
}

#[tokio::test]
async fn readyz_answers_ready_when_a_write_the_uploads_and_the_bundle_all_work() {
    for database in test_databases() {
        let site = fake_bundle();
        let app = spawn_app_with(&database, |c| c.site_dir = site.clone()).await;
        let response = app.browser().get("/readyz").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        assert_eq!(response.text().await.unwrap(), "ready");
        std::fs::remove_dir_all(&site).unwrap();
    }
}

#[tokio::test]
async fn readyz_names_a_database_held_locked_and_answers_within_seconds() {
    use sea_orm::TransactionTrait;
    for database in test_databases() {
        let site = fake_bundle();
        let app = spawn_app_with(&database, |c| c.site_dir = site.clone()).await;
        // Another program holds the row readiness writes (on SQLite: the whole database).
        let holder = app.db.begin().await.unwrap();
        app::server::infra::limit_gate::lock(&holder, "readyz", chrono::Utc::now())
            .await
            .unwrap();
        let started = std::time::Instant::now();
        let response = app.browser().get("/readyz").await;
        assert_eq!(response.status(), 503, "{}", database.kind());
        assert_eq!(
            response.text().await.unwrap(),
            "database: does not take a write"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(6));
        assert_eq!(app.browser().get("/healthz").await.status(), 200);
        holder.rollback().await.unwrap();
        assert_eq!(app.browser().get("/readyz").await.status(), 200);
        std::fs::remove_dir_all(&site).unwrap();
    }
}

#[tokio::test]
async fn readyz_names_an_uploads_folder_that_takes_no_file_and_a_missing_bundle() {
    for database in test_databases() {
        // The tests' default site folder has no bundle.
        let app = spawn_app(&database).await;
        // Even root cannot write into a "folder" that is a file.
        std::fs::remove_dir_all(app.uploads_dir()).unwrap();
        std::fs::write(app.uploads_dir(), "not a folder").unwrap();
        let response = app.browser().get("/readyz").await;
        assert_eq!(response.status(), 503, "{}", database.kind());
        let body = response.text().await.unwrap();
        assert!(
            body.contains("uploads") && body.contains("bundle"),
            "{body}"
        );
        assert!(!body.contains("database"), "{body}");
        // Liveness is another question: the process and the database answer.
        assert_eq!(app.browser().get("/healthz").await.status(), 200);
    }
}

#[tokio::test]
async fn a_file_that_is_not_there_is_never_cached_for_a_year() {
    for database in test_databases() {
        let site = fake_bundle();
        let app = spawn_app_with(&database, |c| c.site_dir = site.clone()).await;
        let visitor = app.browser();
        let found = visitor.get("/pkg/spolu.abc.js").await;
        assert_eq!(found.status(), 200, "{}", database.kind());
        assert!(
            found.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        for missing in [
            "/pkg/spolu.old.js",
            "/uploads/0123456789abcdef0123456789abcdef.jpg",
        ] {
            let response = visitor.get(missing).await;
            assert_eq!(response.status(), 404, "{missing}");
            let cache = response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            assert!(
                !cache.contains("immutable") && !cache.contains("max-age"),
                "{missing}: {cache}"
            );
        }
        std::fs::remove_dir_all(&site).unwrap();
    }
}

#[tokio::test]
async fn metrics_count_requests_by_route_votes_and_the_pool_on_their_own_listener() {
    use app::domain::{Eligibility, Role};
    for database in test_databases() {
        let app = spawn_app_with(&database, |c| {
            c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        })
        .await;
        let metrics_url = app.metrics_url.clone().expect("a metrics listener");
        let staff = app.member(Role::Staff, false).await;
        let (decision, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let before = scrape(&metrics_url).await;
        let voted = eva
            .call(
                "cast_vote",
                &[("decision", &decision.to_string()), ("choice", "yes")],
            )
            .await;
        assert_eq!(voted.status(), 200, "{}", database.kind());
        assert_eq!(eva.get("/proposals").await.status(), 200);
        assert_eq!(
            app.browser().call("no_such_function", &[]).await.status(),
            400
        );

        let after = scrape(&metrics_url).await;
        assert!(
            value(&after, "spolu_votes_cast_total") > value(&before, "spolu_votes_cast_total"),
            "{after}"
        );
        assert!(
            after.contains(r#"route="/proposals",status="200""#),
            "{after}"
        );
        assert!(after.contains(r#"route="/api/cast_vote",status="200""#));
        assert!(after.contains("http_request_duration_seconds_bucket"));
        assert!(
            !after.contains("no_such_function"),
            "made-up routes are not labels"
        );
        assert!(after.contains("spolu_db_pool_connections"));
        // Not on the site's own address, where a proxy would expose it.
        assert_eq!(app.browser().get("/metrics").await.status(), 404);
    }
}

async fn scrape(url: &str) -> String {
    reqwest::get(url).await.unwrap().text().await.unwrap()
}

/// The value of an unlabelled metric (0 before it is first recorded).
fn value(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{name} ")))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}
