//! Joining with an invite code: `/api/join`.
use app::domain::Role;
use app::server::entities::{invite, user};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use tests::{TestApp, spawn_app, test_databases};

fn form<'a>(code: &'a str, username: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("display_name", "Žofie Růžičková"),
        ("username", username),
        ("password", password),
    ]
}

/// The locale key the server gave for `field`, from a JSON error answer.
async fn field_message(response: reqwest::Response, field: &str) -> String {
    let body: Value = response.json().await.expect("json error");
    body["Invalid"]["errors"]
        .as_array()
        .and_then(|errors| errors.iter().find(|e| e["field"] == field))
        .and_then(|e| e["message"].as_str())
        .unwrap_or_default()
        .to_owned()
}

async fn expire(app: &TestApp, code: &str) {
    let stored = code.replace('-', "");
    let row = invite::Entity::find()
        .filter(invite::Column::Code.eq(stored))
        .one(&app.db)
        .await
        .expect("query")
        .expect("invite exists");
    let mut row: invite::ActiveModel = row.into();
    row.expires_at = Set(Utc::now() - Duration::minutes(1));
    row.update(&app.db).await.expect("expired");
}

#[tokio::test]
async fn a_valid_code_makes_a_member_who_is_signed_in() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, true).await.to_string();
        let browser = app.browser();
        let response = browser
            .call("join", &form(&code, "zofie", "dlouhé heslo"))
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let me = browser.page_text("/me").await;
        assert!(
            me.contains("Žofie Růžičková"),
            "signed in as the new member"
        );
        assert!(
            me.contains("jádrová skupina"),
            "the invite's core flag carried over"
        );
        let stored = user::Entity::find()
            .filter(user::Column::Username.eq("zofie"))
            .one(&app.db)
            .await
            .expect("query")
            .expect("member stored");
        assert!(
            stored.password_hash.starts_with("$argon2id$"),
            "Argon2id hash"
        );
    }
}

#[tokio::test]
async fn a_code_typed_in_lower_case_with_spaces_and_no_dash_still_works() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, false).await.to_string();
        let typed = format!(" {} ", code.replace('-', " ").to_lowercase());
        let response = app
            .browser()
            .call("join", &form(&typed, "anna", "dlouhé heslo"))
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
    }
}

#[tokio::test]
async fn a_used_code_is_refused_with_a_plain_message() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, false).await.to_string();
        let first = app
            .browser()
            .call("join", &form(&code, "prvni", "dlouhé heslo"))
            .await;
        assert_eq!(first.status(), 200);
        let second = app
            .browser()
            .call("join", &form(&code, "druhy", "dlouhé heslo"))
            .await;
        assert_eq!(second.status(), 422, "{}", database.kind());
        assert_eq!(field_message(second, "code").await, "error-invite-used");
        let users = user::Entity::find().all(&app.db).await.expect("query");
        assert_eq!(users.len(), 1, "the refused join stored nobody");
    }
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, false).await.to_string();
        expire(&app, &code).await;
        let response = app
            .browser()
            .call("join", &form(&code, "pozde", "dlouhé heslo"))
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        assert_eq!(
            field_message(response, "code").await,
            "error-invite-expired"
        );
    }
}

#[tokio::test]
async fn mistyped_and_unknown_codes_are_refused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let mistyped = app
            .browser()
            .call("join", &form("K7QM-3X", "nekdo", "dlouhé heslo"))
            .await;
        assert_eq!(mistyped.status(), 422, "{}", database.kind());
        assert_eq!(
            field_message(mistyped, "code").await,
            "error-invite-mistyped"
        );
        let unknown = app
            .browser()
            .call("join", &form("K7QM-3XPA", "nekdo", "dlouhé heslo"))
            .await;
        assert_eq!(unknown.status(), 422);
        assert_eq!(field_message(unknown, "code").await, "error-invite-unknown");
    }
}

