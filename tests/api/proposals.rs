//! Proposing, browsing, reading and supporting: `/api/create_proposal`, `/api/list_proposals`,
//! `/api/get_proposal`, `/api/support_proposal` and their pages.
use app::domain::Role;
use serde_json::Value;
use tests::{spawn_app, test_databases};

/// A form as (field, value) pairs, and the (field, message key) pairs it should get back.
type Form<'a> = Vec<(&'a str, &'a str)>;
type Expected<'a> = Vec<(&'a str, &'a str)>;

async fn field_messages(response: reqwest::Response) -> Vec<(String, String)> {
    let body: Value = response.json().await.expect("json");
    body["Invalid"]["errors"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_member_proposes_and_everyone_can_read_it() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .propose(&[
                ("title", "Lavička u bloku 5"),
                ("body", "Chybí tu lavička.\nStaří lidé nemají kde sednout."),
                ("category", &category),
            ])
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let id: i32 = response.json().await.expect("id");

        let page = app.browser().get(&format!("/proposals/{id}")).await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.expect("body");
        assert!(html.contains("Lavička u bloku 5"));
        assert!(
            html.contains("Chybí tu lavička.<!---->") || html.contains("Chybí tu lavička."),
            "text shown"
        );
        assert!(html.contains("<br"), "line breaks kept");
        assert!(html.contains("Hřiště a děti"), "category shown");
        let list = app.browser().page_text("/proposals").await;
        assert!(list.contains("Lavička u bloku 5"), "listed");
    }
}

#[tokio::test]
async fn visitors_cannot_propose_and_are_sent_to_sign_in() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app
            .browser()
            .propose(&[("title", "X"), ("body", "Y"), ("category", "1")])
            .await;
        assert_eq!(response.status(), 401, "{}", database.kind());
        let page = app.browser().get("/proposals/new").await;
        assert_eq!(page.status(), 302);
        assert_eq!(page.headers()["location"], "/login?next=%2Fproposals%2Fnew");
    }
}

#[tokio::test]
async fn bad_input_gets_a_message_per_field_and_stores_nothing() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let long_title = "ř".repeat(81);
        let long_body = "é".repeat(2001);
        let cases: Vec<(Form, Expected)> = vec![
            (
                vec![
                    ("title", &long_title),
                    ("body", "text"),
                    ("category", &category),
                ],
                vec![("title", "error-title-long")],
            ),
            (
                vec![
                    ("title", "Název"),
                    ("body", &long_body),
                    ("category", &category),
                ],
                vec![("body", "error-body-long")],
            ),
            (
                vec![("title", "Název"), ("body", "text"), ("category", "999")],
                vec![("category", "error-category-missing")],
            ),
            (
                vec![
                    ("title", "Název"),
                    ("body", "text"),
                    ("category", &category),
                    ("place", "999"),
                ],
                vec![("place", "error-place-unknown")],
            ),
            (
                vec![("title", ""), ("body", ""), ("category", "x")],
                vec![
                    ("body", "error-body-missing"),
                    ("category", "error-category-missing"),
                ],
            ),
        ];
        for (form, expected) in cases {
            let response = anna.propose(&form).await;
            assert_eq!(response.status(), 422, "{form:?} on {}", database.kind());
            let got = field_messages(response).await;
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(f, m)| (f.to_string(), m.to_string()))
                .collect();
            assert_eq!(got, expected, "{form:?}");
        }
        let list: Value = app
            .browser()
            .call("list_proposals", &[])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(
            list["cards"].as_array().map(Vec::len),
            Some(0),
            "nothing stored"
        );
    }
}

/// The quickest proposal: one sentence. The title is the sentence's start, the category "Other".
#[tokio::test]
async fn one_sentence_is_enough_to_propose() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        // The estate's default categories, as a new estate starts with.
        app.first_category().await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .propose(&[
                ("title", " "),
                (
                    "body",
                    "Chybí lavička u bloku 5, senioři nemají kde sednout.\nDíky.",
                ),
            ])
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let id: i32 = response.json().await.expect("id");
        let detail: Value = app.browser().proposal_detail(id).await;
        assert_eq!(
            detail["title"],
            "Chybí lavička u bloku 5, senioři nemají kde sednout."
        );
        assert_eq!(detail["category"]["name"], "Jiné", "{detail}");
    }
}

#[tokio::test]
async fn an_80_character_title_is_accepted() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let title = "ř".repeat(80);
        let response = anna
            .propose(&[
                ("title", &title),
                ("body", "text 🙂"),
                ("category", &category),
            ])
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
    }
}

