//! Outcomes through HTTP: only staff publish and update them, only on decided proposals; bad
//! input stores nothing; "What changed" and the proposal's page show them; each change is logged.
use app::domain::Role;
use app::server::entities::{moderation_log, notification, outcome, outcome_photo, outcome_update};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use tests::{Browser, TestApp, png, spawn_app, test_databases};

fn outcome_form(
    proposal: &str,
    stage: &str,
    reason: &str,
    due: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("proposal", proposal.to_owned()),
        ("summary", "Lavičku opraví město.".to_owned()),
        ("who_does", "Technické služby".to_owned()),
        ("due_on", due.to_owned()),
        ("stage", stage.to_owned()),
        ("reason", reason.to_owned()),
    ]
}

async fn publish(browser: &Browser, form: &[(&'static str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.call("publish_outcome", &pairs).await
}

async fn fields(response: reqwest::Response) -> Vec<String> {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.expect("error");
    body["Invalid"]["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn count_outcomes(app: &TestApp) -> u64 {
    outcome::Entity::find().count(&app.db).await.expect("count")
}

#[tokio::test]
async fn staff_publish_an_outcome_on_a_decided_proposal_and_everyone_sees_it() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička u zastávky", "Nemáme kde sedět.")
            .await;
        let pid = id.to_string();
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let good = outcome_form(&pid, "planned", "", "2027-03-31");

        // Not decided yet: no outcome.
        assert_eq!(
            fields(publish(&staff, &good).await).await,
            ["outcome"],
            "{}",
            database.kind()
        );
        app.accept_in_meeting(&staff, id).await;

        let (resident, _) = app.signed_in(Role::Resident, true).await;
        assert_eq!(publish(&resident, &good).await.status(), 403);
        assert_eq!(publish(&app.browser(), &good).await.status(), 401);

        // Every message at once, and nothing kept.
        let bad = outcome_form(&pid, "not_possible", " ", "31. 3.");
        assert_eq!(
            fields(publish(&staff, &bad).await).await,
            ["due_on", "reason"]
        );
        assert_eq!(count_outcomes(&app).await, 0);

        assert_eq!(publish(&staff, &good).await.status(), 200);
        let shown: Value = resident
            .call("get_outcome", &[("proposal", &pid)])
            .await
            .json()
            .await
            .expect("outcome");
        assert_eq!(shown["stage"], "Planned");
        assert_eq!(shown["who_does"], "Technické služby");
        assert_eq!(shown["due_on"], "2027-03-31");

        let page = app.browser().page_text("/outcomes").await;
        assert!(page.contains("Lavička u zastávky"), "{page}");
        assert!(
            page.contains("Letos hotovo: 0. Pracuje se: 0. Naplánováno: 1. Nejde to: 0."),
            "{page}"
        );
        let proposal_page = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(proposal_page.contains("Co bude dál"));
        assert!(proposal_page.contains("Lavičku opraví město."));
        // What happens next is said right under the title, next to the "accepted" badge, not
        // only two screens further down.
        let glance = proposal_page
            .find(r#"class="outcome-glance""#)
            .expect("the outcome at a glance");
        let history = proposal_page.find(r#"id="history""#).expect("the history");
        assert!(glance < history, "{proposal_page}");
        assert!(proposal_page[glance..history].contains("Co bude dál: naplánováno."));
        assert!(
            !proposal_page.contains("Opravit, co bude dál"),
            "no staff form for visitors"
        );
        assert!(
            staff
                .page_text(&format!("/proposals/{id}"))
                .await
                .contains("Opravit, co bude dál")
        );

        // Correcting it keeps one outcome, and says "not possible" with its reason.
        let correction = outcome_form(&pid, "not_possible", "Pozemek není města.", "");
        assert_eq!(publish(&staff, &correction).await.status(), 200);
        assert_eq!(count_outcomes(&app).await, 1);
        let row = outcome::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_eq!(row.stage.as_str(), "not_possible");
        assert_eq!(
            row.not_possible_reason.as_deref(),
            Some("Pozemek není města.")
        );
        assert_eq!(row.due_on, None);

        let actions: Vec<String> = moderation_log::Entity::find()
            .filter(moderation_log::Column::StaffId.eq(staff_member.id))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action.as_str().to_owned())
            .collect();
        assert_eq!(actions, ["publish_outcome", "update_outcome"]);
        // The staff log says it in words and dates, not in stored codes.
        let log = staff.page_text("/staff/log").await;
        assert!(log.contains("nejde to udělat"), "{log}");
        assert!(!log.contains("not_possible"), "{log}");
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        assert!(!log.contains(&format!(">{today}")), "no ISO dates: {log}");
        let counts = app.browser().page_text("/outcomes").await;
        assert!(counts.contains("Nejde to: 1."), "{counts}");
        // Filtered by stage and category.
        let filtered = app.browser().page_text("/outcomes?stage=done").await;
        assert!(!filtered.contains("Lavička u zastávky"));
        let filtered = app
            .browser()
            .page_text("/outcomes?stage=not_possible")
            .await;
        assert!(filtered.contains("Lavička u zastávky"));
        // And by category: the proposal is in the first one, so not in any other.
        let category = app.first_category().await;
        let in_category = app
            .browser()
            .page_text(&format!("/outcomes?category={category}"))
            .await;
        assert!(in_category.contains("Lavička u zastávky"));
        let elsewhere = app
            .browser()
            .page_text(&format!("/outcomes?category={}", category + 1))
            .await;
        assert!(!elsewhere.contains("Lavička u zastávky"));
    }
}

#[tokio::test]
async fn an_update_with_a_photo_moves_the_stage_and_a_refused_one_keeps_nothing() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Houpačka", "Má prasklý řetěz.").await;
        let pid = id.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        app.accept_in_meeting(&staff, id).await;
        let update = [
            ("proposal", pid.as_str()),
            ("body", "Hotovo, houpe se."),
            ("stage", "done"),
        ];

        // An update needs a published outcome first.
        let early = staff
            .call_multipart("add_outcome_update", &update, vec![])
            .await;
        assert_eq!(fields(early).await, ["outcome"], "{}", database.kind());
        assert_eq!(
            publish(&staff, &outcome_form(&pid, "in_progress", "", ""))
                .await
                .status(),
            200
        );

        let (resident, _) = app.signed_in(Role::Resident, false).await;
        let refused = resident
            .call_multipart("add_outcome_update", &update, vec![("a.png", png(40, 30))])
            .await;
        assert_eq!(refused.status(), 403);
        let refused = app
            .browser()
            .call_multipart("add_outcome_update", &update, vec![])
            .await;
        assert_eq!(refused.status(), 401);

        // A bad photo and no words: both messages, no update, no file.
        let bad = staff
            .call_multipart(
                "add_outcome_update",
                &[("proposal", pid.as_str()), ("body", " "), ("stage", "done")],
                vec![("x.png", b"not a photo".to_vec())],
            )
            .await;
        assert_eq!(fields(bad).await, ["body", "photo-1"]);
        assert_eq!(
            outcome_update::Entity::find().count(&app.db).await.unwrap(),
            0
        );
        let files = std::fs::read_dir(app.uploads_dir())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(files, 0);

        let done = staff
            .call_multipart(
                "add_outcome_update",
                &update,
                vec![("teď.png", png(400, 300))],
            )
            .await;
        assert_eq!(done.status(), 200);
        let row = outcome::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_eq!(row.stage.as_str(), "done");
        assert_eq!(
            outcome_photo::Entity::find().count(&app.db).await.unwrap(),
            1
        );
        let shown: Value = app
            .browser()
            .call("get_outcome", &[("proposal", &pid)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(shown["updates"][0]["stage"], "Done");
        assert_eq!(
            shown["updates"][0]["photos"].as_array().map(Vec::len),
            Some(1)
        );
        assert!(
            shown["after"]["url"]
                .as_str()
                .is_some_and(|u| u.ends_with(".jpg"))
        );
        let page = app.browser().page_text("/outcomes").await;
        assert!(page.contains("Letos hotovo: 1."), "{page}");
        assert!(page.contains("Teď"), "{page}");
    }
}

#[tokio::test]
async fn staff_publishing_at_once_make_one_outcome_and_one_notification_each() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Koše", "Víc košů.").await;
        let pid = id.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (other_staff, _) = app.signed_in(Role::Staff, false).await;
        let (supporter, supporter_member) = app.signed_in(Role::Resident, false).await;
        supporter
            .call("support_proposal", &[("proposal", &pid), ("want", "yes")])
            .await;
        app.accept_in_meeting(&staff, id).await;
        let form = outcome_form(&pid, "planned", "", "");
        let calls = (0..6).map(|n| publish(if n % 2 == 0 { &staff } else { &other_staff }, &form));
        for response in futures::future::join_all(calls).await {
            assert_eq!(response.status(), 200, "{}", database.kind());
        }
        assert_eq!(count_outcomes(&app).await, 1);
        app.news_handed_out().await;
        for member in [author.id, supporter_member.id] {
            let told = notification::Entity::find()
                .filter(notification::Column::MemberId.eq(member))
                .filter(notification::Column::Kind.eq("outcome_published"))
                .count(&app.db)
                .await
                .unwrap();
            assert_eq!(told, 1, "member {member} on {}", database.kind());
        }
    }
}

#[tokio::test]
async fn a_hidden_proposals_outcome_leaves_the_list_and_its_counts() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let mut ids = Vec::new();
        for title in ["Koše u školy", "Lampa u garáží"] {
            let id = app.proposal(&author, title, "Text.").await;
            app.accept_in_meeting(&staff, id).await;
            let form = outcome_form(&id.to_string(), "planned", "", "");
            assert_eq!(publish(&staff, &form).await.status(), 200);
            ids.push(id);
        }
        let page = app.browser().page_text("/outcomes").await;
        assert!(page.contains("Koše u školy") && page.contains("Lampa u garáží"));
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &ids[1].to_string()),
                    ("reason", "other"),
                    ("written", "Zkouška"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200, "{}", database.kind());
        let page = app.browser().page_text("/outcomes").await;
        assert!(page.contains("Koše u školy"), "{page}");
        assert!(!page.contains("Lampa u garáží"), "{page}");
        let planned = app.browser().page_text("/outcomes?stage=planned").await;
        assert!(!planned.contains("Lampa u garáží"));
    }
}
