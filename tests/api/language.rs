//! The page language: member's choice, then the `lang` cookie, then Accept-Language, then Czech.
use app::domain::Role;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn czech_is_the_default_and_the_browser_language_is_followed() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        assert!(
            browser.page_text("/").await.contains(r#"<html lang="cs""#),
            "{}",
            database.kind()
        );
        let english = browser
            .get_with("/", ("accept-language", "en-GB,en;q=0.9"))
            .await;
        let text = english.text().await.expect("body");
        assert!(text.contains(r#"<html lang="en""#));
        assert!(text.contains("What should change on the estate?"));
        let unknown = browser.get_with("/", ("accept-language", "de-DE")).await;
        assert!(
            unknown
                .text()
                .await
                .expect("body")
                .contains(r#"<html lang="cs""#)
        );
    }
}

#[tokio::test]
async fn choosing_a_language_sets_a_cookie_that_beats_the_browser() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        let response = browser
            .submit(
                "/proposals",
                "set_language",
                &[("language", "en"), ("back", "/proposals")],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        assert_eq!(response.headers()["location"], "/proposals");
        let page = browser.get_with("/", ("accept-language", "cs")).await;
        assert!(
            page.text()
                .await
                .expect("body")
                .contains(r#"<html lang="en""#)
        );
    }
}

#[tokio::test]
async fn a_member_s_choice_follows_them_to_another_phone() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let login = [
            ("username", member.username.as_str()),
            ("password", member.password.as_str()),
        ];
        let phone = app.browser();
        phone.call("sign_in", &login).await;
        phone.call("set_language", &[("language", "en")]).await;

        let other_phone = app.browser();
        other_phone.call("sign_in", &login).await;
        let page = other_phone.get_with("/", ("accept-language", "cs")).await;
        assert!(
            page.text()
                .await
                .expect("body")
                .contains(r#"<html lang="en""#),
            "{}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn an_unknown_language_is_refused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app
            .browser()
            .call("set_language", &[("language", "xx")])
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
    }
}