#[tokio::test]
async fn html_in_a_proposal_comes_back_escaped() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let anna = app.member(Role::Resident, false).await;
        let id = app
            .proposal(
                &anna,
                "<b>tučně</b>",
                "<script>alert('x')</script> a <a href=\"javascript:alert(1)\">klik</a>",
            )
            .await;
        let html = app.browser().page_text(&format!("/proposals/{id}")).await;
        assert!(
            html.contains("<title>&lt;b&gt;tučně&lt;/b&gt;</title>"),
            "the title too"
        );
        assert!(!html.contains("<script>alert"), "{}", database.kind());
        assert!(!html.contains("<b>tučně</b>"));
        assert!(
            html.contains("&lt;script&gt;") || html.contains("&lt;script>"),
            "shown as text"
        );
        assert!(!html.contains("<a href=\"javascript:"), "no script links");
    }
}

#[tokio::test]
async fn search_ignores_accents_and_case_on_both_databases() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let anna = app.member(Role::Resident, false).await;
        app.proposal(&anna, "Nové HŘIŠTĚ u školy", "Prolézačky jsou rozbité.")
            .await;
        let bench = app
            .proposal(&anna, "Lavička", "U bloku 5 chybí lavička.")
            .await;
        let browser = app.browser();
        let found = |query: &'static str| {
            let browser = &browser;
            async move {
                let list: Value = browser
                    .call("list_proposals", &[("q", query)])
                    .await
                    .json()
                    .await
                    .expect("list");
                list["cards"].as_array().map_or(0, Vec::len)
            }
        };
        for (query, expected) in [
            ("hriste", 1),
            ("Hřiště", 1),
            ("LAVICKA", 1),
            ("blok", 1),
            // Shorter than a trigram: still found, without the index's help.
            ("bl", 1),
            ("hriste lavicka", 0),
            ("", 2),
        ] {
            assert_eq!(
                found(query).await,
                expected,
                "{query:?} on {}",
                database.kind()
            );
        }
        // The index follows a change of words: the old ones no longer find it, the new ones do.
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let edited = staff
            .call(
                "edit_content",
                &[
                    ("kind", "proposal"),
                    ("id", &bench.to_string()),
                    ("title", "Houpačka"),
                    ("text", "U bloku 5 chybí houpačka."),
                    ("note", "jiná slova"),
                ],
            )
            .await;
        assert_eq!(edited.status(), 200);
        assert_eq!(found("lavicka").await, 0, "{}", database.kind());
        assert_eq!(found("HOUPAČKA").await, 1, "{}", database.kind());
        assert_eq!(found("blok").await, 1);
    }
}

#[tokio::test]
async fn pages_follow_one_another_without_gaps_or_repeats() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let anna = app.member(Role::Resident, false).await;
        for n in 0..45 {
            app.proposal(&anna, &format!("Návrh číslo {n}"), "Text.")
                .await;
        }
        let browser = app.browser();
        for sort in ["newest", "supported", "discussed"] {
            let mut seen = Vec::new();
            let mut after: Option<String> = None;
            let mut pages = 0;
            loop {
                let mut form = vec![("sort", sort.to_owned())];
                if let Some(cursor) = &after {
                    form.push(("after", cursor.clone()));
                }
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let list: Value = browser
                    .call("list_proposals", &form)
                    .await
                    .json()
                    .await
                    .expect("list");
                let cards = list["cards"].as_array().expect("cards");
                assert!(cards.len() <= 20);
                seen.extend(cards.iter().map(|c| c["id"].as_i64().expect("id")));
                pages += 1;
                match list["next"].as_str() {
                    Some(cursor) => after = Some(cursor.to_owned()),
                    None => break,
                }
            }
            assert_eq!(pages, 3, "{sort} on {}", database.kind());
            let mut unique = seen.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(
                (seen.len(), unique.len()),
                (45, 45),
                "{sort}: every proposal exactly once"
            );
            if sort == "newest" {
                assert!(seen.windows(2).all(|w| w[0] > w[1]), "newest first");
            }
        }
    }
}

