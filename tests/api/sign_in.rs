//! Signing in and out: `/api/sign_in`, `/api/sign_out`.
use app::domain::Role;
use serde_json::Value;
use tests::{Browser, spawn_app, spawn_app_with, test_databases};

/// The `spolu_session=…` pair the browser would send now.
fn session_cookie(browser: &Browser) -> Option<String> {
    use reqwest::cookie::CookieStore;
    let url = browser.base_url.parse().ok()?;
    let header = browser.jar.cookies(&url)?;
    header
        .to_str()
        .ok()?
        .split("; ")
        .find(|c| c.starts_with("spolu_session="))
        .map(str::to_owned)
}

#[tokio::test]
async fn a_member_signs_in_and_out() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        let response = browser
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        assert_eq!(browser.get("/me").await.status(), 200);

        let out = browser.call("sign_out", &[]).await;
        assert_eq!(out.status(), 200);
        let me = browser.get("/me").await;
        assert_eq!(me.status(), 302, "signed out: /me sends to sign in");
        assert_eq!(me.headers()["location"], "/login?next=%2Fme");
    }
}

#[tokio::test]
async fn the_username_is_not_case_sensitive_but_the_password_is() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let upper = member.username.to_uppercase();
        let ok = app
            .browser()
            .call(
                "sign_in",
                &[("username", &upper), ("password", &member.password)],
            )
            .await;
        assert_eq!(ok.status(), 200, "{}", database.kind());
        let wrong = app
            .browser()
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password.to_uppercase()),
                ],
            )
            .await;
        assert_eq!(wrong.status(), 422);
        let body: Value = wrong.json().await.expect("json");
        assert_eq!(
            body["Invalid"]["errors"][0]["message"],
            "error-sign-in-wrong"
        );
    }
}

#[tokio::test]
async fn an_unknown_username_gets_the_same_answer_as_a_wrong_password() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app
            .browser()
            .call(
                "sign_in",
                &[("username", "nikdo"), ("password", "cokoliv-dlouhe")],
            )
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        let body: Value = response.json().await.expect("json");
        assert_eq!(
            body["Invalid"]["errors"][0]["message"],
            "error-sign-in-wrong"
        );
    }
}

/// /me as seen with only `cookie`, no jar: 200 when that session is signed in, 302 when not.
async fn me_status_with(app: &tests::TestApp, cookie: &str) -> u16 {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!("{}/me", app.base_url))
        .header("accept", "text/html")
        .header("cookie", cookie)
        .send()
        .await
        .expect("answer")
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let response = app
            .browser()
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("spolu_session="))
            .expect("a session cookie")
            .to_owned();
        assert!(
            cookie.contains("HttpOnly"),
            "{cookie} on {}",
            database.kind()
        );
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
    }
}

#[tokio::test]
async fn signing_in_cycles_the_session_id_and_the_old_id_stops_working() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let first = app.member(Role::Resident, false).await;
        let second = app.member(Role::Resident, false).await;
        let browser = app.browser();
        browser
            .call(
                "sign_in",
                &[("username", &first.username), ("password", &first.password)],
            )
            .await;
        let old = session_cookie(&browser).expect("a session after the first sign-in");
        assert_eq!(me_status_with(&app, &old).await, 200);

        browser
            .call(
                "sign_in",
                &[
                    ("username", &second.username),
                    ("password", &second.password),
                ],
            )
            .await;
        let new = session_cookie(&browser).expect("a session after the second sign-in");
        assert_ne!(old, new, "a new id at sign-in on {}", database.kind());
        assert_eq!(
            me_status_with(&app, &old).await,
            302,
            "the old id signs nobody in"
        );
        assert_eq!(me_status_with(&app, &new).await, 200);
    }
}

#[tokio::test]
async fn signing_out_deletes_the_session_on_the_server() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        browser
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        let cookie = session_cookie(&browser).expect("session");
        browser.call("sign_out", &[]).await;
        assert_eq!(
            me_status_with(&app, &cookie).await,
            302,
            "a replayed cookie is dead on {}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_for_a_while_even_with_the_right_one() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        for _ in 0..5 {
            let wrong = browser
                .call(
                    "sign_in",
                    &[("username", &member.username), ("password", "spatne-heslo")],
                )
                .await;
            assert_eq!(wrong.status(), 422, "{}", database.kind());
        }
        let locked = browser
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        assert_eq!(locked.status(), 429, "{}", database.kind());
        let body: Value = locked.json().await.expect("json");
        let minutes = body["TooManyAttempts"]["minutes"]
            .as_u64()
            .expect("minutes");
        assert!((1..=15).contains(&minutes), "{minutes}");
        // Another account from the same address is not locked yet.
        let other = app.member(Role::Resident, false).await;
        let fine = browser
            .call(
                "sign_in",
                &[("username", &other.username), ("password", &other.password)],
            )
            .await;
        assert_eq!(fine.status(), 200);
    }
}

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let browser = app.browser();
        for n in 0..20 {
            let name = format!("nikdo{n}");
            let wrong = browser
                .call(
                    "sign_in",
                    &[("username", &name), ("password", "spatne-heslo")],
                )
                .await;
            assert_eq!(wrong.status(), 422, "{}", database.kind());
        }
        let member = app.member(Role::Resident, false).await;
        let locked = browser
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        assert_eq!(locked.status(), 429, "{}", database.kind());
    }
}

