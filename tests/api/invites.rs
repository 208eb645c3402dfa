//! Staff making invite codes: `/api/create_invites`, `/api/list_invites`, `/staff/invites`.
use crate::qr::decode_qr_codes;
use app::domain::{InviteCode, Role};
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn staff_make_resident_and_core_codes_that_work() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let response = staff
            .call("create_invites", &[("role", "core"), ("count", "3")])
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let codes: Vec<String> = response.json().await.expect("codes");
        assert_eq!(codes.len(), 3);
        for code in &codes {
            assert!(InviteCode::parse(code).is_ok(), "{code}");
        }
        let listed: Value = staff
            .call("list_invites", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(listed.as_array().map(Vec::len), Some(1), "one batch");
        assert_eq!(listed[0]["role_key"], "role-core");
        assert_eq!(listed[0]["codes"].as_array().map(Vec::len), Some(3));

        let join = app
            .browser()
            .call(
                "join",
                &[
                    ("code", &codes[0]),
                    ("display_name", "Nový"),
                    ("username", "novy"),
                    ("password", "dlouhé heslo"),
                ],
            )
            .await;
        assert_eq!(join.status(), 200);
        let listed: Value = staff
            .call("list_invites", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(
            listed[0]["codes"][0]["state"]["Used"], "Nový",
            "a used code says by whom"
        );
    }
}

#[tokio::test]
async fn who_may_make_which_codes_follows_the_permission_table() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let visitor = app.browser();
        let (resident, _) = app.signed_in(Role::Resident, false).await;
        let (core, _) = app.signed_in(Role::Resident, true).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        // (who, role asked for, expected status)
        let cases = [
            (&visitor, "resident", 401),
            (&resident, "resident", 403),
            (&core, "resident", 403),
            (&staff, "resident", 200),
            (&staff, "core", 200),
            (&staff, "staff", 403),
            (&staff, "admin", 403),
            (&admin, "staff", 200),
            (&admin, "admin", 200),
        ];
        for (who, role, expected) in cases {
            let response = who
                .call("create_invites", &[("role", role), ("count", "1")])
                .await;
            assert_eq!(response.status(), expected, "{role} on {}", database.kind());
        }
        assert_eq!(visitor.call("list_invites", &[]).await.status(), 401);
        assert_eq!(resident.call("list_invites", &[]).await.status(), 403);
    }
}

#[tokio::test]
async fn a_visitor_posting_the_form_is_sent_to_sign_in() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app
            .browser()
            .submit(
                "/staff/invites",
                "create_invites",
                &[("role", "resident"), ("count", "1")],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        assert_eq!(response.headers()["location"], "/login");
    }
}

#[tokio::test]
async fn a_count_outside_1_to_50_is_a_field_error() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        for count in ["0", "51", "many"] {
            let response = staff
                .call("create_invites", &[("role", "resident"), ("count", count)])
                .await;
            assert_eq!(response.status(), 422, "{count} on {}", database.kind());
            let body: Value = response.json().await.expect("json");
            assert_eq!(
                body["Invalid"]["errors"][0]["message"],
                "error-invite-count"
            );
        }
    }
}

