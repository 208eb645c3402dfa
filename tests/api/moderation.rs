//! Moderation through HTTP: hiding, restoring, dismissing, editing with a note, locking and
//! merging change what residents see, and each leaves exactly one log row — a refused or failed
//! action leaves neither the change nor a row.
use app::domain::Role;
use app::server::entities::{moderation_log, proposal, report, support};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use tests::{Browser, TestApp, spawn_app, test_databases};

async fn log_rows(app: &TestApp) -> Vec<moderation_log::Model> {
    moderation_log::Entity::find()
        .all(&app.db)
        .await
        .expect("log")
}

async fn proposal_row(app: &TestApp, id: i32) -> proposal::Model {
    proposal::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("proposal")
}

async fn comments_seen(browser: &Browser, proposal: i32) -> Vec<Value> {
    let list: Value = browser
        .call("list_comments", &[("proposal", &proposal.to_string())])
        .await
        .json()
        .await
        .expect("comments");
    list.as_array().cloned().unwrap_or_default()
}

async fn error_field(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.expect("error");
    body["Invalid"]["errors"][0]["field"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_hidden_comment_shows_the_reason_in_place_of_its_words_until_restored() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app.proposal(&author, "Lavička", "U bloku 5").await;
        let pid = proposal.to_string();
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let cid: i32 = eva
            .call(
                "add_comment",
                &[("proposal", &pid), ("text", "Volejte Karlovi 777 123 456")],
            )
            .await
            .json()
            .await
            .expect("id");
        let cid = cid.to_string();
        let (filip, _) = app.signed_in(Role::Resident, false).await;
        filip
            .call(
                "report_content",
                &[
                    ("kind", "comment"),
                    ("id", &cid),
                    ("reason", "personal_information"),
                ],
            )
            .await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let queue = staff.page_text("/staff").await;
        assert!(queue.contains("Volejte Karlovi"), "{}", database.kind());
        assert!(queue.contains("Jsou tu osobní údaje (1×)"), "{queue}");
        assert_eq!(proposal_row(&app, proposal).await.comment_count, 1);
        // The reason is chosen, never preselected: the form's first choice is "choose a reason",
        // and sending that hides nothing.
        assert!(queue.contains(r#"<option value="" selected>"#), "{queue}");
        let unchosen = staff
            .call(
                "hide_content",
                &[("kind", "comment"), ("id", &cid), ("reason", "")],
            )
            .await;
        assert_eq!(error_field(unchosen).await, "reason");
        assert!(log_rows(&app).await.is_empty());

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
        assert_eq!(hidden.status(), 200);

        let seen = comments_seen(&filip, proposal).await;
        assert_eq!(seen[0]["text"], "", "the words stay on the server");
        assert_eq!(seen[0]["marks"]["hidden_reason"], "personal_information");
        let page = filip.page_text(&format!("/proposals/{pid}")).await;
        assert!(page.contains("Skryto moderátory: osobní údaje"), "{page}");
        assert!(!page.contains("777 123 456"));
        assert_eq!(proposal_row(&app, proposal).await.comment_count, 0);
        let open_reports = report::Entity::find()
            .filter(report::Column::ResolvedAt.is_null())
            .count(&app.db)
            .await
            .expect("reports");
        assert_eq!(open_reports, 0, "hiding settles the reports");
        // Its author cannot edit around the moderators.
        assert_eq!(
            eva.call("edit_comment", &[("comment", &cid), ("text", "Znovu 777")])
                .await
                .status(),
            404
        );

        let log = log_rows(&app).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action.as_str(), "hide");
        assert_eq!(log[0].staff_id, staff_member.id);
        assert_eq!(log[0].member_id, Some(eva_member.id));
        assert_eq!(log[0].target_kind.map(|k| k.as_str()), Some("comment"));
        assert_eq!(log[0].reason.as_deref(), Some("personal_information"));

        // Hiding twice is refused, and leaves no second row.
        let again = staff
            .call(
                "hide_content",
                &[("kind", "comment"), ("id", &cid), ("reason", "spam")],
            )
            .await;
        assert_eq!(error_field(again).await, "reason");
        assert_eq!(log_rows(&app).await.len(), 1);

        let restored = staff
            .call("restore_content", &[("kind", "comment"), ("id", &cid)])
            .await;
        assert_eq!(restored.status(), 200);
        let seen = comments_seen(&filip, proposal).await;
        assert_eq!(seen[0]["text"], "Volejte Karlovi 777 123 456");
        assert_eq!(proposal_row(&app, proposal).await.comment_count, 1);
        let log = log_rows(&app).await;
        assert_eq!(log.len(), 2);
        assert_eq!(log[1].action.as_str(), "restore");
    }
}

#[tokio::test]
async fn a_hidden_proposal_leaves_the_list_and_its_page_shows_only_the_reason() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Kupte si hodinky", "Levně na webu")
            .await;
        let pid = proposal.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let response = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("reason", "other"),
                    ("written", "Reklama na hodinky"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let list: Value = eva
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(list["cards"].as_array().map(Vec::len), Some(0));
        let page = eva.page_text(&format!("/proposals/{pid}")).await;
        assert!(
            page.contains("Skryto moderátory: Reklama na hodinky"),
            "{page}"
        );
        assert!(!page.contains("Levně na webu"));
        assert!(!page.contains("Kupte si hodinky"));
        // Staff still see it, to restore it.
        let staff_list: Value = staff
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(staff_list["cards"].as_array().map(Vec::len), Some(1));
        assert!(staff.page_text("/staff").await.contains("Levně na webu"));
        // Nobody supports or discusses a hidden proposal.
        assert_eq!(
            eva.call("support_proposal", &[("proposal", &pid), ("want", "yes")])
                .await
                .status(),
            422
        );
    }
}

