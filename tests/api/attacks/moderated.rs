//! What moderators closed stays closed, and nobody passes for someone they are not: no edits in a
//! locked discussion or to a hidden proposal, staff write only for residents, staff posts carry a
//! badge a display name cannot imitate, and a deleted account's name cannot be taken first.
use app::domain::Role;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn a_locked_discussion_and_a_hidden_proposal_cannot_be_rewritten_by_their_authors() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let proposal = app.proposal(&anna_member, "Lavička", "U bloku 5.").await;
        let pid = proposal.to_string();
        let comment: i32 = anna
            .call(
                "add_comment",
                &[("proposal", &pid), ("text", "První verze")],
            )
            .await
            .json()
            .await
            .unwrap();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let locked = staff
            .call(
                "lock_discussion",
                &[("kind", "proposal"), ("id", &pid), ("lock", "yes")],
            )
            .await;
        assert_eq!(locked.status(), 200, "{}", database.kind());
        let edit = anna
            .call(
                "edit_comment",
                &[
                    ("comment", &comment.to_string()),
                    ("text", "Přepsáno po uzavření"),
                ],
            )
            .await;
        assert_eq!(super::error_fields(edit).await, ["text"]);
        let page = anna.page_text(&format!("/proposals/{pid}")).await;
        assert!(
            !page.contains("Přepsáno") && !page.contains(r#"id="edit-"#),
            "no edit box"
        );

        let hidden = staff
            .call(
                "hide_content",
                &[("kind", "proposal"), ("id", &pid), ("reason", "offensive")],
            )
            .await;
        assert_eq!(hidden.status(), 200);
        let rewrite = anna
            .call(
                "edit_proposal",
                &[
                    ("proposal", &pid),
                    ("title", "Něco jiného"),
                    ("body", "Přepsaný text."),
                    ("category", &category),
                ],
            )
            .await;
        assert_eq!(super::error_fields(rewrite).await, ["title"]);
        let stored = {
            use sea_orm::EntityTrait;
            app::server::entities::proposal::Entity::find_by_id(proposal)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap()
        };
        assert_eq!(stored.title, "Lavička", "unchanged");
    }
}

#[tokio::test]
async fn staff_write_only_for_residents_never_for_an_admin_or_a_colleague() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let admin = app.member(Role::Admin, false).await;
        let colleague = app.member(Role::Staff, false).await;
        let resident = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&resident, "Lavička", "U bloku 5.")
            .await
            .to_string();
        for target in [&admin, &colleague] {
            let id = target.id.to_string();
            let banner = staff.call("assisted_member", &[("member", &id)]).await;
            assert_eq!(banner.status(), 403, "{}", database.kind());
            let comment = staff
                .call(
                    "add_comment",
                    &[
                        ("proposal", &proposal),
                        ("text", "Za správce"),
                        ("for_member", &id),
                    ],
                )
                .await;
            assert_eq!(comment.status(), 403);
            let proposed = staff
                .propose(&[
                    ("title", "Za správce"),
                    ("body", "Text."),
                    ("category", &category),
                    ("for_member", &id),
                ])
                .await;
            assert_eq!(proposed.status(), 403);
        }
        let for_resident = staff
            .call(
                "add_comment",
                &[
                    ("proposal", &proposal),
                    ("text", "Za obyvatele"),
                    ("for_member", &resident.id.to_string()),
                ],
            )
            .await;
        assert_eq!(for_resident.status(), 200);
    }
}

#[tokio::test]
async fn a_display_name_cannot_pass_for_staff() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (mallory, mallory_member) = app.signed_in(Role::Resident, false).await;
        let renamed = mallory
            .call(
                "change_display_name",
                &[("display_name", "pracovník centra")],
            )
            .await;
        assert_eq!(renamed.status(), 200, "{}", database.kind());
        let proposal = app.proposal(&mallory_member, "Lavička", "U bloku 5.").await;
        let pid = proposal.to_string();
        for (browser, text) in [(&mallory, "Píše vám centrum"), (&staff, "Opravdu centrum")] {
            let added = browser
                .call("add_comment", &[("proposal", &pid), ("text", text)])
                .await;
            assert_eq!(added.status(), 200);
        }
        let page = app.browser().page_text(&format!("/proposals/{pid}")).await;
        assert_eq!(page.matches(r#"class="staff-badge""#).count(), 1, "{page}");
        let real = page.split("Opravdu centrum").next().unwrap();
        let badge_before = real.rfind(r#"class="staff-badge""#).unwrap();
        assert!(badge_before > real.rfind("Píše vám centrum").unwrap());
    }
}

#[tokio::test]
async fn a_deleted_accounts_name_cannot_be_registered_first() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        // Someone takes the name the old code gave a deleted account…
        let code = app.invite(Role::Resident, false).await.to_string();
        let taken = format!("deleted-{}", eva_member.id);
        let joined = app
            .browser()
            .call(
                "join",
                &[
                    ("code", &code),
                    ("display_name", "Past"),
                    ("username", &taken),
                    ("password", "heslo-12345"),
                ],
            )
            .await;
        assert_eq!(joined.status(), 200, "{}", database.kind());
        // …and the deletion still goes through.
        let deleted = eva
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &eva_member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200);
    }
}
