//! Discussing a proposal: `/api/add_comment`, `/api/edit_comment`, `/api/delete_comment`,
//! `/api/list_comments`.
use app::domain::Role;
use app::server::entities::comment;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::Value;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn members_comment_and_reply_and_everyone_reads_it() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička", "Chybí lavička.")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let response = eva
            .call(
                "add_comment",
                &[("proposal", &id), ("text", "Souhlasím! 👍\nI pro maminky.")],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let first: i32 = response.json().await.expect("id");
        let reply = eva
            .call(
                "add_comment",
                &[
                    ("proposal", &id),
                    ("text", "Odpověď"),
                    ("parent", &first.to_string()),
                ],
            )
            .await;
        let reply: i32 = reply.json().await.expect("id");
        // A reply to a reply joins the same thread: one level only.
        let deeper = eva
            .call(
                "add_comment",
                &[
                    ("proposal", &id),
                    ("text", "Ještě"),
                    ("parent", &reply.to_string()),
                ],
            )
            .await;
        assert_eq!(deeper.status(), 200);

        let list: Value = app
            .browser()
            .call("list_comments", &[("proposal", &id)])
            .await
            .json()
            .await
            .expect("list");
        let list = list.as_array().expect("comments");
        assert_eq!(list.len(), 3);
        assert_eq!(list[1]["parent_id"], first);
        assert_eq!(list[2]["parent_id"], first, "flattened to one level");
        assert_eq!(list[0]["mine"], false, "a visitor owns nothing");
        let card: Value = app
            .browser()
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(card["cards"][0]["comment_count"], 3, "counted");
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(page.contains("3 komentáře"), "Czech plural on the page");
        assert!(page.contains("Souhlasím! 👍"));
    }
}

#[tokio::test]
async fn visitors_cannot_comment_and_bad_text_is_refused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička", "Chybí lavička.")
            .await
            .to_string();
        let visitor = app
            .browser()
            .call("add_comment", &[("proposal", &id), ("text", "Ahoj")])
            .await;
        assert_eq!(visitor.status(), 401, "{}", database.kind());
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let long = "ů".repeat(1001);
        for (text, message) in [
            ("  ", "error-comment-missing"),
            (long.as_str(), "error-comment-long"),
        ] {
            let response = anna
                .call("add_comment", &[("proposal", &id), ("text", text)])
                .await;
            assert_eq!(response.status(), 422);
            let body: Value = response.json().await.expect("json");
            assert_eq!(body["Invalid"]["errors"][0]["message"], message);
        }
        let missing = anna
            .call("add_comment", &[("proposal", "99999"), ("text", "Ahoj")])
            .await;
        assert_eq!(missing.status(), 404);
        let script = anna
            .call(
                "add_comment",
                &[("proposal", &id), ("text", "<script>alert(1)</script>")],
            )
            .await;
        assert_eq!(script.status(), 200);
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(
            !page.contains("<script>alert(1)</script>"),
            "escaped on {}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn only_the_author_edits_within_15_minutes_and_deletes() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička", "Chybí lavička.")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let comment_id: i32 = eva
            .call("add_comment", &[("proposal", &id), ("text", "Překlep")])
            .await
            .json()
            .await
            .expect("id");
        let cid = comment_id.to_string();

        assert_eq!(
            staff
                .call("edit_comment", &[("comment", &cid), ("text", "Cizí")])
                .await
                .status(),
            403,
            "{}",
            database.kind()
        );
        assert_eq!(
            eva.call("edit_comment", &[("comment", &cid), ("text", "Opraveno")])
                .await
                .status(),
            200
        );
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(
            page.contains("Opraveno") && page.contains("upraveno"),
            "shown as edited"
        );

        // Sixteen minutes later the text is fixed.
        let mut late: comment::ActiveModel = comment::Entity::find_by_id(comment_id)
            .one(&app.db)
            .await
            .expect("q")
            .expect("row")
            .into();
        late.created_at = Set(Utc::now() - Duration::minutes(16));
        late.update(&app.db).await.expect("aged");
        let response = eva
            .call("edit_comment", &[("comment", &cid), ("text", "Pozdě")])
            .await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.expect("json");
        assert_eq!(
            body["Invalid"]["errors"][0]["message"],
            "error-comment-edit-late"
        );

        assert_eq!(
            staff
                .call("delete_comment", &[("comment", &cid)])
                .await
                .status(),
            403
        );
        assert_eq!(
            eva.call("delete_comment", &[("comment", &cid)])
                .await
                .status(),
            200
        );
        let list: Value = app
            .browser()
            .call("list_comments", &[("proposal", &id)])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(list[0]["deleted"], true);
        assert_eq!(
            list[0]["text"], "",
            "the text is gone from the database too"
        );
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(page.contains("Smazáno autorem."));
        let card: Value = app
            .browser()
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(card["cards"][0]["comment_count"], 0);
        assert_eq!(
            eva.call("delete_comment", &[("comment", &cid)])
                .await
                .status(),
            404,
            "once"
        );
    }
}

#[tokio::test]
async fn the_31st_comment_in_an_hour_waits() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička", "Chybí lavička.")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        for n in 0..30 {
            let text = format!("Komentář {n}");
            let response = eva
                .call("add_comment", &[("proposal", &id), ("text", &text)])
                .await;
            assert_eq!(response.status(), 200, "{n} on {}", database.kind());
        }
        let response = eva
            .call("add_comment", &[("proposal", &id), ("text", "Ještě jeden")])
            .await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.expect("json");
        assert_eq!(
            body["Invalid"]["errors"][0],
            serde_json::json!({ "field": "form", "message": "error-limit-comments" })
        );
    }
}