#[tokio::test]
async fn a_moderator_edit_changes_the_words_and_shows_its_note() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Lavička", "Zavolejte mi na 777 123 456")
            .await;
        let pid = proposal.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;

        // Without a note: refused, nothing changed, no log row.
        let refused = staff
            .call(
                "edit_content",
                &[
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("title", "Lavička"),
                    ("text", "Zavolejte mi"),
                    ("note", " "),
                ],
            )
            .await;
        assert_eq!(error_field(refused).await, "note", "{}", database.kind());
        assert_eq!(
            proposal_row(&app, proposal).await.body,
            "Zavolejte mi na 777 123 456"
        );
        assert!(log_rows(&app).await.is_empty());

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
        assert_eq!(edited.status(), 200);
        let page = app.browser().page_text(&format!("/proposals/{pid}")).await;
        assert!(
            page.contains("Upraveno moderátory: telefonní číslo odstraněno"),
            "{page}"
        );
        assert!(!page.contains("777 123 456"));
        let log = log_rows(&app).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action.as_str(), "edit");
        assert_eq!(log[0].reason.as_deref(), Some("telefonní číslo odstraněno"));
    }
}

#[tokio::test]
async fn a_locked_discussion_takes_no_new_comments_until_unlocked() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app.proposal(&author, "Hřiště", "Opravit").await.to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let lock = |value: &'static str| {
            let staff = &staff;
            let pid = pid.clone();
            async move {
                staff
                    .call(
                        "lock_discussion",
                        &[("kind", "proposal"), ("id", &pid), ("lock", value)],
                    )
                    .await
            }
        };
        assert_eq!(lock("yes").await.status(), 200, "{}", database.kind());
        let refused = eva
            .call("add_comment", &[("proposal", &pid), ("text", "Ještě něco")])
            .await;
        assert_eq!(refused.status(), 422);
        let body: Value = refused.json().await.expect("error");
        assert_eq!(
            body["Invalid"]["errors"][0]["message"],
            "error-comment-locked"
        );
        assert!(
            eva.page_text(&format!("/proposals/{pid}"))
                .await
                .contains("Moderátoři diskusi uzavřeli")
        );
        assert_eq!(error_field(lock("yes").await).await, "lock");
        assert_eq!(lock("no").await.status(), 200);
        assert_eq!(
            eva.call("add_comment", &[("proposal", &pid), ("text", "Ještě něco")])
                .await
                .status(),
            200
        );
        let actions: Vec<String> = log_rows(&app)
            .await
            .into_iter()
            .map(|r| r.action.as_str().to_owned())
            .collect();
        assert_eq!(actions, ["lock", "unlock"]);
    }
}

