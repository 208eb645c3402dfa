use app::server::demo;
use app::server::entities::category_name;
use sea_orm::EntityTrait;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn seeding_the_demo_twice_adds_nothing_the_second_time() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let first = demo::seed(&app.db, app.files.as_ref())
            .await
            .expect("first seed");
        assert_eq!(
            (
                first.accounts,
                first.categories,
                first.places,
                first.proposals,
                first.decisions,
                first.outcomes
            ),
            (6, 8, 6, 12, 4, 4),
            "{}",
            database.kind()
        );
        let second = demo::seed(&app.db, app.files.as_ref())
            .await
            .expect("second seed");
        assert_eq!(
            (
                second.accounts,
                second.categories,
                second.places,
                second.proposals,
                second.decisions,
                second.outcomes
            ),
            (0, 0, 0, 0, 0, 0),
            "{}",
            database.kind()
        );
        let names = category_name::Entity::find()
            .all(&app.db)
            .await
            .expect("names");
        assert_eq!(names.len(), 16, "every category named in Czech and English");
        assert!(
            names
                .iter()
                .any(|n| n.language == "cs" && n.name == "Hřiště a děti")
        );
        let list: serde_json::Value = app
            .browser()
            .call("list_proposals", &[("q", "houpacku")])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(list["cards"][0]["title"], "Opravit houpačku na hřišti");
        assert_eq!(list["cards"][0]["support_count"], 5, "supports seeded once");
        assert_eq!(
            list["cards"][0]["comment_count"], 2,
            "and a short discussion"
        );
        assert_eq!(
            list["categories"].as_array().map(Vec::len),
            Some(8),
            "the filter's categories"
        );
        let playgrounds = list["cards"][0]["category"]["id"].clone();
        let filtered: serde_json::Value = app
            .browser()
            .call("list_proposals", &[("category", &playgrounds.to_string())])
            .await
            .json()
            .await
            .expect("list");
        let cards = filtered["cards"].as_array().expect("cards");
        assert_eq!(cards.len(), 2, "two playground proposals in the demo");
        assert!(cards.iter().all(|c| c["category"]["id"] == playgrounds));
    }
}

#[tokio::test]
async fn demo_accounts_sign_in_with_the_demo_password_and_have_their_roles() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        demo::seed(&app.db, app.files.as_ref()).await.expect("seed");
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

#[tokio::test]
async fn the_demo_has_an_open_vote_a_result_a_poll_and_a_meeting_tally() {
    use app::server::entities::decision;
    for database in test_databases() {
        let app = spawn_app(&database).await;
        demo::seed(&app.db, app.files.as_ref()).await.expect("seed");
        let rows = decision::Entity::find()
            .all(&app.db)
            .await
            .expect("decisions");
        let open = rows.iter().filter(|d| d.closed_at.is_none()).count();
        assert_eq!(
            open,
            2,
            "the vote and the poll are open ({})",
            database.kind()
        );
        assert!(rows.iter().any(|d| d.kind.as_str() == "priority"));
        assert!(
            rows.iter().any(|d| d.method.as_str() == "meeting"
                && d.outcome.map(|o| o.as_str()) == Some("accepted"))
        );
        assert!(
            rows.iter().any(|d| d.method.as_str() == "online"
                && d.outcome.map(|o| o.as_str()) == Some("accepted"))
        );
    }
}
