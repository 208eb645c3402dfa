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
            ("site_name", "Náš Janov"),
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

        let home = anna.page_text("/").await;
        assert!(home.contains("Janov sever"), "the header");
        assert!(
            home.contains(r#"<span class="brand-name">Náš Janov</span>"#),
            "the site's name"
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
        let detail: Value = anna.proposal_detail(id).await;
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
        assert_eq!(log[0].action.as_str(), "change_settings");
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
        // The site's name (not sent), the estate's, who votes, and both limits.
        assert_eq!(body["Invalid"]["errors"].as_array().map(Vec::len), Some(5));
        // No setting stored (the site's own secrets, such as the push key made at start, are
        // kept in the same table and are not settings).
        let secrets = ["cookie_key", "push_vapid_key"];
        assert!(
            site_setting::Entity::find()
                .all(&app.db)
                .await
                .expect("rows")
                .iter()
                .all(|row| secrets.contains(&row.key.as_str()))
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

#[tokio::test]
async fn on_the_kiosk_tablet_an_idle_member_is_signed_out_and_a_forged_mark_does_nothing() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let marked = admin.call("set_kiosk", &[("minutes", "5")]).await;
        assert_eq!(marked.status(), 200, "{}", database.kind());
        let set_cookie = marked.headers()["set-cookie"]
            .to_str()
            .expect("cookie")
            .to_owned();
        assert!(set_cookie.starts_with("kiosk="), "{set_cookie}");
        let page = admin.page_text("/").await;
        assert!(page.contains("kiosk-sign-out"), "the big sign-out button");
        assert!(
            page.contains(r#"http-equiv="refresh" content="305""#),
            "reloads when idle"
        );
        assert_eq!(
            admin.call("set_kiosk", &[("minutes", "0")]).await.status(),
            422
        );

        // A hand-made, unsigned mark is ignored.
        let (forger, _) = app.signed_in(Role::Resident, false).await;
        let url = reqwest::Url::parse(&app.base_url).expect("url");
        forger.jar.add_cookie_str("kiosk=2; Path=/", &url);
        assert!(!forger.page_text("/").await.contains("kiosk-sign-out"));

        // A truly signed mark of two seconds: idle longer, and the member is signed out.
        let key = app::server::infra::signing_key::key(&app.db)
            .await
            .expect("key");
        let mut jar = cookie::CookieJar::new();
        jar.signed_mut(&key).add(cookie::Cookie::new("kiosk", "2"));
        let signed = jar.get("kiosk").expect("signed").value().to_owned();
        let (tablet, member) = app.signed_in(Role::Resident, false).await;
        tablet
            .jar
            .add_cookie_str(&format!("kiosk={signed}; Path=/"), &url);
        let active = tablet.page_text("/").await;
        assert!(
            active.contains("kiosk-sign-out"),
            "signed in, on the tablet"
        );
        assert!(
            tablet.page_text("/").await.contains("kiosk-sign-out"),
            "still active"
        );
        tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
        let after = tablet.page_text("/").await;
        assert!(
            !after.contains("kiosk-sign-out"),
            "signed out after the idle time"
        );
        assert!(after.contains(r#"href="/login""#));
        assert!(!after.contains(&member.username));
    }
}

#[tokio::test]
async fn admins_add_edit_and_archive_categories_and_places() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        app.first_category().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let new_category = [
            ("id", "0"),
            ("name_cs", "Sport"),
            ("name_en", "Sport"),
            ("icon", "people"),
            ("colour", "#123ABC"),
            ("position", "50"),
        ];
        assert_eq!(
            staff.call("save_category", &new_category).await.status(),
            403,
            "{}",
            database.kind()
        );
        assert_eq!(
            admin.call("save_category", &new_category).await.status(),
            200
        );
        let bad = admin
            .call(
                "save_category",
                &[
                    ("id", "0"),
                    ("name_cs", " "),
                    ("icon", "rocket"),
                    ("colour", "red"),
                    ("position", "5000"),
                ],
            )
            .await;
        assert_eq!(bad.status(), 422);
        let body: Value = bad.json().await.expect("error");
        assert_eq!(body["Invalid"]["errors"].as_array().map(Vec::len), Some(4));

        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let offered = choices(&anna).await;
        let sport = offered["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .find(|c| c["name"] == "Sport")
            .expect("the new category is offered")
            .clone();
        let id = sport["id"].as_i64().expect("id").to_string();
        let mut archived = new_category.to_vec();
        archived[0] = ("id", &id);
        archived.push(("archived", "on"));
        assert_eq!(admin.call("save_category", &archived).await.status(), 200);
        let offered = choices(&anna).await;
        assert!(
            !offered["categories"]
                .as_array()
                .expect("categories")
                .iter()
                .any(|c| c["name"] == "Sport"),
            "archived: no longer offered"
        );

        let place = [
            ("id", "0"),
            ("name", "Hřiště u pětky"),
            ("description", "Za blokem 5"),
            ("position", "1"),
        ];
        assert_eq!(admin.call("save_place", &place).await.status(), 200);
        let offered = choices(&anna).await;
        assert!(offered["places"].to_string().contains("Hřiště u pětky"));
        assert_eq!(
            admin
                .call(
                    "save_place",
                    &[("id", "0"), ("name", ""), ("position", "1")]
                )
                .await
                .status(),
            422
        );
        let log = moderation_log::Entity::find()
            .all(&app.db)
            .await
            .expect("log");
        assert_eq!(log.len(), 3, "two category saves and one place");
        assert!(
            admin
                .page_text("/admin/categories")
                .await
                .contains("Hřiště u pětky")
        );
    }
}

async fn choices(browser: &tests::Browser) -> Value {
    browser
        .call("get_proposal_choices", &[])
        .await
        .json::<Value>()
        .await
        .expect("choices")
}
