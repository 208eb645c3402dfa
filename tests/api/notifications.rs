//! Notifications through HTTP: who hears about what (and who does not), marking them read, and
//! that each member may read and mark only their own.
use app::domain::Role;
use app::server::entities::notification;
use app::server::notifications::{Event, send};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use tests::{Browser, TestApp, spawn_app, test_databases};

/// The kinds of notification `member` has, oldest first.
async fn kinds(app: &TestApp, member: i32) -> Vec<String> {
    notification::Entity::find()
        .filter(notification::Column::MemberId.eq(member))
        .order_by_asc(notification::Column::Id)
        .all(&app.db)
        .await
        .expect("notifications")
        .into_iter()
        .map(|n| n.kind.as_str().to_owned())
        .collect()
}

async fn list(browser: &Browser) -> Value {
    browser
        .call("list_notifications", &[])
        .await
        .json()
        .await
        .expect("list")
}

async fn comment(browser: &Browser, proposal: &str, parent: Option<&str>, text: &str) -> String {
    let mut form = vec![("proposal", proposal), ("text", text)];
    if let Some(parent) = parent {
        form.push(("parent", parent));
    }
    let id: i32 = browser
        .call("add_comment", &form)
        .await
        .json()
        .await
        .expect("comment id");
    id.to_string()
}

#[tokio::test]
async fn replies_reach_the_proposals_author_and_the_comments_author_but_not_the_writer() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (author, author_member) = app.signed_in(Role::Resident, false).await;
        let id = app
            .proposal(&author_member, "Lavička", "U bloku 5")
            .await
            .to_string();
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let (filip, filip_member) = app.signed_in(Role::Resident, false).await;
        let bystander = app.member(Role::Resident, false).await;

        let first = comment(&eva, &id, None, "Dobrý nápad.").await;
        comment(&filip, &id, Some(&first), "Souhlasím s Evou.").await;
        comment(&author, &id, None, "Děkuji.").await;

        assert_eq!(
            kinds(&app, author_member.id).await,
            ["reply", "reply"],
            "{}",
            database.kind()
        );
        assert_eq!(kinds(&app, eva_member.id).await, ["reply"]);
        assert!(kinds(&app, filip_member.id).await.is_empty());
        assert!(kinds(&app, bystander.id).await.is_empty());

        let shown = list(&author).await;
        assert_eq!(shown["unread"], 2);
        assert_eq!(shown["notifications"][0]["about"], "Lavička");
        assert_eq!(
            shown["notifications"][0]["link"],
            format!("/proposals/{id}")
        );
        // The unread count on the bottom bar.
        assert!(author.page_text("/").await.contains("2 nepřečtená"));
    }
}

#[tokio::test]
async fn moderators_actions_are_told_to_the_author_with_the_reason() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Hřiště", "Nové hřiště.")
            .await
            .to_string();
        let cid = comment(&eva, &id, None, "Volejte 777 123 456").await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "comment"),
                    ("id", &cid),
                    ("reason", "personal_information"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200, "{}", database.kind());
        let shown = list(&eva).await;
        let item = &shown["notifications"][0];
        assert_eq!(item["kind"], "Hidden");
        assert_eq!(item["detail"], "personal_information");
        let page = eva.page_text("/notifications").await;
        assert!(
            page.contains("Moderátoři skryli váš příspěvek u návrhu „Hřiště“."),
            "{page}"
        );
        assert!(page.contains("Důvod: osobní údaje"), "{page}");
        // Restoring and dismissing are not news to the author; hiding again after a restore is.
        staff
            .call("restore_content", &[("kind", "comment"), ("id", &cid)])
            .await;
        assert_eq!(kinds(&app, eva_member.id).await, ["hidden"]);
    }
}

