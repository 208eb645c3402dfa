//! Secrets that open a role: staff must never see, print or revoke a code for a role they may not
//! create (invite codes, password-reset codes), through any read path.
use app::domain::Role;
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn staff_cannot_list_print_or_revoke_codes_that_make_staff_or_admins() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let mut secret_codes = Vec::new();
        for role in ["admin", "staff"] {
            let made: Vec<String> = admin
                .call("create_invites", &[("role", role), ("count", "2")])
                .await
                .json()
                .await
                .expect("codes");
            secret_codes.extend(made);
        }
        let resident_codes: Vec<String> = staff
            .call("create_invites", &[("role", "resident"), ("count", "1")])
            .await
            .json()
            .await
            .expect("codes");
        // Staff may not make them either.
        for role in ["admin", "staff"] {
            let refused = staff
                .call("create_invites", &[("role", role), ("count", "1")])
                .await;
            assert_eq!(refused.status(), 403, "{role} on {}", database.kind());
        }

        let listed = staff.call("list_invites", &[]).await.text().await.unwrap();
        let page = staff.page_text("/staff/invites").await;
        assert!(listed.contains(&resident_codes[0]), "{listed}");
        assert!(page.contains(&resident_codes[0]));
        let admin_listed: Value = admin.call("list_invites", &[]).await.json().await.unwrap();
        let mut batches = Vec::new();
        for batch in admin_listed.as_array().expect("batches") {
            batches.push(batch["id"].as_i64().expect("batch id"));
        }
        assert_eq!(batches.len(), 3, "the admin sees all three batches");
        for batch in &batches {
            let path = format!("/staff/invites/print?batch={batch}");
            let print = staff.page_text(&path).await;
            let slips = staff
                .call("invite_slips", &[("batch", &batch.to_string())])
                .await
                .text()
                .await
                .unwrap();
            for code in &secret_codes {
                for text in [&listed, &page, &print, &slips] {
                    assert!(!text.contains(code.as_str()), "{code} shown to staff");
                }
            }
        }
        // Revoking one by its id is refused, and the code still works for the admin's invitee.
        let ids = {
            use app::server::entities::invite;
            use sea_orm::{ColumnTrait, QueryFilter};
            invite::Entity::find()
                .filter(invite::Column::Role.ne("resident"))
                .all(&app.db)
                .await
                .unwrap()
        };
        for row in ids {
            let refused = staff
                .call("revoke_invite", &[("invite", &row.id.to_string())])
                .await;
            assert_eq!(refused.status(), 403);
            assert!(
                app::server::entities::invite::Entity::find_by_id(row.id)
                    .one(&app.db)
                    .await
                    .unwrap()
                    .is_some_and(|r| r.revoked_at.is_none()),
                "not revoked"
            );
        }
    }
}

#[tokio::test]
async fn staff_cannot_see_or_make_a_reset_code_for_staff_or_an_admin() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let colleague = app.member(Role::Staff, false).await;
        let resident = app.member(Role::Resident, false).await;
        // An admin makes a reset code for the staff colleague; staff must not find it.
        let made = admin
            .call("make_reset_code", &[("member", &colleague.id.to_string())])
            .await;
        assert_eq!(made.status(), 200, "{}", database.kind());
        let code = app::server::entities::invite::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|row| row.reset_for == Some(colleague.id))
            .expect("the reset code")
            .code;
        let shown = app::domain::InviteCode::parse(&code).unwrap().to_string();
        let members = staff
            .call("search_members", &[("q", "")])
            .await
            .text()
            .await
            .unwrap();
        let page = staff.page_text("/staff/members").await;
        assert!(
            !members.contains(&shown) && !page.contains(&shown),
            "{members}"
        );
        assert!(
            page.contains(&colleague.username),
            "the colleague is listed"
        );
        // Making one themselves is refused too; for a resident it works and shows.
        let refused = staff
            .call("make_reset_code", &[("member", &colleague.id.to_string())])
            .await;
        assert_eq!(refused.status(), 403);
        let ok = staff
            .call("make_reset_code", &[("member", &resident.id.to_string())])
            .await;
        assert_eq!(ok.status(), 200);
        let listed: Value = staff
            .call("search_members", &[("q", &resident.username)])
            .await
            .json()
            .await
            .unwrap();
        assert!(listed[0]["reset_code"].is_string(), "{listed}");
    }
}
