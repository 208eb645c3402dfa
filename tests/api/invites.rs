//! Staff making invite codes: `/api/create_invites`, `/api/list_invites`, `/staff/invites`.
use app::domain::{InviteCode, Role};
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
        assert_eq!(listed.as_array().map(Vec::len), Some(3));
        assert_eq!(listed[0]["role_key"], "role-core");

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
            listed.as_array().map(Vec::len),
            Some(2),
            "a used code leaves the list"
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
        let visitor = app.browser().get("/staff/invites").await;
        assert_eq!(visitor.status(), 302, "{}", database.kind());
        assert_eq!(
            visitor.headers()["location"],
            "/login?next=%2Fstaff%2Finvites"
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