#[tokio::test]
async fn merging_carries_supporters_over_counted_once() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let first_author = app.member(Role::Resident, false).await;
        let second_author = app.member(Role::Resident, false).await;
        let duplicate = app
            .proposal(&first_author, "Lavička u pětky", "Prosím")
            .await;
        let original = app
            .proposal(&second_author, "Lavička u bloku 5", "Chybí tu")
            .await;
        let (dup, orig) = (duplicate.to_string(), original.to_string());
        let (both, _) = app.signed_in(Role::Resident, false).await;
        let (only_duplicate, _) = app.signed_in(Role::Resident, false).await;
        for (browser, id) in [(&both, &dup), (&both, &orig), (&only_duplicate, &dup)] {
            let r = browser
                .call("support_proposal", &[("proposal", id), ("want", "yes")])
                .await;
            assert_eq!(r.status(), 200);
        }
        // The original's author supported the duplicate: they cannot support their own.
        let second = app.browser();
        second.sign_in_as(&second_author).await;
        second
            .call("support_proposal", &[("proposal", &dup), ("want", "yes")])
            .await;

        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let merge = |into: String| {
            let staff = &staff;
            let dup = dup.clone();
            async move {
                staff
                    .call(
                        "merge_proposal",
                        &[("kind", "proposal"), ("id", &dup), ("into", &into)],
                    )
                    .await
            }
        };
        assert_eq!(
            error_field(merge(dup.clone()).await).await,
            "into",
            "{}",
            database.kind()
        );
        assert_eq!(error_field(merge("99999".into()).await).await, "into");
        assert!(log_rows(&app).await.is_empty(), "refusals leave no row");

        assert_eq!(merge(format!("#{orig}")).await.status(), 200);
        let merged = proposal_row(&app, duplicate).await;
        assert_eq!(merged.status.as_str(), "merged");
        assert_eq!(merged.merged_into, Some(original));
        let target = proposal_row(&app, original).await;
        // `both` (once), `only_duplicate`, and the duplicate's author; not the original's author.
        assert_eq!(target.support_count, 3);
        let supporters = support::Entity::find()
            .filter(support::Column::ProposalId.eq(original))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(supporters, 3);
        let page = both.page_text(&format!("/proposals/{dup}")).await;
        assert!(
            page.contains(&format!("Sloučeno s návrhem č. {orig}")),
            "{page}"
        );
        let log = log_rows(&app).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action.as_str(), "merge");
        assert_eq!(log[0].reason.as_deref(), Some(format!("#{orig}").as_str()));
        // A merged proposal cannot be merged again.
        assert_eq!(error_field(merge(orig.clone()).await).await, "into");
    }
}

#[tokio::test]
async fn dismissing_settles_reports_once_and_the_log_filters() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app.proposal(&author, "Koše", "Více košů").await.to_string();
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        eva.call(
            "report_content",
            &[("kind", "proposal"), ("id", &pid), ("reason", "spam")],
        )
        .await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        assert_eq!(
            staff
                .call("dismiss_reports", &[("kind", "proposal"), ("id", &pid)])
                .await
                .status(),
            200,
            "{}",
            database.kind()
        );
        let again = admin
            .call("dismiss_reports", &[("kind", "proposal"), ("id", &pid)])
            .await;
        assert_eq!(error_field(again).await, "dismiss");
        assert!(!staff.page_text("/staff").await.contains("Více košů"));
        admin
            .call(
                "lock_discussion",
                &[("kind", "proposal"), ("id", &pid), ("lock", "yes")],
            )
            .await;

        let all: Value = staff.call("read_log", &[]).await.json().await.expect("log");
        assert_eq!(all["rows"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            all["rows"][0]["action_key"], "log-action-lock",
            "newest first"
        );
        let mine: Value = staff
            .call("read_log", &[("staff", &staff_member.id.to_string())])
            .await
            .json()
            .await
            .expect("log");
        assert_eq!(mine["rows"].as_array().map(Vec::len), Some(1));
        assert_eq!(mine["rows"][0]["action_key"], "log-action-dismiss");
        let locks: Value = staff
            .call("read_log", &[("action", "lock")])
            .await
            .json()
            .await
            .expect("log");
        assert_eq!(locks["rows"].as_array().map(Vec::len), Some(1));
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2))
            .format("%Y-%m-%d")
            .to_string();
        let none: Value = staff
            .call("read_log", &[("from", &tomorrow)])
            .await
            .json()
            .await
            .expect("log");
        assert_eq!(none["rows"].as_array().map(Vec::len), Some(0));
        let page = staff.page_text("/staff/log").await;
        assert!(page.contains("nahlášení uznal(a) za v pořádku"), "{page}");
    }
}

