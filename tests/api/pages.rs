//! Pages every visitor can reach, the 404 page, and the headers every answer carries.
use app::domain::Eligibility;
use sea_orm::ConnectionTrait;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn every_navigation_page_exists() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        for path in [
            "/",
            "/proposals",
            "/decisions",
            "/join",
            "/login",
            "/join?code=K7QM-3XPA",
        ] {
            let response = browser.get(path).await;
            assert_eq!(response.status(), 200, "{path} on {}", database.kind());
        }
    }
}

#[tokio::test]
async fn a_join_link_from_a_qr_code_fills_in_the_code() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let page = app.browser().page_text("/join?code=K7QM-3XPA").await;
        assert!(page.contains(r#"value="K7QM-3XPA""#), "{}", database.kind());
    }
}

#[tokio::test]
async fn an_unknown_address_gets_a_friendly_404() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/no/such/page").await;
        assert_eq!(response.status(), 404, "{}", database.kind());
        let text = response.text().await.expect("body");
        assert!(text.contains("Tato stránka tu není"));
        assert!(text.contains(r#"href="/""#), "a way back home");
    }
}

#[tokio::test]
async fn pages_carry_security_headers_and_allow_no_other_host() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/").await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("'nonce-"), "{csp}");
        assert!(!csp.contains("http"), "no other origin: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        let html = response.text().await.expect("body");
        assert!(
            !html.contains("src=\"http"),
            "nothing loaded from another host"
        );
        assert!(
            !html.contains("href=\"http"),
            "no stylesheet from another host"
        );
    }
}

#[tokio::test]
async fn the_manifest_makes_spolu_installable() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        let manifest: serde_json::Value = browser
            .get("/manifest.webmanifest")
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(manifest["name"], "Spolu", "{}", database.kind());
        assert_eq!(manifest["display"], "standalone");
        for icon in manifest["icons"].as_array().expect("icons") {
            let src = icon["src"].as_str().expect("src");
            let response = browser.get(src).await;
            assert_eq!(response.status(), 200, "{src}");
            assert_eq!(
                response.headers()["content-type"],
                icon["type"].as_str().expect("type")
            );
        }
    }
}

#[tokio::test]
async fn oversized_request_bodies_are_refused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let huge = "x".repeat(300 * 1024);
        let response = app
            .browser()
            .call("sign_in", &[("username", "a"), ("password", &huge)])
            .await;
        assert_eq!(response.status(), 413, "{}", database.kind());
    }
}

/// Under load (or a broken disk) a page's data may not be readable. The page must then say so in
/// its status, never as a 200 a cache or crawler would keep, and ask to be tried again later.
#[tokio::test]
async fn a_page_whose_data_cannot_be_read_answers_with_an_error_status() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(app::domain::Role::Staff, false).await;
        let (decision, proposal) = app
            .open_decision(&staff_member, Eligibility::CoreGroup, 1)
            .await;
        for (table, path) in [
            ("comments", format!("/proposals/{proposal}")),
            ("decision_proposals", format!("/decisions/{decision}")),
            ("proposals", "/proposals".to_owned()),
        ] {
            let rename = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
            let away = format!("{table}_away");
            app.db
                .execute_unprepared(&rename(table, &away))
                .await
                .expect("rename");
            let response = staff.get(&path).await;
            let status = response.status();
            let headers = response.headers().clone();
            let text = response.text().await.expect("body");
            app.db
                .execute_unprepared(&rename(&away, table))
                .await
                .expect("rename back");
            let kind = database.kind();
            assert!(status.is_server_error(), "{path} on {kind}: {status}");
            assert_eq!(headers["cache-control"], "no-store", "{path} on {kind}");
            assert!(headers.contains_key("retry-after"), "{path} on {kind}");
            assert!(
                text.contains("Zkuste to prosím za chvíli znovu"),
                "{path} on {kind}: {text}"
            );
        }
    }
}

/// Reloading after a form post (or opening a shared link to it) asks for a server function's
/// address as a page: it leads back to a page, never to a blank "405".
#[tokio::test]
async fn a_server_functions_address_opened_as_a_page_leads_back() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        for path in ["/api/create_proposal", "/api/add_comment"] {
            let response = browser.get(path).await;
            assert_eq!(response.status(), 303, "{path} on {}", database.kind());
            assert_eq!(response.headers()["location"], "/");
        }
        let from_a_page = browser
            .get_with(
                "/api/create_proposal",
                ("referer", &format!("{}/proposals/new", app.base_url)),
            )
            .await;
        assert_eq!(from_a_page.headers()["location"], "/proposals/new");
        let from_elsewhere = browser
            .get_with("/api/add_comment", ("referer", "https://evil.example//x"))
            .await;
        assert_eq!(
            from_elsewhere.headers()["location"],
            "/",
            "never to another host"
        );
    }
}
