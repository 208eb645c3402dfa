use app::server::demo;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn seeding_the_demo_twice_adds_nothing_the_second_time() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        assert_eq!(
            demo::seed(&app.db).await.expect("first seed"),
            6,
            "{}",
            database.kind()
        );
        assert_eq!(
            demo::seed(&app.db).await.expect("second seed"),
            0,
            "{}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn demo_accounts_sign_in_with_the_demo_password_and_have_their_roles() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        demo::seed(&app.db).await.expect("seed");
        for (username, role) in [
            ("dana", "správce"),
            ("cyril", "pracovník centra"),
            ("eva", "jádrová skupina"),
        ] {
            let browser = app.browser();
            let response = browser
                .call(
                    "sign_in",
                    &[("username", username), ("password", demo::PASSWORD)],
                )
                .await;
            assert_eq!(response.status(), 200, "{username} on {}", database.kind());
            let me = browser.page_text("/me").await;
            assert!(me.contains(role), "{username} should be {role}");
        }
    }
}
