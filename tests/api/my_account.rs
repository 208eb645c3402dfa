//! `/me` through HTTP: a member renames themselves and changes their password (the current one
//! first); bad input changes nothing; the privacy page is for everyone.
use app::domain::{Eligibility, Role};
use serde_json::Value;
use tests::{spawn_app, test_databases};

async fn fields(response: reqwest::Response) -> Vec<String> {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.expect("error");
    body["Invalid"]["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_member_renames_themselves_and_others_see_the_new_name() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let refused = eva
            .call("change_display_name", &[("display_name", "E")])
            .await;
        assert_eq!(
            fields(refused).await,
            ["display_name"],
            "{}",
            database.kind()
        );
        let visitor = app
            .browser()
            .call("change_display_name", &[("display_name", "Eva")])
            .await;
        assert_eq!(visitor.status(), 401);

        let renamed = eva
            .call("change_display_name", &[("display_name", "Evička")])
            .await;
        assert_eq!(renamed.status(), 200);
        assert!(eva.page_text("/me").await.contains("Evička"));
        let id = app.proposal(&eva_member, "Lavička", "U bloku 5").await;
        assert!(
            app.browser()
                .page_text(&format!("/proposals/{id}"))
                .await
                .contains("Evička")
        );
    }
}

#[tokio::test]
async fn a_member_changes_their_password_only_with_the_current_one() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, member) = app.signed_in(Role::Resident, false).await;
        let both_wrong = eva
            .call(
                "change_password",
                &[
                    ("current_password", "nesedí-vůbec"),
                    ("new_password", "krátké"),
                ],
            )
            .await;
        assert_eq!(
            fields(both_wrong).await,
            ["current_password", "new_password"],
            "{}",
            database.kind()
        );
        let changed = eva
            .call(
                "change_password",
                &[
                    ("current_password", &member.password),
                    ("new_password", "nové-heslo-na-jaro"),
                ],
            )
            .await;
        assert_eq!(changed.status(), 200);

        let old = app.browser().sign_in_as(&member).await;
        assert_eq!(old.status(), 422, "the old password no longer works");
        let renewed = tests::TestMember {
            password: "nové-heslo-na-jaro".into(),
            ..member
        };
        assert!(
            app.browser()
                .sign_in_as(&renewed)
                .await
                .status()
                .is_success()
        );
    }
}

#[tokio::test]
async fn the_privacy_page_says_what_is_kept_to_everyone() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/privacy").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let page = response.text().await.unwrap();
        assert!(page.contains("Co o vás Spolu ví"));
        assert!(page.contains("Nikde není vidět, jak kdo hlasoval."));
    }
}

/// Eva, a core member with a proposal (with a photo), a comment and a support on Filip's, a
/// report, a vote in a decision that has closed and one in a decision still open.
struct Eva {
    browser: tests::Browser,
    member: tests::TestMember,
    own: i32,
    filips: i32,
    closed: i32,
    open: i32,
}

async fn eva_with_everything(app: &tests::TestApp) -> Eva {
    let (browser, member) = app.signed_in(Role::Resident, true).await;
    let category = app.first_category().await.to_string();
    let own: i32 = browser
        .propose_with_photos(
            &[
                ("title", "Evina lavička"),
                ("body", "Lavička u bloku 5."),
                ("category", &category),
            ],
            vec![("lavicka.png", tests::png(64, 48))],
        )
        .await
        .json()
        .await
        .expect("proposal id");
    let filip = app.member(Role::Resident, false).await;
    let filips = app
        .proposal(&filip, "Filipův stojan", "Stojan na kola.")
        .await;
    let pid = filips.to_string();
    browser
        .call("support_proposal", &[("proposal", &pid), ("want", "yes")])
        .await;
    browser
        .call(
            "add_comment",
            &[("proposal", &pid), ("text", "Evin komentář")],
        )
        .await;
    browser
        .call(
            "report_content",
            &[("kind", "proposal"), ("id", &pid), ("reason", "spam")],
        )
        .await;
    let staff = app.member(Role::Staff, false).await;
    let (closed, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
    let (open, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
    for decision in [closed, open] {
        let voted = browser
            .call(
                "cast_vote",
                &[("decision", &decision.to_string()), ("choice", "yes")],
            )
            .await;
        assert_eq!(voted.status(), 200);
    }
    app::server::decisions::close_early(&app.db, &staff.as_member(), closed)
        .await
        .expect("closed");
    Eva {
        browser,
        member,
        own,
        filips,
        closed,
        open,
    }
}

async fn tallies(app: &tests::TestApp, decision: i32) -> Vec<(i32, i32, i32)> {
    use app::server::entities::decision_tally;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    decision_tally::Entity::find()
        .filter(decision_tally::Column::DecisionId.eq(decision))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.yes, t.no, t.abstain))
        .collect()
}

#[tokio::test]
async fn the_download_holds_exactly_the_members_data_and_never_a_vote() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let eva = eva_with_everything(&app).await;
        let response = eva.browser.get("/me/data.json").await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        let text = response.text().await.unwrap();
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(data["account"]["username"], eva.member.username.as_str());
        assert_eq!(data["proposals"].as_array().map(Vec::len), Some(1));
        assert_eq!(data["proposals"][0]["title"], "Evina lavička");
        assert_eq!(
            data["proposals"][0]["photos"].as_array().map(Vec::len),
            Some(1)
        );
        assert_eq!(data["comments"][0]["text"], "Evin komentář");
        assert_eq!(data["supported_proposals"], serde_json::json!([eva.filips]));
        assert_eq!(data["reports"][0]["reason"], "spam");
        assert_eq!(
            data["decisions_taken_part_in"].as_array().map(Vec::len),
            Some(2)
        );
        // Nobody else's words, and no choice of a vote.
        assert!(!text.contains("Stojan na kola."), "{text}");
        assert!(!text.contains("\"yes\""), "{text}");
        assert!(!text.contains("choice"), "{text}");

        let visitor = app.browser().get("/me/data.json").await;
        assert!(
            visitor.status().is_redirection(),
            "a visitor signs in first"
        );
        assert_eq!(visitor.headers()["location"], "/login?next=%2Fme");
    }
}