#[tokio::test]
async fn a_decision_is_told_to_those_who_may_vote_and_its_result_to_the_author_too() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Přechod", "Zebra u školy.")
            .await
            .to_string();
        let core = app.member(Role::Resident, true).await;
        let other = app.member(Role::Resident, false).await;
        let suspended_core = app.member(Role::Resident, true).await;
        app.suspend(&suspended_core, chrono::Duration::days(3), "Zkouška")
            .await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let closes = app::server::clock::to_local(
            chrono::Utc::now() + chrono::Duration::days(2),
            chrono_tz::Europe::Prague,
        );
        let opened = staff
            .call(
                "open_decision",
                &[
                    ("proposal", &id),
                    ("eligibility", "core"),
                    ("opens", "now"),
                    ("opens_at", ""),
                    ("closes_at", &closes),
                    ("quorum", "1"),
                ],
            )
            .await;
        assert_eq!(opened.status(), 200, "{}", database.kind());
        let decision: i32 = opened.json().await.unwrap();
        app.news_handed_out().await;
        assert_eq!(kinds(&app, core.id).await, ["decision_opened"]);
        for member in [author.id, other.id, suspended_core.id, staff_member.id] {
            assert!(kinds(&app, member).await.is_empty(), "member {member}");
        }
        let closed = staff
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);
        app.news_handed_out().await;
        assert_eq!(
            kinds(&app, core.id).await,
            ["decision_opened", "decision_closed"]
        );
        assert_eq!(kinds(&app, author.id).await, ["decision_closed"]);
        assert!(kinds(&app, other.id).await.is_empty());
        let row = notification::Entity::find()
            .filter(notification::Column::MemberId.eq(author.id))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.detail.as_deref(), Some("no_quorum"));
    }
}

#[tokio::test]
async fn an_outcome_reaches_authors_supporters_and_commenters_once_whatever_the_retries() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Koše", "Víc košů.").await;
        let pid = id.to_string();
        let (supporter, supporter_member) = app.signed_in(Role::Resident, false).await;
        supporter
            .call("support_proposal", &[("proposal", &pid), ("want", "yes")])
            .await;
        let (talker, talker_member) = app.signed_in(Role::Resident, false).await;
        comment(&talker, &pid, None, "Ano, hlavně na plast.").await;
        let bystander = app.member(Role::Resident, false).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        app.accept_in_meeting(&staff, id).await;
        let published = staff
            .call(
                "publish_outcome",
                &[
                    ("proposal", &pid),
                    ("summary", "Koše přibudou."),
                    ("stage", "planned"),
                ],
            )
            .await;
        assert_eq!(published.status(), 200, "{}", database.kind());
        let outcome = app::server::entities::outcome::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        // The same event sent again, many times at once (a retry), adds nothing.
        futures::future::join_all(
            (0..8).map(|_| send(&app.db, Event::OutcomePublished(outcome.id))),
        )
        .await;
        app.news_handed_out().await;
        for member in [author.id, supporter_member.id, talker_member.id] {
            let outcome_kinds: Vec<String> = kinds(&app, member)
                .await
                .into_iter()
                .filter(|k| k.starts_with("outcome"))
                .collect();
            assert_eq!(outcome_kinds, ["outcome_published"], "member {member}");
        }
        assert!(kinds(&app, bystander.id).await.is_empty());
        assert!(
            !kinds(&app, staff_member.id)
                .await
                .contains(&"outcome_published".to_owned())
        );
        let page = supporter.page_text("/notifications").await;
        assert!(page.contains("Víme, co bude dál: „Koše“."), "{page}");
        assert!(page.contains("Stav: naplánováno"), "{page}");
        // The author heard of the decision and of what happens next: one entry for the proposal,
        // the newest first, leading to the decision's news only through the proposal's group.
        let author_browser = app.browser();
        author_browser.sign_in_as(&author).await;
        let page = author_browser.page_text("/notifications").await;
        assert_eq!(
            page.matches(r#"<li class="notification"#).count(),
            1,
            "{page}"
        );
        let (outcome_at, decided_at) = (
            page.find("Víme, co bude dál: „Koše“.")
                .expect("the outcome"),
            page.find("Je rozhodnuto: „Koše“.").expect("the decision"),
        );
        assert!(outcome_at < decided_at, "newest first");
    }
}