#[tokio::test]
async fn members_support_once_take_it_back_and_never_their_own() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Světlo ve vchodu", "Nesvítí žárovka.")
            .await
            .to_string();
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let support = |want: &'static str| [("proposal", id.clone()), ("want", want.to_owned())];
        let form = |pairs: &[(&'static str, String); 2]| {
            pairs
                .iter()
                .map(|(k, v)| (*k, v.clone()))
                .collect::<Vec<_>>()
        };

        let yes = form(&support("yes"));
        let yes: Vec<(&str, &str)> = yes.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let no = form(&support("no"));
        let no: Vec<(&str, &str)> = no.iter().map(|(k, v)| (*k, v.as_str())).collect();

        assert_eq!(
            eva.call("support_proposal", &yes)
                .await
                .json::<i32>()
                .await
                .expect("count"),
            1,
            "{}",
            database.kind()
        );
        assert_eq!(
            eva.call("support_proposal", &yes)
                .await
                .json::<i32>()
                .await
                .expect("count"),
            1,
            "twice is once"
        );
        let page = eva.page_text(&format!("/proposals/{id}")).await;
        assert!(page.contains("1 člověk to chce taky."), "count on the page");
        assert!(page.contains("Vzít zpět"), "and the way to take it back");
        assert_eq!(
            eva.call("support_proposal", &no)
                .await
                .json::<i32>()
                .await
                .expect("count"),
            0
        );

        let own = app.browser();
        own.sign_in_as(&author).await;
        let response = own.call("support_proposal", &yes).await;
        assert_eq!(response.status(), 422);
        assert_eq!(
            field_messages(response).await,
            [("support".to_string(), "error-support-own".to_string())]
        );

        assert_eq!(
            app.browser().call("support_proposal", &yes).await.status(),
            401,
            "visitors cannot"
        );
        let missing = [("proposal", "99999"), ("want", "yes")];
        assert_eq!(eva.call("support_proposal", &missing).await.status(), 404);
    }
}

#[tokio::test]
async fn fifty_members_supporting_at_once_give_exactly_fifty() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Koše na tříděný odpad", "Chybí koše.")
            .await;
        let mut supporters = Vec::new();
        for _ in 0..50 {
            supporters.push(app.member(Role::Resident, false).await.as_member());
        }
        let tasks: Vec<_> = supporters
            .into_iter()
            .map(|member| {
                let db = app.db.clone();
                tokio::spawn(async move {
                    // Each twice, as a double tap would.
                    app::server::proposals::set_support(&db, &member, id, true).await?;
                    app::server::proposals::set_support(&db, &member, id, true).await
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("task").expect("support stored");
        }
        let detail: Value = app.browser().proposal_detail(id).await;
        assert_eq!(detail["support_count"], 50, "{}", database.kind());
    }
}

#[tokio::test]
async fn an_unknown_proposal_is_a_friendly_404() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let response = app.browser().get("/proposals/424242").await;
        assert_eq!(response.status(), 404, "{}", database.kind());
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains("Tato stránka tu není")
        );
        assert_eq!(app.browser().get("/proposals/abc").await.status(), 404);
    }
}

#[tokio::test]
async fn the_sixth_proposal_in_a_day_waits_until_tomorrow() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        for n in 0..5 {
            let title = format!("Návrh {n}");
            let response = anna
                .propose(&[("title", &title), ("body", "Text"), ("category", &category)])
                .await;
            assert_eq!(response.status(), 200, "{n} on {}", database.kind());
        }
        let sixth = anna
            .propose(&[
                ("title", "Šestý"),
                ("body", "Text"),
                ("category", &category),
            ])
            .await;
        assert_eq!(sixth.status(), 422);
        // About the whole form, said once at the top with the number: not under the title.
        assert_eq!(
            field_messages(sixth).await,
            [("form".to_string(), "error-limit-proposals".to_string())]
        );
        // Without JavaScript: back on the form, with the message.
        let response = anna
            .submit_proposal(
                &[
                    ("title", "Šestý"),
                    ("body", "Text"),
                    ("category", &category),
                ],
                Vec::new(),
            )
            .await;
        let location = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        let text = anna
            .page_text(location.trim_start_matches(&anna.base_url))
            .await;
        assert!(
            text.contains("Dnes jste už poslali 5 návrhů. Další můžete zítra."),
            "{text}"
        );
        assert!(
            !text.contains(r#"id="title-error""#),
            "not under the title: {text}"
        );
        // Another member is not affected.
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let other = eva
            .propose(&[("title", "Jiný"), ("body", "Text"), ("category", &category)])
            .await;
        assert_eq!(other.status(), 200);
    }
}

