//! Open data and staff exports through HTTP: every answer of `/api/v1/` matches the OpenAPI
//! document the server publishes; a private site asks for a member; no answer or file holds a
//! person's vote or anything not public; the CSV files keep Czech letters for Excel.
use app::domain::{Eligibility, Role};
use serde_json::{Value, json};
use tests::{Browser, TestApp, spawn_app, test_databases};

/// Checks `answer` against the document's schema `name`; fails with every mismatch.
fn assert_matches(document: &Value, name: &str, answer: &Value) {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": document["components"],
    });
    let validator = jsonschema::validator_for(&schema).expect("the document's schemas compile");
    let errors: Vec<String> = validator
        .iter_errors(answer)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}\n{answer}");
}

async fn get_json(browser: &Browser, path: &str) -> (u16, Value) {
    let response = browser.get(path).await;
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

async fn seeded(database: &tests::TestDatabase) -> TestApp {
    let app = spawn_app(database).await;
    app::server::demo::seed(&app.db, app.files.as_ref())
        .await
        .expect("demo");
    app
}

#[tokio::test]
async fn every_answer_matches_the_published_openapi_document() {
    for database in test_databases() {
        let app = seeded(&database).await;
        let visitor = app.browser();
        let (status, document) = get_json(&visitor, "/api/v1/openapi.json").await;
        assert_eq!(status, 200, "{}", database.kind());
        assert!(
            document["openapi"]
                .as_str()
                .is_some_and(|v| v.starts_with("3.1"))
        );
        for (path, schema) in [
            ("/api/v1/proposals", "ProposalPage"),
            ("/api/v1/outcomes", "OutcomePage"),
            ("/api/v1/decisions", "DecisionPage"),
        ] {
            assert!(
                document["paths"][path]["get"].is_object(),
                "{path} is documented"
            );
            for page in ["?per_page=2", "?per_page=2&page=2", "", "?per_page=500"] {
                let (status, answer) = get_json(&visitor, &format!("{path}{page}")).await;
                assert_eq!(status, 200, "{path}{page}");
                assert_matches(&document, schema, &answer);
            }
        }
        // Paging: the 12 demo proposals, all public, in pages of 5.
        let (_, first) = get_json(&visitor, "/api/v1/proposals?per_page=5").await;
        assert_eq!(first["paging"]["total"], 12, "{}", first["paging"]);
        assert_eq!(first["paging"]["next_page"], 2);
        let (_, last) = get_json(&visitor, "/api/v1/proposals?per_page=5&page=3").await;
        assert_eq!(last["items"].as_array().map(Vec::len), Some(2));
        assert_eq!(last["paging"]["next_page"], Value::Null);
        let (_, outcomes) = get_json(&visitor, "/api/v1/outcomes").await;
        let stages: Vec<&str> = outcomes["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["stage"].as_str())
            .collect();
        for stage in ["planned", "in_progress", "done", "not_possible"] {
            assert!(stages.contains(&stage), "{stage} in {stages:?}");
        }
    }
}

#[tokio::test]
async fn a_private_site_answers_only_members() {
    for database in test_databases() {
        let app = seeded(&database).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let private = [
            ("site_name", "Spolu"),
            ("estate_name", "Janov"),
            ("default_eligibility", "core"),
            ("proposals_per_day", "5"),
            ("comments_per_hour", "30"),
        ];
        assert_eq!(
            admin.call("save_site_settings", &private).await.status(),
            200
        );
        let (_, document) = get_json(&app.browser(), "/api/v1/openapi.json").await;
        for path in ["/api/v1/proposals", "/api/v1/outcomes", "/api/v1/decisions"] {
            let (status, answer) = get_json(&app.browser(), path).await;
            assert_eq!(status, 401, "{path} on {}", database.kind());
            assert_matches(&document, "ApiError", &answer);
            assert_eq!(answer["error"], "sign_in_required");
            let (member, _) = app.signed_in(Role::Resident, false).await;
            assert_eq!(get_json(&member, path).await.0, 200, "{path}");
        }
    }
}

#[tokio::test]
async fn no_answer_or_file_holds_a_vote_or_anything_not_public() {
    for database in test_databases() {
        let app = seeded(&database).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, true).await;
        let staff_member = app.member(Role::Staff, false).await;
        let (open, _) = app
            .open_decision(&staff_member, Eligibility::CoreGroup, 1)
            .await;
        let voted = eva
            .call(
                "cast_vote",
                &[("decision", &open.to_string()), ("choice", "no")],
            )
            .await;
        assert_eq!(voted.status(), 200, "{}", database.kind());
        let hidden = app
            .proposal(&eva_member, "Tajný návrh", "Skrytý text.")
            .await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &hidden.to_string()),
                    ("reason", "spam"),
                ],
            )
            .await;

        let visitor = app.browser();
        let (_, decisions) = get_json(&visitor, "/api/v1/decisions?per_page=100").await;
        let ids: Vec<i64> = decisions["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["id"].as_i64())
            .collect();
        assert!(
            !ids.contains(&i64::from(open)),
            "an open decision has no result yet"
        );
        for item in decisions["items"].as_array().unwrap() {
            let keys: Vec<&str> = item
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert!(
                !keys.iter().any(|k| k.contains("member")
                    || k.contains("voter_id")
                    || k.contains("choice")),
                "{keys:?}"
            );
        }
        let (_, proposals) = get_json(&visitor, "/api/v1/proposals?per_page=100").await;
        let everything = format!("{decisions}{proposals}");
        assert!(!everything.contains("Tajný návrh") && !everything.contains("Skrytý text."));
        assert!(!everything.contains(&eva_member.username));
        assert!(!everything.contains("Dana Horáková"), "no author names");

        let decisions_csv = staff
            .get("/staff/exports/decisions.csv")
            .await
            .text()
            .await
            .unwrap();
        assert!(!decisions_csv.contains(&eva_member.username));
        assert!(
            !decisions_csv.contains("Člen"),
            "no member names in the results"
        );
    }
}

