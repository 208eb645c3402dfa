//! Requests themselves: forged from another site, cached where they should not be, numbers too big
//! to count with, clients too slow to finish, and visitors at the staff's door.
use app::domain::Role;
use tests::{spawn_app, spawn_app_with, test_databases};

#[tokio::test]
async fn a_post_from_another_site_is_refused_and_one_from_spolu_goes_through() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let own_origin = app.base_url.clone();
        let other_port = app
            .base_url
            .replace(&app.base_url.rsplit(':').next().unwrap().to_owned(), "1");
        let sign_in = |headers: Vec<(&'static str, String)>| {
            let browser = app.browser();
            let form = [
                ("username", member.username.clone()),
                ("password", member.password.clone()),
            ];
            let url = format!("{}/api/sign_in", app.base_url);
            async move {
                let mut request = browser.client.post(url).form(&form);
                for (name, value) in headers {
                    request = request.header(name, value);
                }
                request.send().await.unwrap().status().as_u16()
            }
        };
        // Login CSRF and the same-site variants a SameSite cookie lets through.
        assert_eq!(
            sign_in(vec![("sec-fetch-site", "same-site".into())]).await,
            403
        );
        assert_eq!(
            sign_in(vec![("sec-fetch-site", "cross-site".into())]).await,
            403
        );
        assert_eq!(
            sign_in(vec![("origin", other_port)]).await,
            403,
            "another port"
        );
        assert_eq!(
            sign_in(vec![("origin", "https://evil.example".into())]).await,
            403,
            "{}",
            database.kind()
        );
        assert_eq!(
            sign_in(vec![("sec-fetch-site", "same-origin".into())]).await,
            200
        );
        assert_eq!(sign_in(vec![("origin", own_origin)]).await, 200);
        // A signed-in member's form post forged from elsewhere changes nothing.
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let forged = anna
            .client
            .post(format!("{}/api/change_display_name", app.base_url))
            .header("sec-fetch-site", "same-site")
            .header("accept", "text/html")
            .form(&[("display_name", "Ovládnuto")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 403);
        assert!(!anna.page_text("/me").await.contains("Ovládnuto"));
        let _ = anna_member;
    }
}

#[tokio::test]
async fn what_a_member_sees_is_never_cached() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        for path in [
            "/me",
            "/staff/members",
            "/staff",
            "/notifications",
            "/",
            "/me/data.json",
        ] {
            let response = staff.get(path).await;
            let cache = response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap().to_owned());
            assert_eq!(
                cache.as_deref(),
                Some("no-store"),
                "{path} on {}",
                database.kind()
            );
        }
    }
}

#[tokio::test]
async fn a_page_number_too_big_to_count_with_is_answered_not_panicked() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let visitor = app.browser();
        for path in [
            "/api/v1/proposals?page=18446744073709551615",
            "/api/v1/outcomes?page=18446744073709551615&per_page=100",
            "/api/v1/decisions?page=18446744073709551615",
            "/outcomes?page=18446744073709551615",
        ] {
            let response = visitor.get(path).await;
            assert_eq!(response.status(), 200, "{path} on {}", database.kind());
        }
        let body: serde_json::Value = visitor
            .get("/api/v1/proposals?page=18446744073709551615")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["items"], serde_json::json!([]));
    }
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    for database in test_databases() {
        let app = spawn_app_with(&database, |c| c.slow_client_seconds = 1).await;
        let address = app.base_url.trim_start_matches("http://").to_owned();
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        // …and never the rest. The server must give up on its own.
        let mut answer = Vec::new();
        let read = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            stream.read_to_end(&mut answer),
        )
        .await;
        assert!(
            read.is_ok(),
            "still connected after 5 s on {}",
            database.kind()
        );
        // An idle connection that says nothing at all is closed as well.
        let mut idle = tokio::net::TcpStream::connect(&address).await.unwrap();
        let closed = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            idle.read_to_end(&mut Vec::new()),
        )
        .await;
        assert!(closed.is_ok(), "an idle connection is closed");
    }
}

#[tokio::test]
async fn a_visitor_at_a_staff_page_is_told_whose_page_it_is_and_may_sign_in_there() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (resident, _) = app.signed_in(Role::Resident, true).await;
        for (path, who) in [
            ("/staff", "pracovníci centra"),
            ("/staff/members", "pracovníci centra"),
            ("/staff/exports", "pracovníci centra"),
            ("/staff/log", "pracovníci centra"),
            ("/admin", "jen správci"),
            ("/admin/categories", "jen správci"),
        ] {
            let response = app.browser().get(path).await;
            assert_eq!(response.status(), 401, "{path} on {}", database.kind());
            let page = response.text().await.unwrap();
            assert!(page.contains(who), "{path}: {page}");
            assert!(
                page.contains(&format!(r#"name="next" value="{path}""#)),
                "{path}"
            );
            let refused = resident.get(path).await;
            assert_eq!(refused.status(), 403, "{path}");
            assert!(refused.text().await.unwrap().contains(who));
        }
    }
}
