//! What pages cost (issue 19): the statements each page sends to the database, held to a number
//! so that a page which grows a query fails here; visitors' pages (and each member's own proposal
//! list) kept in memory and never served after a change, on this instance or another, nor to
//! anyone else; `ETag`/`304` for visitors.
use app::domain::{Eligibility, Role};
use tests::{Browser, TestApp, fresh_address, spawn_app, spawn_app_with, test_databases};

/// A proposal with a comment and support, an open decision: every page has something to show.
async fn estate(app: &TestApp) -> (i32, i32, Browser) {
    let (anna_browser, anna) = app.signed_in(Role::Resident, true).await;
    let staff = app.member(Role::Staff, false).await;
    let proposal = app
        .proposal(&anna, "Lavička u hřiště", "Chybí lavička.")
        .await;
    let said = anna_browser
        .call(
            "add_comment",
            &[
                ("proposal", &proposal.to_string()),
                ("text", "Ano, prosím."),
            ],
        )
        .await;
    assert_eq!(said.status(), 200);
    let (decision, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
    app.news_handed_out().await;
    (proposal, decision, anna_browser)
}

#[tokio::test]
async fn each_page_stays_within_its_statements() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (proposal, decision, member) = estate(&app).await;
        let visitor = app.browser();
        let proposal_page = format!("/proposals/{proposal}");
        let decision_page = format!("/decisions/{decision}");
        // Made anew: the data version, then what the page itself reads.
        let public: [(&str, u64); 6] = [
            ("/", 2),
            ("/proposals", 2),
            (&proposal_page, 11),
            ("/outcomes", 3),
            ("/decisions", 4),
            (&decision_page, 4),
        ];
        for (path, most) in public {
            let made = app
                .statements_for(&visitor, |n| fresh_address(path, n))
                .await;
            println!("{} visitor {path}: {made}", database.kind());
            assert!(
                made <= most,
                "{}: a visitor's {path} took {made} statements, at most {most}",
                database.kind()
            );
            // Asked again with nothing changed: from memory, after reading the data version.
            let kept = app.statements_for(&visitor, |_| path.to_owned()).await;
            assert_eq!(kept, 1, "{}: {path} kept", database.kind());
        }
        // A member's own list is kept for them: their session (which brings the data version).
        let kept = app
            .statements_for(&member, |_| "/proposals".to_owned())
            .await;
        assert_eq!(kept, 1, "{}: a member's /proposals kept", database.kind());
        // Made anew: the session, then the page; their other pages are never kept.
        let signed_in: [(&str, u64); 5] = [
            ("/proposals?try=new", 2),
            (&proposal_page, 14),
            ("/decisions", 5),
            ("/me", 5),
            ("/notifications", 6),
        ];
        for (path, most) in signed_in {
            let made = app
                .statements_for(&member, |n| fresh_address(path, n))
                .await;
            println!("{} member {path}: {made}", database.kind());
            assert!(
                made <= most,
                "{}: a member's {path} took {made} statements, at most {most}",
                database.kind()
            );
        }
        // Downloads read the catalog kept under their request's data version, not once per
        // page of rows: the session (or the version), then the rows themselves.
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let downloads: [(&Browser, &str, u64); 2] = [
            (&staff, "/staff/exports/proposals.csv", 2),
            (&visitor, "/api/v1/proposals", 3),
        ];
        for (browser, path, most) in downloads {
            let made = app.statements_for(browser, |_| path.to_owned()).await;
            println!("{} {path}: {made}", database.kind());
            assert!(
                made <= most,
                "{}: {path} took {made} statements, at most {most}",
                database.kind()
            );
        }
    }
}