#[tokio::test]
async fn a_weak_password_is_refused_and_the_code_stays_unused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, false).await.to_string();
        let response = app
            .browser()
            .call("join", &form(&code, "slabe", "1234567"))
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        assert_eq!(
            field_message(response, "password").await,
            "error-password-short"
        );
        let later = app
            .browser()
            .call("join", &form(&code, "silne", "12345678"))
            .await;
        assert_eq!(later.status(), 200, "the code still works");
    }
}

#[tokio::test]
async fn a_taken_username_is_a_field_error_and_leaves_the_code_unused() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let first = app.invite(Role::Resident, false).await.to_string();
        let second = app.invite(Role::Resident, false).await.to_string();
        assert_eq!(
            app.browser()
                .call("join", &form(&first, "eva", "dlouhé heslo"))
                .await
                .status(),
            200
        );
        let taken = app
            .browser()
            .call("join", &form(&second, "Eva", "jiné heslo!"))
            .await;
        assert_eq!(taken.status(), 422, "{}", database.kind());
        assert_eq!(
            field_message(taken, "username").await,
            "error-username-taken"
        );
        let unused = invite::Entity::find()
            .filter(invite::Column::Code.eq(second.replace('-', "")))
            .one(&app.db)
            .await
            .expect("query")
            .expect("invite");
        assert!(unused.used_at.is_none(), "nothing stored half-way");
    }
}

#[tokio::test]
async fn every_bad_field_is_reported_at_once() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app
            .browser()
            .call(
                "join",
                &[
                    ("code", ""),
                    ("display_name", " "),
                    ("username", "a b"),
                    ("password", "x"),
                ],
            )
            .await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.expect("json");
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .expect("field errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(
            fields,
            ["code", "display_name", "username", "password"],
            "{}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn without_javascript_an_error_returns_to_the_form_and_shows_next_to_the_field() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        let response = browser
            .submit("/join", "join", &form("K7QM-3XPA", "nekdo", "dlouhé heslo"))
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let location = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        assert!(
            location.contains("/join?") && location.contains("__err="),
            "{location}"
        );
        let page = browser
            .page_text(location.trim_start_matches(&app.base_url))
            .await;
        assert!(
            page.contains("Tento kód neznáme"),
            "the message is on the page"
        );
        assert!(
            page.contains(r#"aria-invalid="true""#),
            "the field is marked"
        );
        assert!(
            page.contains(r#"value="Žofie Růžičková""#),
            "what was typed is kept"
        );
        assert!(page.contains(r#"value="nekdo""#), "the username too");
        assert!(!page.contains("dlouhé heslo"), "but never the password");
        assert!(!location.contains("heslo"), "not even in the address");
    }
}

#[tokio::test]
async fn without_javascript_a_successful_join_goes_home_signed_in() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let code = app.invite(Role::Resident, false).await.to_string();
        let browser = app.browser();
        let response = browser
            .submit("/join", "join", &form(&code, "bezjs", "dlouhé heslo"))
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        // Home, where the sign-in name to remember is said.
        assert_eq!(response.headers()["location"], "/?welcome");
        assert!(
            browser
                .page_text("/")
                .await
                .contains("Vítejte zpět, Žofie Růžičková")
        );
    }
}

/// The slip asks for a code, a name and a password: the sign-in name is made from the name, and
/// the next person with the same name gets the next free one. The home page says which.
#[tokio::test]
async fn without_a_chosen_sign_in_name_one_is_made_from_the_name() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        for expected in ["jana.k", "jana.k2"] {
            let code = app.invite(Role::Resident, false).await.to_string();
            let browser = app.browser();
            let response = browser
                .call(
                    "join",
                    &[
                        ("code", &code),
                        ("display_name", "Jana K."),
                        ("password", "dlouhé heslo"),
                    ],
                )
                .await;
            assert_eq!(response.status(), 200, "{}", database.kind());
            let stored = user::Entity::find()
                .filter(user::Column::Username.eq(expected))
                .one(&app.db)
                .await
                .expect("query");
            assert_eq!(stored.map(|u| u.display_name), Some("Jana K.".to_owned()));
            let home = browser.page_text("/?welcome").await;
            assert!(
                home.contains(&format!(
                    "Příště se přihlásíte jménem {expected} a svým heslem."
                )),
                "{home}"
            );
        }
    }
}
