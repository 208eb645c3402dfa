//! Posters for the stairwell through HTTP: only staff print them, they say only what a visitor
//! may read, and each QR code decodes back to the page it is about.
use crate::qr::decode_qr_codes;
use app::domain::{Eligibility, Role};
use sea_orm::EntityTrait;
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn a_decision_poster_says_until_when_and_who_votes_then_the_result() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Lavička <b>u</b> \"pětky\"", "Chybí tam.")
            .await;
        let decision = app
            .open_decision_on(&staff_member, proposal, Eligibility::CoreGroup, 1)
            .await;
        let path = format!("/decisions/{decision}/poster");

        // Residents and visitors do not print posters, by page or by server function.
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let id = [("id", decision.to_string())];
        let id: Vec<(&str, &str)> = id.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(anna.call("get_decision_poster", &id).await.status(), 403);
        assert_eq!(
            app.browser()
                .call("get_decision_poster", &id)
                .await
                .status(),
            401
        );
        assert!(!anna.page_text(&path).await.contains("poster-qr"));

        let page = staff.page_text(&path).await;
        assert!(
            page.contains("Hlasování je otevřené"),
            "{}",
            database.kind()
        );
        assert!(page.contains("Hlasuje jádrová skupina."), "{page}");
        // The title is text, never markup.
        assert!(page.contains("Lavička &lt;b&gt;u&lt;/b&gt;"), "{page}");
        assert!(!page.contains("<b>u</b>"));
        assert_eq!(
            decode_qr_codes(&page),
            [format!("{}/decisions/{decision}", app.base_url)]
        );
        // The decision page offers it to staff.
        let decision_page = staff.page_text(&format!("/decisions/{decision}")).await;
        assert!(decision_page.contains(&format!("href=\"{path}\"")));

        let closed = staff
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);
        let page = staff.page_text(&path).await;
        assert!(page.contains("Je rozhodnuto"), "{page}");
        assert!(
            page.contains("Hlasovalo méně lidí, než bylo potřeba."),
            "{page}"
        );
    }
}

#[tokio::test]
async fn a_poster_never_names_a_hidden_proposal_and_the_week_leaves_out_what_is_not_public() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let author = app.member(Role::Resident, false).await;
        let secret = app.proposal(&author, "Kupte si hodinky", "Levně.").await;
        let decision = app
            .open_decision_on(&staff_member, secret, Eligibility::CoreGroup, 1)
            .await;
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &secret.to_string()),
                    ("reason", "other"),
                    ("written", "Reklama"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200);
        app.proposal_held(&author, "Čeká na schválení", "Zatím ne.")
            .await;
        app.proposal(&author, "Nové koše", "U hřiště.").await;

        let page = staff
            .page_text(&format!("/decisions/{decision}/poster"))
            .await;
        assert!(!page.contains("hodinky"), "{}: {page}", database.kind());
        assert!(page.contains(&format!("č. {secret}")), "{page}");

        let week = staff.page_text("/posters/week").await;
        assert!(week.contains("Co je nového"), "{week}");
        assert!(week.contains("Nové koše"), "{week}");
        assert!(
            !week.contains("hodinky"),
            "a hidden proposal is not on the wall"
        );
        assert!(
            !week.contains("Čeká na schválení"),
            "nor one waiting for staff"
        );
        assert_eq!(
            decode_qr_codes(&week),
            [format!("{}/proposals", app.base_url)]
        );
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(anna.call("get_week_poster", &[]).await.status(), 403);
    }
}

#[tokio::test]
async fn an_outcome_poster_shows_its_stage_the_latest_update_and_a_code_to_the_proposal() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app.proposal(&author, "Houpačka", "Má prasklý řetěz.").await;
        let pid = proposal.to_string();
        app.accept_in_meeting(&staff, proposal).await;
        let published = staff
            .call(
                "publish_outcome",
                &[
                    ("proposal", pid.as_str()),
                    ("summary", "Řetěz vymění technické služby."),
                    ("who_does", ""),
                    ("due_on", ""),
                    ("stage", "in_progress"),
                    ("reason", ""),
                ],
            )
            .await;
        assert_eq!(published.status(), 200, "{}", database.kind());
        let update = staff
            .call_multipart(
                "add_outcome_update",
                &[
                    ("proposal", pid.as_str()),
                    ("body", "Nový řetěz je objednaný."),
                    ("stage", ""),
                ],
                vec![],
            )
            .await;
        assert_eq!(update.status(), 200);
        let outcome = app::server::entities::outcome::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let path = format!("/outcomes/{}/poster", outcome.id);
        let proposal_page = staff.page_text(&format!("/proposals/{proposal}")).await;
        assert!(
            proposal_page.contains(&format!("href=\"{path}\"")),
            "offered"
        );

        let page = staff.page_text(&path).await;
        for words in [
            "Co se děje s návrhem",
            "Houpačka",
            "pracuje se na tom",
            "Řetěz vymění technické služby.",
            "Nový řetěz je objednaný.",
        ] {
            assert!(page.contains(words), "{words}: {page}");
        }
        assert_eq!(
            decode_qr_codes(&page),
            [format!("{}/proposals/{proposal}", app.base_url)]
        );
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(
            anna.call("get_outcome_poster", &[("id", &outcome.id.to_string())])
                .await
                .status(),
            403
        );
        assert_eq!(
            staff
                .call("get_outcome_poster", &[("id", "999999")])
                .await
                .status(),
            404
        );
    }
}
