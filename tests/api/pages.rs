//! Pages every visitor can reach, the 404 page, and the headers every answer carries.
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
        assert!(text.contains("Tahle stránka tu není"));
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
