//! `/admin`: the settings admins change while Spolu runs apply at once, for everyone.
use app::domain::Role;
use app::server::entities::{moderation_log, site_setting};
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn an_admin_changes_the_settings_and_they_apply_at_once() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let form = [
            ("estate_name", " Janov  sever "),
            ("pre_moderation", "on"),
            ("default_eligibility", "members"),
            ("proposals_per_day", "1"),
            ("comments_per_hour", "30"),
        ];
        assert_eq!(
            staff.call("save_site_settings", &form).await.status(),
            403,
            "{}",
            database.kind()
        );
        assert_eq!(admin.call("save_site_settings", &form).await.status(), 200);

        assert!(
            anna.page_text("/").await.contains("Janov sever"),
            "the header"
        );
        // Public reading is off (its box was not sent): visitors are asked to sign in.
        assert_eq!(
            app.browser().call("list_proposals", &[]).await.status(),
            401
        );
        // Pre-moderation is on, and one proposal a day.
        let id: i32 = anna
            .propose(&[
                ("title", "Lavička"),
                ("body", "Text"),
                ("category", &category),
            ])
            .await
            .json()
            .await
            .expect("id");
        let detail: Value = anna
            .call("get_proposal", &[("id", &id.to_string())])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(detail["status"], "Submitted");
        let second = anna
            .propose(&[
                ("title", "Druhý"),
                ("body", "Text"),
                ("category", &category),
            ])
            .await;
        assert_ne!(second.status(), 200, "the daily limit");
        // The decision forms start with "all members".
        let open = app
            .proposal(&app.member(Role::Resident, false).await, "Hřiště", "Text")
            .await;
        let form_page = staff.page_text(&format!("/proposals/{open}/decide")).await;
        assert!(
            form_page.contains(r#"value="members" checked"#),
            "members preselected"
        );
        let log = moderation_log::Entity::find()
            .all(&app.db)
            .await
            .expect("log");
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action, "change_settings");
    }
}

#[tokio::test]
async fn bad_settings_are_named_together_and_nothing_is_stored() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let response = admin
            .call(
                "save_site_settings",
                &[
                    ("estate_name", ""),
                    ("default_eligibility", "everyone"),
                    ("proposals_per_day", "0"),
                    ("comments_per_hour", "many"),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        let body: Value = response.json().await.expect("error");
        assert_eq!(body["Invalid"]["errors"].as_array().map(Vec::len), Some(4));
        assert!(
            site_setting::Entity::find()
                .all(&app.db)
                .await
                .expect("rows")
                .is_empty()
        );
        assert!(
            moderation_log::Entity::find()
                .all(&app.db)
                .await
                .expect("log")
                .is_empty()
        );
        assert_eq!(
            app.browser().call("list_proposals", &[]).await.status(),
            200,
            "still public"
        );
    }
}