#[tokio::test]
async fn members_mark_their_own_notifications_read_one_or_all() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (author, author_member) = app.signed_in(Role::Resident, false).await;
        let id = app
            .proposal(&author_member, "Lavička", "U bloku 5")
            .await
            .to_string();
        let other = app
            .proposal(&author_member, "Koše", "U bloku 2")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        comment(&eva, &other, None, "Jinde").await;
        for text in ["Jedna", "Dvě", "Tři"] {
            comment(&eva, &id, None, text).await;
        }
        let first = list(&author).await["notifications"][0]["id"]
            .as_i64()
            .unwrap()
            .to_string();
        // Someone else cannot mark them, and a visitor is asked to sign in.
        eva.call("mark_notifications_read", &[("id", &first)]).await;
        assert_eq!(list(&author).await["unread"], 4, "{}", database.kind());
        assert_eq!(
            app.browser()
                .call("mark_notifications_read", &[])
                .await
                .status(),
            401
        );
        assert_eq!(
            app.browser().call("list_notifications", &[]).await.status(),
            401
        );

        author
            .call("mark_notifications_read", &[("id", &first)])
            .await;
        // One read reads its proposal's three (the list shows them as one); the other stays.
        let shown = list(&author).await;
        assert_eq!(shown["unread"], 1);
        assert_eq!(shown["notifications"][0]["read"], true);
        assert_eq!(shown["notifications"][2]["read"], true);
        assert_eq!(shown["notifications"][3]["read"], false);
        author.call("mark_notifications_read", &[]).await;
        assert_eq!(list(&author).await["unread"], 0);
        let unread = notification::Entity::find()
            .filter(notification::Column::ReadAt.is_null())
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(unread, 0);
    }
}

#[tokio::test]
async fn edits_merges_approvals_and_outcome_updates_are_told_too() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (author, author_member) = app.signed_in(Role::Resident, false).await;
        let id = app
            .proposal(&author_member, "Lavička", "Zavolejte mi 777 123 456")
            .await;
        let pid = id.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let edited = staff
            .call(
                "edit_content",
                &[
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("title", "Lavička"),
                    ("text", "Zavolejte mi."),
                    ("note", "telefonní číslo odstraněno"),
                ],
            )
            .await;
        assert_eq!(edited.status(), 200, "{}", database.kind());
        let page = author.page_text("/notifications").await;
        assert!(
            page.contains("Moderátoři upravili váš příspěvek u návrhu „Lavička“."),
            "{page}"
        );
        assert!(
            page.contains("Poznámka: telefonní číslo odstraněno"),
            "{page}"
        );

        // A word from the staff's list holds a comment; letting it through tells its author and
        // is a reply the proposal's author hears about.
        staff.call("save_word_list", &[("words", "půjč*")]).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let cid: i32 = eva
            .call(
                "add_comment",
                &[("proposal", &pid), ("text", "Půjčím vám šroubovák.")],
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            kinds(&app, author_member.id).await,
            ["edited"],
            "a held comment is not told yet"
        );
        let approved = staff
            .call(
                "approve_content",
                &[("kind", "comment"), ("id", &cid.to_string())],
            )
            .await;
        assert_eq!(approved.status(), 200);
        assert_eq!(kinds(&app, eva_member.id).await, ["approved"]);
        assert_eq!(kinds(&app, author_member.id).await, ["edited", "reply"]);

        let duplicate = app
            .proposal(&eva_member, "Lavička znovu", "Taky chci lavičku.")
            .await;
        let merged = staff
            .call(
                "merge_proposal",
                &[
                    ("kind", "proposal"),
                    ("id", &duplicate.to_string()),
                    ("into", &pid),
                ],
            )
            .await;
        assert_eq!(merged.status(), 200);
        assert_eq!(kinds(&app, eva_member.id).await, ["approved", "merged"]);

        // An update on an outcome reaches those who took part, once per update.
        app.accept_in_meeting(&staff, id).await;
        staff
            .call(
                "publish_outcome",
                &[
                    ("proposal", &pid),
                    ("summary", "Lavička bude."),
                    ("stage", "planned"),
                ],
            )
            .await;
        let update = staff
            .call_multipart(
                "add_outcome_update",
                &[
                    ("proposal", pid.as_str()),
                    ("body", "Lavička stojí."),
                    ("stage", "done"),
                ],
                vec![],
            )
            .await;
        assert_eq!(update.status(), 200);
        app.news_handed_out().await;
        let told: Vec<String> = kinds(&app, eva_member.id)
            .await
            .into_iter()
            .filter(|k| k.starts_with("outcome"))
            .collect();
        assert_eq!(told, ["outcome_published", "outcome_updated"]);
        let page = eva.page_text("/notifications").await;
        assert!(
            page.contains("Novinka u návrhu „Lavička“.") && page.contains("Stav: hotovo"),
            "{page}"
        );
    }
}