#[tokio::test]
async fn the_author_or_staff_withdraw_a_proposal_and_nobody_else() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let first = app.proposal(&author, "První", "Text").await.to_string();
        let second = app.proposal(&author, "Druhý", "Text").await.to_string();
        let (other, _) = app.signed_in(Role::Resident, true).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let own = app.browser();
        own.sign_in_as(&author).await;

        assert_eq!(
            app.browser()
                .call("withdraw_proposal", &[("proposal", &first)])
                .await
                .status(),
            401,
            "{}",
            database.kind()
        );
        assert_eq!(
            other
                .call("withdraw_proposal", &[("proposal", &first)])
                .await
                .status(),
            403
        );
        assert_eq!(
            own.call("withdraw_proposal", &[("proposal", &first)])
                .await
                .status(),
            200
        );
        assert_eq!(
            staff
                .call("withdraw_proposal", &[("proposal", &second)])
                .await
                .status(),
            200
        );

        let again = own.call("withdraw_proposal", &[("proposal", &first)]).await;
        assert_eq!(again.status(), 422, "only once");
        assert_eq!(
            field_messages(again).await,
            [("withdraw".to_string(), "error-withdraw-late".to_string())]
        );

        let detail: Value = app
            .browser()
            .call("get_proposal", &[("id", &first)])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(detail["status"], "Withdrawn");
        assert_eq!(
            detail["history"].as_array().map(Vec::len),
            Some(2),
            "open, then withdrawn"
        );
        let support = other
            .call("support_proposal", &[("proposal", &first), ("want", "yes")])
            .await;
        assert_eq!(support.status(), 422, "no support once withdrawn");
        let page = app
            .browser()
            .page_text(&format!("/proposals/{first}"))
            .await;
        assert!(page.contains("staženo"));
    }
}

async fn edit(who: &tests::Browser, id: &str, title: &str, category: &str) -> reqwest::Response {
    who.call(
        "edit_proposal",
        &[
            ("proposal", id),
            ("title", title),
            ("body", "Chybí lavička."),
            ("category", category),
        ],
    )
    .await
}

#[tokio::test]
async fn the_author_or_staff_edit_a_proposal_and_it_shows_edited_after_others_commented() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Lavicka", "Chybí.").await.to_string();
        let own = app.browser();
        own.sign_in_as(&author).await;
        let (other, _) = app.signed_in(Role::Resident, true).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        assert_eq!(
            edit(&app.browser(), &id, "X", &category).await.status(),
            401,
            "{}",
            database.kind()
        );
        assert_eq!(edit(&other, &id, "Cizí", &category).await.status(), 403);
        assert_eq!(
            edit(&own, &id, "Lavička u bloku 5", &category)
                .await
                .status(),
            200
        );
        let detail: Value = app
            .browser()
            .call("get_proposal", &[("id", &id)])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(detail["title"], "Lavička u bloku 5");
        assert_eq!(detail["edited"], false, "nobody had commented yet");
        let found: Value = app
            .browser()
            .call("list_proposals", &[("q", "bloku")])
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(
            found["cards"].as_array().map(Vec::len),
            Some(1),
            "search follows the edit"
        );

        other
            .call("add_comment", &[("proposal", &id), ("text", "Souhlas")])
            .await;
        assert_eq!(
            edit(&staff, &id, "Lavička u zastávky", &category)
                .await
                .status(),
            200
        );
        let detail: Value = app
            .browser()
            .call("get_proposal", &[("id", &id)])
            .await
            .json()
            .await
            .expect("detail");
        assert_eq!(detail["edited"], true, "edited after others commented");

        let bad = edit(&own, &id, &"ř".repeat(81), &category).await;
        assert_eq!(bad.status(), 422);
        own.call("withdraw_proposal", &[("proposal", &id)]).await;
        let late = edit(&own, &id, "Pozdě", &category).await;
        assert_eq!(late.status(), 422, "not after it is withdrawn");
        assert_eq!(
            field_messages(late).await,
            [("title".to_string(), "error-edit-late".to_string())]
        );
    }
}

/// "What I want too": a member's own list of what they support, and a decided proposal still
/// says that they supported it.
#[tokio::test]
async fn a_member_finds_what_they_support_even_once_it_is_decided() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let bench = app
            .proposal(&author, "Lavička u bloku 5", "Chybí lavička.")
            .await;
        let bins = app
            .proposal(&author, "Koše u zastávky", "Chybí koše.")
            .await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let response = eva
            .call(
                "support_proposal",
                &[("proposal", &bench.to_string()), ("want", "yes")],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());

        let mine = eva.page_text("/proposals?mine=supported").await;
        assert!(mine.contains("Lavička u bloku 5"), "{mine}");
        assert!(!mine.contains("Koše u zastávky"), "{mine}");
        let all = eva.page_text("/proposals").await;
        assert!(all.contains("Lavička u bloku 5") && all.contains("Koše u zastávky"));
        // A visitor has nothing of their own: the filter changes nothing for them.
        let visitor = app.browser().page_text("/proposals?mine=supported").await;
        assert!(visitor.contains("Koše u zastávky"));

        let (staff, _) = app.signed_in(Role::Staff, false).await;
        app.accept_in_meeting(&staff, bench).await;
        let page = eva.page_text(&format!("/proposals/{bench}")).await;
        assert!(page.contains("Chtěli jste to taky."), "{page}");
        let other = eva.page_text(&format!("/proposals/{bins}")).await;
        assert!(!other.contains("Chtěli jste to taky."));
    }
}