#[tokio::test]
async fn a_kept_page_is_never_shown_after_a_change_on_any_instance() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (proposal, _, anna) = estate(&app).await;
        let other = app.another_instance(|_| {}).await;
        let path = format!("/proposals/{proposal}");
        // Both instances keep the page for visitors.
        for base in [&app.base_url, &other.base_url] {
            let page = Browser::new(base).page_text(&path).await;
            assert!(!page.contains("Druhý komentář"));
        }
        // A comment on the first instance shows on the other at once, to a visitor.
        let said = anna
            .call(
                "add_comment",
                &[
                    ("proposal", &proposal.to_string()),
                    ("text", "Druhý komentář </textarea>"),
                ],
            )
            .await;
        assert_eq!(said.status(), 200, "{}", database.kind());
        for base in [&other.base_url, &app.base_url] {
            let page = Browser::new(base).page_text(&path).await;
            assert!(
                page.contains("Druhý komentář &lt;/textarea&gt;"),
                "{}: {base}",
                database.kind()
            );
        }
        // The list's support count too, after support given on the other instance.
        let list = Browser::new(&other.base_url).page_text("/proposals").await;
        let (eva, eva_member) = app.signed_in(Role::Resident, true).await;
        let eva_elsewhere = Browser::new(&other.base_url);
        assert_eq!(eva_elsewhere.sign_in_as(&eva_member).await.status(), 200);
        drop(eva);
        let supported = eva_elsewhere
            .call(
                "support_proposal",
                &[("proposal", &proposal.to_string()), ("want", "yes")],
            )
            .await;
        assert_eq!(supported.status(), 200, "{}", database.kind());
        let list_after = app.browser().page_text("/proposals").await;
        assert_ne!(
            without_nonces(&list),
            without_nonces(&list_after),
            "{}: the support shows",
            database.kind()
        );
        // Settings an admin saves on one instance apply on the other with its next request.
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let form = [
            ("site_name", "Náš Janov"),
            ("estate_name", "Janov"),
            ("public_reading", "on"),
            ("default_eligibility", "core"),
            ("proposals_per_day", "5"),
            ("comments_per_hour", "30"),
        ];
        assert_eq!(admin.call("save_site_settings", &form).await.status(), 200);
        let home = Browser::new(&other.base_url).page_text("/").await;
        assert!(home.contains("Náš Janov"), "{}", database.kind());
    }
}

/// A page's text with each script nonce taken out (they differ on every answer).
fn without_nonces(page: &str) -> String {
    page.split("nonce=\"")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('"').map_or(part, |(_, rest)| rest)
            }
        })
        .collect()
}

#[tokio::test]
async fn visitors_get_not_modified_for_a_page_they_have_and_members_never_get_theirs() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (proposal, _, anna) = estate(&app).await;
        let visitor = app.browser();
        let first = visitor.get("/proposals").await;
        assert_eq!(first.status(), 200);
        let tag = first.headers()["etag"].to_str().unwrap().to_owned();
        let policy = first.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(first.headers()["cache-control"], "no-cache");
        let body = first.text().await.unwrap();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap()
            .to_owned();
        assert!(
            body.contains(&format!("nonce=\"{nonce}\"")),
            "the page's scripts carry it"
        );

        // Every answer has its own nonce.
        let second = visitor.get("/proposals").await;
        let second_policy = second.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_ne!(policy, second_policy);

        // The copy the browser keeps is current: 304, with the policy of that copy.
        let again = visitor
            .get_with("/proposals", ("if-none-match", &tag))
            .await;
        assert_eq!(again.status(), 304, "{}", database.kind());
        assert_eq!(again.headers()["content-security-policy"], policy.as_str());
        assert!(again.text().await.unwrap().is_empty());

        // After a change, the full page again.
        let said = anna
            .call(
                "add_comment",
                &[("proposal", &proposal.to_string()), ("text", "Ještě jeden")],
            )
            .await;
        assert_eq!(said.status(), 200);
        let page = format!("/proposals/{proposal}");
        let kept = visitor.get(&page).await;
        let kept_tag = kept.headers()["etag"].to_str().unwrap().to_owned();
        let _ = anna
            .call(
                "add_comment",
                &[("proposal", &proposal.to_string()), ("text", "A další")],
            )
            .await;
        let changed = visitor.get_with(&page, ("if-none-match", &kept_tag)).await;
        assert_eq!(changed.status(), 200, "{}", database.kind());
        assert!(changed.text().await.unwrap().contains("A další"));

        // A tag that tries to write into the policy is not believed.
        let sneaky = visitor
            .get_with("/proposals", ("if-none-match", "W/\"x-a' 'unsafe-inline\""))
            .await;
        assert_eq!(sneaky.status(), 200);

        // A member asking right after a visitor gets their own page, never the kept one.
        let theirs = anna.get("/proposals").await;
        assert!(theirs.headers().get("etag").is_none());
        assert_eq!(theirs.headers()["cache-control"], "no-store");
        assert!(theirs.text().await.unwrap().contains("mine=supported"));
    }
}

