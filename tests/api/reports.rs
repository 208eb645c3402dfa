//! Reporting a proposal or a comment: `/api/report_content`.
use app::domain::Role;
use app::server::entities::report;
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn a_member_reports_a_proposal_and_a_comment_once_each() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Telefon", "Volejte 777 123 456")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let comment: i32 = eva
            .call("add_comment", &[("proposal", &id), ("text", "Spam spam")])
            .await
            .json()
            .await
            .expect("id");
        let (filip, _) = app.signed_in(Role::Resident, false).await;

        let response = filip
            .call(
                "report_content",
                &[
                    ("kind", "proposal"),
                    ("id", &id),
                    ("reason", "personal_information"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        // Twice is once.
        filip
            .call(
                "report_content",
                &[("kind", "proposal"), ("id", &id), ("reason", "spam")],
            )
            .await;
        let cid = comment.to_string();
        let response = filip
            .call(
                "report_content",
                &[
                    ("kind", "comment"),
                    ("id", &cid),
                    ("reason", "other"),
                    ("note", "Reklama na půjčky"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200);

        let stored = report::Entity::find().all(&app.db).await.expect("reports");
        assert_eq!(stored.len(), 2, "one report per item");
        assert!(stored.iter().any(|r| r.target_kind.as_str() == "comment"
            && r.note.as_deref() == Some("Reklama na půjčky")));

        let page = filip.page_text(&format!("/proposals/{id}")).await;
        assert_eq!(
            page.matches("Nahlášeno. Moderátoři se na to podívají.")
                .count(),
            2,
            "both show as reported"
        );
    }
}

#[tokio::test]
async fn reports_need_a_member_a_reason_and_for_other_a_note() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Něco", "Text").await.to_string();
        let visitor = app
            .browser()
            .call(
                "report_content",
                &[("kind", "proposal"), ("id", &id), ("reason", "spam")],
            )
            .await;
        assert_eq!(visitor.status(), 401, "{}", database.kind());
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        for (form, field, message) in [
            (
                vec![("kind", "proposal"), ("id", id.as_str())],
                "reason",
                "error-report-reason",
            ),
            (
                vec![
                    ("kind", "proposal"),
                    ("id", id.as_str()),
                    ("reason", "other"),
                ],
                "note",
                "error-report-note-missing",
            ),
        ] {
            let response = eva.call("report_content", &form).await;
            assert_eq!(response.status(), 422);
            let body: Value = response.json().await.expect("json");
            assert_eq!(body["Invalid"]["errors"][0]["field"], field);
            assert_eq!(body["Invalid"]["errors"][0]["message"], message);
        }
        let unknown = eva
            .call(
                "report_content",
                &[("kind", "proposal"), ("id", "99999"), ("reason", "spam")],
            )
            .await;
        assert_eq!(unknown.status(), 404);
        let bad_kind = eva
            .call(
                "report_content",
                &[("kind", "member"), ("id", &id), ("reason", "spam")],
            )
            .await;
        assert_eq!(bad_kind.status(), 400);
        assert!(
            report::Entity::find()
                .all(&app.db)
                .await
                .expect("reports")
                .is_empty(),
            "nothing stored"
        );
    }
}