#[tokio::test]
async fn a_suspended_member_reads_but_cannot_take_part_until_it_ends() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app
            .proposal(&author, "Lavička", "U bloku 5")
            .await
            .to_string();
        let (eva, eva_member) = app.signed_in(Role::Resident, true).await;
        app.suspend(
            &eva_member,
            chrono::Duration::seconds(3),
            "Urážky v diskusi",
        )
        .await;
        let page = eva.page_text("/").await;
        assert!(page.contains("Váš účet je pozastavený do"), "{page}");
        assert!(page.contains("Důvod: Urážky v diskusi"));
        let attempts = [
            eva.call("add_comment", &[("proposal", &pid), ("text", "Ahoj")])
                .await,
            eva.call("support_proposal", &[("proposal", &pid), ("want", "yes")])
                .await,
            eva.call(
                "report_content",
                &[("kind", "proposal"), ("id", &pid), ("reason", "spam")],
            )
            .await,
            eva.propose(&[("title", "Nový"), ("body", "Text"), ("category", "1")])
                .await,
        ];
        for response in attempts {
            assert_eq!(response.status(), 403, "{}", database.kind());
            let body: Value = response.json().await.expect("error");
            assert_eq!(body, "Suspended");
        }
        assert_eq!(
            eva.get(&format!("/proposals/{pid}")).await.status(),
            200,
            "reading stays"
        );
        // The suspension ends on time, with nobody lifting it.
        tokio::time::sleep(std::time::Duration::from_millis(3200)).await;
        assert_eq!(
            eva.call("add_comment", &[("proposal", &pid), ("text", "Ahoj")])
                .await
                .status(),
            200
        );
        assert!(!eva.page_text("/").await.contains("pozastavený"));
    }
}

#[tokio::test]
async fn a_post_with_a_listed_word_waits_for_a_moderator() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let author = app.member(Role::Resident, false).await;
        let pid = app.proposal(&author, "Lavička", "U bloku 5").await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let saved = staff
            .call("save_word_list", &[("words", "půjč*\nKurva\n")])
            .await;
        assert_eq!(saved.status(), 200, "{}", database.kind());
        let words: String = staff
            .call("get_word_list", &[])
            .await
            .json()
            .await
            .expect("words");
        assert_eq!(words, "půjč*\nKurva");

        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let cid: i32 = anna
            .call(
                "add_comment",
                &[
                    ("proposal", &pid.to_string()),
                    ("text", "Nabízím PŮJČKY ihned"),
                ],
            )
            .await
            .json()
            .await
            .expect("id");
        let mine = comments_seen(&anna, pid).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["marks"]["held"], true);
        assert!(
            anna.page_text(&format!("/proposals/{pid}"))
                .await
                .contains("Čeká na moderátora")
        );
        assert!(
            comments_seen(&eva, pid).await.is_empty(),
            "others do not see it yet"
        );
        assert_eq!(proposal_row(&app, pid).await.comment_count, 0);
        assert!(
            staff
                .page_text("/staff")
                .await
                .contains("Nabízím PŮJČKY ihned")
        );

        assert_eq!(
            staff
                .call(
                    "approve_content",
                    &[("kind", "comment"), ("id", &cid.to_string())]
                )
                .await
                .status(),
            200
        );
        assert_eq!(comments_seen(&eva, pid).await.len(), 1, "let through");
        assert_eq!(proposal_row(&app, pid).await.comment_count, 1);

        // A proposal is held the same way, even without pre-moderation.
        let held: i32 = anna
            .propose(&[
                ("title", "Kurva lavička"),
                ("body", "Text"),
                ("category", &category),
            ])
            .await
            .json()
            .await
            .expect("id");
        assert_eq!(proposal_row(&app, held).await.status.as_str(), "submitted");
        assert_eq!(eva.get(&format!("/proposals/{held}")).await.status(), 404);
        let actions: Vec<String> = log_rows(&app)
            .await
            .into_iter()
            .map(|r| r.action.as_str().to_owned())
            .collect();
        assert_eq!(actions, ["change_settings", "approve"]);
    }
}