#[tokio::test]
async fn the_invites_page_is_for_staff_only() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        // A visitor is told whose page it is and may sign in right there.
        let visitor = app.browser().get("/staff/invites").await;
        assert_eq!(visitor.status(), 401, "{}", database.kind());
        let page = visitor.text().await.expect("page");
        assert!(page.contains("pracovníci centra"), "{page}");
        assert!(
            page.contains(r#"name="username""#)
                && page.contains(r#"name="next" value="/staff/invites""#)
        );
        let (resident, _) = app.signed_in(Role::Resident, true).await;
        assert_eq!(resident.get("/staff/invites").await.status(), 403);
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        staff
            .call("create_invites", &[("role", "resident"), ("count", "2")])
            .await;
        let page = staff.get("/staff/invites").await;
        assert_eq!(page.status(), 200);
        let text = page.text().await.expect("body");
        assert_eq!(
            text.matches(r#"class="invite-code""#).count(),
            2,
            "both codes listed"
        );
        assert!(
            !text.contains("Vytvořit kódy\">staff"),
            "staff cannot pick staff"
        );
        assert!(
            !text.contains(r#"value="staff""#),
            "the staff role is not offered to staff"
        );
    }
}

#[tokio::test]
async fn a_batch_is_listed_revoked_code_by_code_and_printed_with_qr_codes_that_open_join() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let made = staff
            .call(
                "create_invites",
                &[
                    ("role", "resident"),
                    ("count", "3"),
                    ("valid_days", "7"),
                    ("note", "pro paní K."),
                ],
            )
            .await;
        assert_eq!(made.status(), 200, "{}", database.kind());
        let codes: Vec<String> = made.json().await.expect("codes");
        let listed: Value = staff
            .call("list_invites", &[])
            .await
            .json()
            .await
            .expect("list");
        let batch = &listed[0];
        assert_eq!(batch["note"], "pro paní K.");
        let week = (chrono::Utc::now().with_timezone(&chrono_tz::Europe::Prague)
            + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
        assert_eq!(batch["expires_on"], week);
        let batch_id = batch["id"].as_i64().expect("id").to_string();
        let second = batch["codes"][1]["id"].as_i64().expect("id").to_string();

        // Revoke the second code: it stops working, once.
        assert_eq!(
            staff
                .call("revoke_invite", &[("invite", &second)])
                .await
                .status(),
            200
        );
        assert_eq!(
            staff
                .call("revoke_invite", &[("invite", &second)])
                .await
                .status(),
            422
        );
        let joined = app
            .browser()
            .call(
                "join",
                &[
                    ("code", &codes[1]),
                    ("display_name", "Nový"),
                    ("username", "novy"),
                    ("password", "dlouhé heslo"),
                ],
            )
            .await;
        assert_eq!(joined.status(), 422, "a revoked code does not work");

        let page = staff
            .page_text(&format!("/staff/invites/print?batch={batch_id}"))
            .await;
        let decoded = decode_qr_codes(&page);
        assert_eq!(decoded.len(), 2, "only the usable codes are printed");
        for (url, code) in decoded.iter().zip([&codes[0], &codes[2]]) {
            assert!(url.ends_with(&format!("/join?code={code}")), "{url}");
            assert!(url.starts_with("http"), "{url}");
            assert!(page.contains(&format!("<p class=\"slip-code\">{code}</p>")));
        }
        // The address in the QR code opens the join form with the code filled in.
        let path = decoded[0]
            .split_once("/join")
            .map(|(_, rest)| format!("/join{rest}"))
            .expect("path");
        let form = app.browser().page_text(&path).await;
        assert!(
            form.contains(&format!("value=\"{}\"", codes[0])),
            "prefilled"
        );

        let actions: Vec<String> = app::server::entities::moderation_log::Entity::find()
            .all(&app.db)
            .await
            .expect("log")
            .into_iter()
            .map(|row| row.action.as_str().to_owned())
            .collect();
        assert_eq!(actions, ["create_invites", "revoke_invite"]);

        // A code past its day shows as expired and cannot be used.
        app::server::entities::invite::Entity::update_many()
            .col_expr(
                app::server::entities::invite::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
            )
            .exec(&app.db)
            .await
            .expect("expire");
        let listed: Value = staff
            .call("list_invites", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(listed[0]["codes"][0]["state"], "Expired");
        assert_eq!(listed[0]["codes"][1]["state"], "Revoked");
        let late = app
            .browser()
            .call(
                "join",
                &[
                    ("code", &codes[2]),
                    ("display_name", "Pozdě"),
                    ("username", "pozde"),
                    ("password", "dlouhé heslo"),
                ],
            )
            .await;
        assert_eq!(late.status(), 422);
        assert!(
            staff
                .page_text(&format!("/staff/invites/print?batch={batch_id}"))
                .await
                .contains("už není žádný nepoužitý kód")
        );
    }
}

#[tokio::test]
async fn staff_cannot_revoke_a_staff_code_and_a_note_is_short() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        admin
            .call("create_invites", &[("role", "staff"), ("count", "1")])
            .await;
        let listed: Value = staff
            .call("list_invites", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(
            listed,
            serde_json::json!([]),
            "staff never see a staff code"
        );
        let id = {
            use app::server::entities::invite;
            use sea_orm::EntityTrait;
            invite::Entity::find()
                .one(&app.db)
                .await
                .expect("query")
                .expect("the staff code")
                .id
                .to_string()
        };
        assert_eq!(
            staff
                .call("revoke_invite", &[("invite", &id)])
                .await
                .status(),
            403,
            "{}",
            database.kind()
        );
        let long = "x".repeat(201);
        let response = staff
            .call(
                "create_invites",
                &[("role", "resident"), ("count", "0"), ("note", &long)],
            )
            .await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.expect("json");
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, ["count", "note"], "both at once");
    }
}
