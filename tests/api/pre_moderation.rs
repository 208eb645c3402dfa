//! Pre-moderation: with it on, new proposals wait for staff (`/api/approve_content`).
use app::domain::Role;
use serde_json::Value;
use tests::{spawn_app, spawn_app_with, test_databases};

#[tokio::test]
async fn with_pre_moderation_a_new_proposal_waits_and_only_its_author_and_staff_see_it() {
    for database in test_databases() {
        let app = spawn_app_with(&database, |config| config.pre_moderation = true).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let id: i32 = anna
            .propose(&[
                ("title", "Nová lavička"),
                ("body", "Text"),
                ("category", &category),
            ])
            .await
            .json()
            .await
            .expect("id");
        let id = id.to_string();
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;

        let mine: Value = anna
            .call("get_proposal", &[("id", &id)])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(mine["status"], "Submitted", "{}", database.kind());
        assert_eq!(
            eva.call("get_proposal", &[("id", &id)]).await.status(),
            404,
            "hidden from others"
        );
        assert_eq!(
            app.browser()
                .get(&format!("/proposals/{id}"))
                .await
                .status(),
            404
        );
        let others: Value = eva
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(others["cards"].as_array().map(Vec::len), Some(0));
        let page = staff.page_text("/staff").await;
        assert!(page.contains("Nová lavička"), "staff see it waiting");

        assert_eq!(
            eva.call("approve_content", &[("kind", "proposal"), ("id", &id)])
                .await
                .status(),
            403
        );
        assert_eq!(
            app.browser()
                .call("approve_content", &[("kind", "proposal"), ("id", &id)])
                .await
                .status(),
            401
        );
        assert_eq!(
            staff
                .call("approve_content", &[("kind", "proposal"), ("id", &id)])
                .await
                .status(),
            200
        );
        assert_eq!(
            staff
                .call("approve_content", &[("kind", "proposal"), ("id", &id)])
                .await
                .status(),
            404,
            "once"
        );
        let seen: Value = eva
            .call("get_proposal", &[("id", &id)])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(seen["status"], "Open");
        assert_eq!(
            seen["history"].as_array().map(Vec::len),
            Some(2),
            "waiting, then open"
        );
    }
}

#[tokio::test]
async fn without_pre_moderation_proposals_are_open_at_once() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
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
        let detail: Value = app.browser().proposal_detail(id).await;
        assert_eq!(detail["status"], "Open", "{}", database.kind());
        let (resident, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(resident.get("/staff").await.status(), 403);
    }
}