/// A visitor's kept page is answered before routing and sessions (`server::kept_pages`), so it
/// must be sure to leave as every page does: compressed when asked, with the site's security
/// headers, in the visitor's language, counted in the metrics under its route.
#[tokio::test]
async fn a_visitors_kept_page_leaves_as_any_other_page() {
    for database in test_databases() {
        let app = spawn_app_with(&database, |c| {
            c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        })
        .await;
        let metrics_url = app.metrics_url.clone().expect("a metrics listener");
        let (_, decision, _) = estate(&app).await;
        let visitor = app.browser();
        // An address no one asked for yet: the first answer is made, the second kept.
        let path = format!("/decisions/{decision}?from=leaflet");
        let gzip = ("accept-encoding", "gzip");
        let made = visitor.get_with(&path, gzip).await;
        let counted = requests_counted(&metrics_url, "/decisions/{id}").await;
        let kept = visitor.get_with(&path, gzip).await;
        assert_eq!(
            app.statements_for(&visitor, |_| path.clone()).await,
            1,
            "{}: kept",
            database.kind()
        );
        assert_eq!(kept.status(), 200);
        assert_eq!(kept.headers()["content-encoding"], "gzip");
        let headers = |response: &reqwest::Response| {
            let mut names: Vec<(String, String)> = response
                .headers()
                .iter()
                .map(|(name, value)| {
                    // These differ between any two answers.
                    let differs = ["content-security-policy", "etag", "date"];
                    let value = if differs.contains(&name.as_str()) {
                        String::new()
                    } else {
                        value.to_str().unwrap().to_owned()
                    };
                    (name.to_string(), value)
                })
                .collect();
            names.sort();
            names
        };
        assert_eq!(headers(&made), headers(&kept), "{}", database.kind());
        for name in ["x-frame-options", "x-content-type-options", "vary"] {
            assert!(kept.headers().contains_key(name), "{name}");
        }
        assert!(
            requests_counted(&metrics_url, "/decisions/{id}").await > counted,
            "{}: counted under its route",
            database.kind()
        );

        // The same address in English, asked twice: English both times.
        for _ in 0..2 {
            let english = visitor
                .get_with(&path, ("accept-language", "en-GB,en;q=0.9"))
                .await
                .text()
                .await
                .unwrap();
            assert!(english.contains("<html lang=\"en\""), "{}", database.kind());
        }
        let czech = visitor.page_text(&path).await;
        assert!(czech.contains("<html lang=\"cs\""), "{}", database.kind());
    }
}

/// How many `GET`s answered `200` the metrics counted under `route`.
async fn requests_counted(metrics_url: &str, route: &str) -> f64 {
    let text = reqwest::get(metrics_url)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let labels = format!("method=\"GET\",route=\"{route}\",status=\"200\"}}");
    text.lines()
        .filter(|line| line.starts_with("http_requests_total{") && line.contains(&labels))
        .find_map(|line| line.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0.0)
}

/// The name a test member's pages greet them with (`TestApp::member` names them so).
fn greeting(member: &tests::TestMember) -> String {
    let n = member.username.trim_start_matches("member");
    format!("class=\"header-member\">Člen {n}</a>")
}

#[tokio::test]
async fn a_members_kept_list_is_theirs_alone_and_follows_their_own_state() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let proposal = app
            .proposal(&anna_member, "Lavička", "Chybí lavička.")
            .await;

        // Anna's list is kept for her, but no browser may keep it (no tag to ask about).
        let first = anna.get("/proposals").await;
        assert_eq!(first.status(), 200);
        assert!(first.headers().get("etag").is_none(), "{}", database.kind());
        assert_eq!(first.headers()["cache-control"], "no-store");
        let first_policy = first.headers()["content-security-policy"].clone();
        assert!(
            first
                .text()
                .await
                .unwrap()
                .contains(&greeting(&anna_member))
        );
        assert_eq!(
            app.statements_for(&anna, |_| "/proposals".to_owned()).await,
            1,
            "{}: kept",
            database.kind()
        );
        // Each answer from memory gets a nonce of its own.
        let again = anna.get("/proposals").await;
        assert_ne!(again.headers()["content-security-policy"], first_policy);

        // Eva, at the same address right after: her own page, never Anna's.
        let eva_page = eva.page_text("/proposals").await;
        assert!(
            eva_page.contains(&greeting(&eva_member)),
            "{}",
            database.kind()
        );
        assert!(!eva_page.contains(&greeting(&anna_member)));
        let anna_page = anna.page_text("/proposals").await;
        assert!(anna_page.contains(&greeting(&anna_member)));
        assert!(!anna_page.contains(&greeting(&eva_member)));

        // Eva's comment tells Anna (the bottom bar counts it) ...
        let said = eva
            .call(
                "add_comment",
                &[("proposal", &proposal.to_string()), ("text", "Souhlasím.")],
            )
            .await;
        assert_eq!(said.status(), 200);
        assert!(
            anna.page_text("/proposals")
                .await
                .contains("class=\"nav-count\""),
            "{}",
            database.kind()
        );
        // ... and once Anna has read it (nothing the pages show changed, so the data version
        // did not move), her list stops counting it at once.
        assert_eq!(
            anna.call("mark_notifications_read", &[]).await.status(),
            200
        );
        assert!(
            !anna
                .page_text("/proposals")
                .await
                .contains("class=\"nav-count\""),
            "{}: the unread count is part of what a member's list is kept under",
            database.kind()
        );
    }
}
