//! Acting for a resident who is present and asks: what staff write is stored as the member's,
//! marked "written with the help of", and logged in the same transaction.
use app::domain::Role;
use app::server::entities::{comment, moderation_log, proposal};
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn staff_write_a_proposal_and_a_comment_for_a_member_who_asks() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let anna = app.member(Role::Resident, false).await;
        let for_anna = anna.id.to_string();

        let made = staff
            .propose(&[
                ("title", "Světlo u vchodu"),
                ("body", "Večer je tam tma."),
                ("category", &category),
                ("for_member", &for_anna),
            ])
            .await;
        assert_eq!(made.status(), 200, "{}", database.kind());
        let id: i32 = made.json().await.expect("id");
        let stored = proposal::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("proposal");
        assert_eq!(stored.author_id, anna.id, "stored as hers");
        assert_eq!(stored.assisted_by, Some(staff_member.id));
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(
            page.contains("Napsáno s pomocí: Člen "),
            "the help is shown"
        );

        let comment_id: i32 = staff
            .call(
                "add_comment",
                &[
                    ("proposal", &id.to_string()),
                    ("text", "Prosím brzy."),
                    ("for_member", &for_anna),
                ],
            )
            .await
            .json()
            .await
            .expect("id");
        let stored = comment::Entity::find_by_id(comment_id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("comment");
        assert_eq!(stored.author_id, anna.id);
        assert_eq!(stored.assisted_by, Some(staff_member.id));

        let log = moderation_log::Entity::find()
            .all(&app.db)
            .await
            .expect("log");
        assert_eq!(log.len(), 2);
        assert!(
            log.iter()
                .all(|row| row.action.as_str() == "write_for_member"
                    && row.member_id == Some(anna.id)
                    && row.staff_id == staff_member.id)
        );
    }
}

#[tokio::test]
async fn only_staff_write_for_others_and_never_for_a_suspended_member() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app
            .proposal(&author, "Lavička", "U bloku 5")
            .await
            .to_string();
        let (resident, _) = app.signed_in(Role::Resident, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let anna = app.member(Role::Resident, false).await;
        let for_anna = anna.id.to_string();
        let by_resident = resident
            .call(
                "add_comment",
                &[
                    ("proposal", &pid),
                    ("text", "Za Annu"),
                    ("for_member", &for_anna),
                ],
            )
            .await;
        assert_eq!(by_resident.status(), 403, "{}", database.kind());
        app.suspend(&anna, chrono::Duration::days(1), "Zkouška")
            .await;
        let for_suspended = staff
            .call(
                "add_comment",
                &[
                    ("proposal", &pid),
                    ("text", "Za Annu"),
                    ("for_member", &for_anna),
                ],
            )
            .await;
        assert_eq!(for_suspended.status(), 403);
        let body: Value = for_suspended.json().await.expect("error");
        assert_eq!(body, "Suspended");
        assert!(
            comment::Entity::find()
                .all(&app.db)
                .await
                .expect("comments")
                .is_empty(),
            "nothing stored"
        );
        let page = staff
            .page_text(&format!("/staff/assist?member={for_anna}"))
            .await;
        assert!(page.contains("Napsat za člena"), "{page}");
        assert_eq!(
            resident
                .get(&format!("/staff/assist?member={for_anna}"))
                .await
                .status(),
            403
        );
    }
}