#[tokio::test]
async fn staff_download_csv_files_that_keep_czech_letters() {
    for database in test_databases() {
        let app = seeded(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        for (file, expect) in [
            ("proposals.csv", "Přechod u školy"),
            ("outcomes.csv", "Houpačku opraví správce hřiště."),
            ("decisions.csv", "Opravit houpačku na hřišti"),
        ] {
            let response = staff.get(&format!("/staff/exports/{file}")).await;
            assert_eq!(response.status(), 200, "{file} on {}", database.kind());
            assert_eq!(
                response.headers()["content-type"],
                "text/csv; charset=utf-8"
            );
            assert!(
                response.headers()["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment")
            );
            let bytes = response.bytes().await.unwrap();
            assert_eq!(
                &bytes[..3],
                [0xEF, 0xBB, 0xBF],
                "{file} starts with the byte-order mark"
            );
            let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
            assert!(text.contains(expect), "{file}: {text}");
        }
        let decisions = staff
            .get("/staff/exports/decisions.csv")
            .await
            .text()
            .await
            .unwrap();
        let header = decisions
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        assert_eq!(
            header,
            "hlasování,název,způsob,kdo hlasoval,uzavřeno,oprávněných,hlasovalo,kvórum,výsledek,návrh,název návrhu,ano,ne,zdržel se,body"
        );

        let (resident, _) = app.signed_in(Role::Resident, true).await;
        assert_eq!(
            resident.get("/staff/exports/proposals.csv").await.status(),
            403
        );
        let visitor = app.browser().get("/staff/exports/proposals.csv").await;
        assert!(visitor.status().is_redirection());
        assert_eq!(
            staff.get("/staff/exports/passwords.csv").await.status(),
            404
        );
    }
}

#[tokio::test]
async fn an_export_longer_than_a_page_holds_every_row_once_in_order() {
    use app::domain::ProposalStatus;
    use app::server::entities::proposal;
    use sea_orm::{EntityTrait, Set};
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let category = app.proposal(&author, "První", "Začátek.").await;
        let category = proposal::Entity::find_by_id(category)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .category_id;
        // 2 500 more than the first: two full pages of a thousand and a part one, inserted in
        // bulk (the app's own path would take minutes).
        for chunk in (0..2_500).collect::<Vec<i32>>().chunks(500) {
            let at = chrono::Utc::now();
            proposal::Entity::insert_many(chunk.iter().map(|n| proposal::ActiveModel {
                author_id: Set(author.id),
                title: Set(format!("=Návrh {n}")),
                body: Set("Text.".into()),
                search_text: Set(format!("navrh {n}")),
                category_id: Set(category),
                place_id: Set(None),
                status: Set(ProposalStatus::Open),
                created_at: Set(at),
                last_activity_at: Set(at),
                support_count: Set(0),
                comment_count: Set(0),
                ..Default::default()
            }))
            .exec(&app.db)
            .await
            .unwrap();
        }
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let text = staff
            .get("/staff/exports/proposals.csv")
            .await
            .text()
            .await
            .unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 1 + 2_501, "{}", database.kind());
        assert!(lines[0].starts_with("id,název,"));
        let ids: Vec<i32> = lines[1..]
            .iter()
            .map(|l| l.split(',').next().unwrap().parse().unwrap())
            .collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order, none twice");
        assert_eq!(text.matches('\u{feff}').count(), 1, "one byte-order mark");
        assert!(lines[2_501].contains(",'=Návrh 2499,"), "{}", lines[2_501]);
    }
}