#[tokio::test]
async fn deleting_an_account_and_keeping_posts_leaves_nothing_personal_and_tallies_unchanged() {
    use app::server::entities::{
        decision_participant, notification, open_ballot_mark, proposal, report, support, user,
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let eva = eva_with_everything(&app).await;
        let other_device = app.browser();
        assert!(
            other_device
                .sign_in_as(&eva.member)
                .await
                .status()
                .is_success()
        );
        let closed_before = tallies(&app, eva.closed).await;

        let wrong = eva
            .browser
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", "není-to-ono")],
            )
            .await;
        assert_eq!(fields(wrong).await, ["password"], "{}", database.kind());
        let row = user::Entity::find_by_id(eva.member.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(row.deleted_at.is_none(), "a wrong password changes nothing");

        let deleted = eva
            .browser
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &eva.member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200);
        let row = user::Entity::find_by_id(eva.member.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.username,
            app::domain::Username::of_deleted_account(eva.member.id)
        );
        assert_eq!(
            (row.display_name.as_str(), row.password_hash.as_str()),
            ("", "")
        );
        assert!(row.deleted_at.is_some() && !row.core && row.language.is_none());
        let mine = |count: u64| assert_eq!(count, 0);
        mine(
            support::Entity::find()
                .filter(support::Column::MemberId.eq(eva.member.id))
                .count(&app.db)
                .await
                .unwrap(),
        );
        mine(
            report::Entity::find()
                .filter(report::Column::ReporterId.eq(eva.member.id))
                .count(&app.db)
                .await
                .unwrap(),
        );
        mine(
            notification::Entity::find()
                .filter(notification::Column::MemberId.eq(eva.member.id))
                .count(&app.db)
                .await
                .unwrap(),
        );
        mine(
            open_ballot_mark::Entity::find()
                .filter(open_ballot_mark::Column::MemberId.eq(eva.member.id))
                .count(&app.db)
                .await
                .unwrap(),
        );
        mine(
            decision_participant::Entity::find()
                .filter(decision_participant::Column::MemberId.eq(eva.member.id))
                .count(&app.db)
                .await
                .unwrap(),
        );
        let filips = proposal::Entity::find_by_id(eva.filips)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((filips.support_count, filips.comment_count), (0, 1));
        // The closed tally is as it was; the open decision no longer counts her.
        assert_eq!(tallies(&app, eva.closed).await, closed_before);
        assert_eq!(closed_before, [(1, 0, 0)]);
        mine(
            open_ballot_mark::Entity::find()
                .filter(open_ballot_mark::Column::DecisionId.eq(eva.open))
                .count(&app.db)
                .await
                .unwrap(),
        );

        // Her posts stay, signed "former member"; she cannot sign in, on any device.
        let page = app
            .browser()
            .page_text(&format!("/proposals/{}", eva.own))
            .await;
        assert!(
            page.contains("Evina lavička") && page.contains("smazaný účet"),
            "{page}"
        );
        assert_eq!(app.browser().sign_in_as(&eva.member).await.status(), 422);
        assert!(
            other_device.page_text("/me").await.contains("/login?next"),
            "signed out everywhere"
        );
    }
}

#[tokio::test]
async fn deleting_an_account_and_removing_posts_empties_them_and_their_photos() {
    use app::server::entities::{comment, proposal, proposal_photo};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let eva = eva_with_everything(&app).await;
        let closed_before = tallies(&app, eva.closed).await;
        let files_before = std::fs::read_dir(app.uploads_dir()).unwrap().count();
        assert_eq!(files_before, 2, "a photo and its thumbnail");
        let deleted = eva
            .browser
            .call(
                "delete_account",
                &[("posts", "remove"), ("password", &eva.member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200, "{}", database.kind());
        let own = proposal::Entity::find_by_id(eva.own)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((own.title.as_str(), own.body.as_str()), ("", ""));
        assert_eq!(own.hidden_reason.as_deref(), Some("author_removed"));
        assert_eq!(
            proposal_photo::Entity::find()
                .filter(proposal_photo::Column::ProposalId.eq(eva.own))
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        assert_eq!(std::fs::read_dir(app.uploads_dir()).unwrap().count(), 0);
        let words = comment::Entity::find()
            .filter(comment::Column::AuthorId.eq(eva.member.id))
            .all(&app.db)
            .await
            .unwrap();
        assert!(
            words
                .iter()
                .all(|c| c.body.is_empty() && c.deleted_at.is_some())
        );
        let filips = proposal::Entity::find_by_id(eva.filips)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(filips.comment_count, 0);
        let page = app
            .browser()
            .page_text(&format!("/proposals/{}", eva.own))
            .await;
        assert!(page.contains("smazáno autorem"), "{page}");
        assert_eq!(tallies(&app, eva.closed).await, closed_before);
        assert!(
            !app.browser()
                .page_text("/proposals")
                .await
                .contains(&format!("/proposals/{}\"", eva.own))
        );
    }
}
