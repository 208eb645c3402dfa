//! A proposal moderators hid keeps its words from everyone but staff on every read path: the
//! decision named after it, the decisions list, their server functions, open data, the CSV export,
//! notifications and the member's data download; and its photos do not load by their address.
use app::domain::{Eligibility, Role};
use tests::{spawn_app, test_databases};

const SECRET: &str = "Tajný název 77";

#[tokio::test]
async fn a_hidden_proposals_title_leaks_through_no_decision_path() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, SECRET, "Text, který někoho zranil.")
            .await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let decision = app
            .open_decision_on(&staff_member, proposal, Eligibility::AllMembers, 1)
            .await;
        let (voter, _) = app.signed_in(Role::Resident, false).await;
        let voted = voter
            .call(
                "cast_vote",
                &[("decision", &decision.to_string()), ("choice", "yes")],
            )
            .await;
        assert_eq!(voted.status(), 200, "{}", database.kind());
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &proposal.to_string()),
                    ("reason", "personal_information"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200);
        let closed = staff
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);

        let id = decision.to_string();
        let visitor = app.browser();
        let mut read = Vec::new();
        for (who, browser) in [("visitor", &visitor), ("voter", &voter)] {
            for path in [
                "/decisions".to_owned(),
                format!("/decisions/{id}"),
                "/api/v1/decisions".to_owned(),
            ] {
                read.push((format!("{who} {path}"), browser.page_text(&path).await));
            }
            read.push((
                format!("{who} list_decisions"),
                browser
                    .call("list_decisions", &[])
                    .await
                    .text()
                    .await
                    .unwrap(),
            ));
            read.push((
                format!("{who} get_decision"),
                browser
                    .call("get_decision", &[("id", &id)])
                    .await
                    .text()
                    .await
                    .unwrap(),
            ));
        }
        read.push((
            "notifications".into(),
            voter.page_text("/notifications").await,
        ));
        read.push((
            "data download".into(),
            voter.page_text("/me/data.json").await,
        ));
        read.push((
            "decisions.csv".into(),
            staff.page_text("/staff/exports/decisions.csv").await,
        ));
        for (path, text) in &read {
            assert!(
                !text.contains(SECRET),
                "{path} on {}: {text}",
                database.kind()
            );
        }
        // The voter is told the decision exists, in words that name no title.
        let page = voter.page_text(&format!("/decisions/{id}")).await;
        assert!(
            page.contains(&format!("Skrytý návrh č. {proposal}")),
            "{page}"
        );
        // Staff still read it, where they work.
        assert!(
            staff
                .page_text(&format!("/decisions/{id}"))
                .await
                .contains(SECRET)
        );
    }
}

#[tokio::test]
async fn a_hidden_proposals_photos_do_not_load_by_their_address() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let id = app.proposal_with_photo(&anna).await;
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        let urls = tests::upload_urls(&page);
        assert_eq!(urls.len(), 2, "the photo and its thumbnail");
        let visitor = app.browser();
        for url in &urls {
            let open = visitor.get(url).await;
            assert_eq!(open.status(), 200);
            let cache = open.headers()["cache-control"].to_str().unwrap().to_owned();
            assert!(cache.contains("public"), "{cache}");
        }
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &id.to_string()),
                    ("reason", "personal_information"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200);
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        for url in &urls {
            // Whoever kept the address finds nothing now, the author included; staff still see it.
            for browser in [&visitor, &eva, &anna] {
                assert_eq!(browser.get(url).await.status(), 404, "{url}");
            }
            let seen = staff.get(url).await;
            assert_eq!(seen.status(), 200);
            assert_eq!(seen.headers()["cache-control"], "private, no-store");
        }
        // A file no proposal names is not served either.
        assert_eq!(
            visitor
                .get("/uploads/0123456789abcdef0123456789abcdef.jpg")
                .await
                .status(),
            404
        );
    }
}
