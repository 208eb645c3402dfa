use tests::{spawn_app, test_databases};

#[tokio::test]
async fn healthz_answers_ok_when_the_database_answers() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/healthz").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        assert_eq!(response.text().await.expect("body"), "ok");
    }
}