#[tokio::test]
async fn opening_a_notification_reads_it_and_goes_to_what_it_is_about() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (author, author_member) = app.signed_in(Role::Resident, false).await;
        let id = app.proposal(&author_member, "Lavička", "U bloku 5").await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        comment(&eva, &id.to_string(), None, "Souhlasím").await;
        comment(&eva, &id.to_string(), None, "A ještě něco").await;
        let newest = list(&author).await["notifications"][0]["id"]
            .as_i64()
            .expect("an id");
        let open = format!("/notifications/{newest}/open");

        // Not hers: Eva lands on her own list and nothing is read; a visitor is asked to sign in.
        let response = eva.get(&open).await;
        assert_eq!(
            response.headers()["location"],
            "/notifications",
            "{}",
            database.kind()
        );
        assert_eq!(list(&author).await["unread"], 2);
        let response = app.browser().get(&open).await;
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap_or_default()
                .starts_with("/login")
        );

        let response = author.get(&open).await;
        assert_eq!(response.status(), 303);
        assert_eq!(
            response.headers()["location"],
            format!("/proposals/{id}").as_str()
        );
        assert_eq!(
            list(&author).await["unread"],
            0,
            "both replies on the proposal are read"
        );
        // The list links through this address, so opening from it reads it.
        let page = author.page_text("/notifications").await;
        assert!(
            page.contains(&format!(r#"href="/notifications/{newest}/open""#)),
            "{page}"
        );
        assert_eq!(
            page.matches(r#"<li class="notification""#).count(),
            1,
            "one group: {page}"
        );
    }
}

#[tokio::test]
async fn news_for_thousands_is_handed_out_once_in_chunks_by_either_instance_even_if_queued_and_left()
 {
    use app::domain::Eligibility;
    use app::server::entities::{notification_event, user};
    use sea_orm::Set;
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let _other = app.another_instance(|_| {}).await;
        // 12 000 core members (more than two chunks of 5 000), stored in bulk; one of them
        // deleted, one suspended: neither is told.
        let at = chrono::Utc::now();
        for chunk in (0..12_000).collect::<Vec<i32>>().chunks(500) {
            user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
                username: Set(format!("sused{n}")),
                display_name: Set(format!("Soused {n}")),
                password_hash: Set(String::new()),
                role: Set(Role::Resident),
                core: Set(true),
                created_at: Set(at),
                deleted_at: Set((*n == 7).then_some(at)),
                suspended_until: Set((*n == 8).then_some(at + chrono::Duration::days(2))),
                search_text: Set(format!("soused {n}")),
                ..Default::default()
            }))
            .exec(&app.db)
            .await
            .unwrap();
        }
        let staff = app.member(Role::Staff, false).await;
        let (decision, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
        app.news_handed_out().await;
        let told = |kind: &'static str| {
            let db = app.db.clone();
            async move {
                let rows: Vec<i32> = notification::Entity::find()
                    .filter(notification::Column::Kind.eq(kind))
                    .all(&db)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|n| n.member_id)
                    .collect();
                let once: std::collections::BTreeSet<i32> = rows.iter().copied().collect();
                assert_eq!(once.len(), rows.len(), "{kind}: nobody twice");
                rows.len()
            }
        };
        assert_eq!(told("decision_opened").await, 11_998, "{}", database.kind());

        // Queued by an instance that stopped before handing it out: a running one does.
        notification_event::Entity::insert(notification_event::ActiveModel {
            kind: Set("decision_closing".into()),
            subject_id: Set(decision),
            created_at: Set(at),
            claimed_until: Set(Some(at - chrono::Duration::seconds(1))),
            ..Default::default()
        })
        .exec(&app.db)
        .await
        .unwrap();
        app.news_handed_out().await;
        assert_eq!(
            told("decision_closing").await,
            11_998,
            "{}",
            database.kind()
        );
    }
}
