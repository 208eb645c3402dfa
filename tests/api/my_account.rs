//! `/me` through HTTP: a member renames themselves and changes their password (the current one
//! first); bad input changes nothing; the privacy page is for everyone.
use app::domain::Role;
use serde_json::Value;
use tests::{spawn_app, test_databases};

async fn fields(response: reqwest::Response) -> Vec<String> {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.expect("error");
    body["Invalid"]["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_member_renames_themselves_and_others_see_the_new_name() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let refused = eva
            .call("change_display_name", &[("display_name", "E")])
            .await;
        assert_eq!(
            fields(refused).await,
            ["display_name"],
            "{}",
            database.kind()
        );
        let visitor = app
            .browser()
            .call("change_display_name", &[("display_name", "Eva")])
            .await;
        assert_eq!(visitor.status(), 401);

        let renamed = eva
            .call("change_display_name", &[("display_name", "Evička")])
            .await;
        assert_eq!(renamed.status(), 200);
        assert!(eva.page_text("/me").await.contains("Evička"));
        let id = app.proposal(&eva_member, "Lavička", "U bloku 5").await;
        assert!(
            app.browser()
                .page_text(&format!("/proposals/{id}"))
                .await
                .contains("Evička")
        );
    }
}

#[tokio::test]
async fn a_member_changes_their_password_only_with_the_current_one() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, member) = app.signed_in(Role::Resident, false).await;
        let both_wrong = eva
            .call(
                "change_password",
                &[
                    ("current_password", "nesedí-vůbec"),
                    ("new_password", "krátké"),
                ],
            )
            .await;
        assert_eq!(
            fields(both_wrong).await,
            ["current_password", "new_password"],
            "{}",
            database.kind()
        );
        let changed = eva
            .call(
                "change_password",
                &[
                    ("current_password", &member.password),
                    ("new_password", "nové-heslo-na-jaro"),
                ],
            )
            .await;
        assert_eq!(changed.status(), 200);

        let old = app.browser().sign_in_as(&member).await;
        assert_eq!(old.status(), 422, "the old password no longer works");
        let renewed = tests::TestMember {
            password: "nové-heslo-na-jaro".into(),
            ..member
        };
        assert!(
            app.browser()
                .sign_in_as(&renewed)
                .await
                .status()
                .is_success()
        );
    }
}

#[tokio::test]
async fn the_privacy_page_says_what_is_kept_to_everyone() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/privacy").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let page = response.text().await.unwrap();
        assert!(page.contains("Co o vás Spolu ví"));
        assert!(page.contains("Nikde není vidět, jak kdo hlasoval."));
    }
}