#[tokio::test]
async fn without_javascript_the_lock_message_says_how_long_to_wait() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        for _ in 0..5 {
            browser
                .call(
                    "sign_in",
                    &[("username", &member.username), ("password", "spatne-heslo")],
                )
                .await;
        }
        let response = browser
            .submit(
                "/login",
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let location = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        let page = browser
            .page_text(location.trim_start_matches(&app.base_url))
            .await;
        assert!(
            page.contains("Příliš mnoho pokusů. Zkuste to znovu za"),
            "{}",
            database.kind()
        );
    }
}

#[tokio::test]
async fn after_sign_in_a_form_post_goes_to_the_page_asked_for_but_never_off_site() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Staff, false).await;
        let login = [
            ("username", member.username.as_str()),
            ("password", member.password.as_str()),
        ];
        let next = app
            .browser()
            .submit(
                "/login",
                "sign_in",
                &[login[0], login[1], ("next", "/staff/invites")],
            )
            .await;
        assert_eq!(
            next.headers()["location"],
            "/staff/invites",
            "{}",
            database.kind()
        );
        let evil = app
            .browser()
            .submit(
                "/login",
                "sign_in",
                &[login[0], login[1], ("next", "//evil.example")],
            )
            .await;
        assert_eq!(evil.headers()["location"], "/");
    }
}

#[tokio::test]
async fn an_active_member_stays_signed_in_past_thirty_days_from_signing_in() {
    use app::server::entities::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, member) = app.signed_in(Role::Resident, false).await;
        // Signed in 29 days ago: one day left, unless her visits move it on.
        let soon = chrono::Utc::now() + chrono::Duration::days(1);
        session::Entity::update_many()
            .col_expr(session::Column::ExpiresAt, Expr::value(soon))
            .filter(session::Column::MemberId.eq(member.id))
            .exec(&app.db)
            .await
            .unwrap();
        let page = anna.get("/").await;
        let cookie = page
            .headers()
            .get("set-cookie")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert!(
            cookie.starts_with("spolu_session=") && cookie.contains("Max-Age=2592000"),
            "the browser keeps the cookie 30 days more: {cookie}"
        );
        assert!(
            !page.text().await.unwrap().contains(r#"href="/login""#),
            "still signed in"
        );
        let again = anna.get("/").await;
        assert!(
            again.headers().get("set-cookie").is_none(),
            "renewed at most once a day"
        );
        let row = session::Entity::find()
            .filter(session::Column::MemberId.eq(member.id))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            row.expires_at > chrono::Utc::now() + chrono::Duration::days(29),
            "{}: {}",
            database.kind(),
            row.expires_at
        );
    }
}

#[tokio::test]
async fn sessions_saved_before_they_named_their_member_still_sign_in() {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Statement};
    for database in test_databases() {
        let database = database.fresh().await;
        let db = app::server::infra::database::connect(&database.url(), None)
            .await
            .unwrap();
        // The schema before sessions.member_id was filled in, with a session of that time.
        Migrator::up(&db, Some(12)).await.unwrap();
        let backend = db.get_database_backend();
        db.execute_raw(Statement::from_string(
            backend,
            "INSERT INTO users (username, display_name, password_hash, role, core, created_at) \
             VALUES ('anna', 'Anna', 'x', 'resident', false, CURRENT_TIMESTAMP)",
        ))
        .await
        .unwrap();
        db.execute_raw(Statement::from_string(
            backend,
            "INSERT INTO sessions (id, data, expires_at) \
             VALUES ('old', '{\"member_id\":1}', CURRENT_TIMESTAMP)",
        ))
        .await
        .unwrap();
        Migrator::up(&db, None).await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT member_id FROM sessions WHERE id = 'old'",
            ))
            .await
            .unwrap()
            .unwrap();
        let member: Option<i32> = row.try_get_by_index(0).unwrap();
        assert_eq!(member, Some(1), "{}", database.kind());
    }
}

/// A sign-in as the app's JavaScript sends it, with an `X-Forwarded-For` header.
async fn sign_in_via(
    browser: &Browser,
    forwarded_for: &str,
    username: &str,
    password: &str,
) -> u16 {
    browser
        .client
        .post(format!("{}/api/sign_in", browser.base_url))
        .header("accept", "application/json")
        .header("x-forwarded-for", forwarded_for)
        .form(&[("username", username), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_limit_is_per_client_and_otherwise_the_header_is_ignored() {
    for database in test_databases() {
        // Behind a proxy on this machine: one client's failures lock that client only.
        let app = spawn_app_with(&database, |c| {
            c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        })
        .await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        for n in 0..20 {
            let status = sign_in_via(
                &browser,
                "203.0.113.5",
                &format!("nikdo{n}"),
                "spatne-heslo",
            )
            .await;
            assert_eq!(status, 422, "{}", database.kind());
        }
        let guesser = sign_in_via(&browser, "203.0.113.5", &member.username, &member.password);
        assert_eq!(guesser.await, 429, "{}", database.kind());
        let neighbour = sign_in_via(&browser, "203.0.113.6", &member.username, &member.password);
        assert_eq!(neighbour.await, 200, "{}", database.kind());

        // Without a trusted proxy, writing another address in the header changes nothing.
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let browser = app.browser();
        for n in 0..20 {
            let forged = format!("198.51.100.{n}");
            let status = sign_in_via(&browser, &forged, &format!("nikdo{n}"), "spatne-heslo").await;
            assert_eq!(status, 422, "{}", database.kind());
        }
        let status = sign_in_via(
            &browser,
            "198.51.100.99",
            &member.username,
            &member.password,
        );
        assert_eq!(status.await, 429, "{}", database.kind());
    }
}
