//! Text that tries to become HTML or a formula: inside every textarea, in a form's error that
//! comes back through a link, and at the start of a CSV cell.
use app::domain::Role;
use base64::Engine;
use tests::{spawn_app, test_databases};

const CLOSING: &str = "</textarea><b id=x>hi</b>";
const ESCAPED: &str = "&lt;/textarea&gt;&lt;b id=x&gt;hi&lt;/b&gt;";

fn holds_it_as_text(page: &str, where_: &str) {
    assert!(!page.contains("<b id=x>"), "live HTML on {where_}");
    assert!(page.contains(ESCAPED), "the text itself on {where_}");
}

#[tokio::test]
async fn a_closing_textarea_tag_stays_text_in_every_textarea() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .propose(&[
                ("title", "Lavička"),
                ("body", CLOSING),
                ("category", &category),
            ])
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let id: i32 = response.json().await.unwrap();
        // The author's edit form.
        holds_it_as_text(
            &anna.page_text(&format!("/proposals/{id}/edit")).await,
            "edit",
        );
        // The comment's edit box, right after writing it.
        let comment = anna
            .call(
                "add_comment",
                &[("proposal", &id.to_string()), ("text", CLOSING)],
            )
            .await;
        assert_eq!(comment.status(), 200);
        holds_it_as_text(
            &anna.page_text(&format!("/proposals/{id}")).await,
            "comment",
        );
        // Reported, it reaches the staff's queue with its edit box.
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let reported = eva
            .call(
                "report_content",
                &[
                    ("kind", "proposal"),
                    ("id", &id.to_string()),
                    ("reason", "spam"),
                ],
            )
            .await;
        assert_eq!(reported.status(), 200);
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        holds_it_as_text(&staff.page_text("/staff").await, "queue");
        // The word list's editor.
        let saved = staff.call("save_word_list", &[("words", CLOSING)]).await;
        assert_eq!(saved.status(), 200);
        let queue = staff.page_text("/staff").await;
        assert!(!queue.contains("<b id=x>"), "word list");
        assert!(queue.contains("&lt;/textarea&gt;&lt;b id=x&gt;hi&lt;/b&gt;"));
    }
}

/// The address a crafted link would use to make the form show `error`.
fn crafted(page: &str, function: &str, error: &serde_json::Value) -> String {
    let encoded = base64::engine::general_purpose::URL_SAFE.encode(error.to_string());
    format!("{page}?__path=/api/{function}&__err={encoded}")
}

#[tokio::test]
async fn a_crafted_link_cannot_make_a_form_show_its_text_or_messages() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let error = serde_json::json!({"Invalid": {
            "errors": [{"field": "code", "message": "Váš účet byl zablokován, volejte 900 123 456"}],
            "typed": [
                {"field": "display_name", "value": "\"><b id=x>jméno"},
                {"field": "code", "value": "PODVOD"},
            ],
        }});
        let page = app
            .browser()
            .page_text(&crafted("/join", "join", &error))
            .await;
        assert!(!page.contains("900 123 456"), "{}", database.kind());
        assert!(
            !page.contains("PODVOD") && !page.contains("b id=x"),
            "{page}"
        );

        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let error = serde_json::json!({"Invalid": {
            "errors": [{"field": "body", "message": "error-body-missing"}],
            "typed": [{"field": "body", "value": CLOSING}],
        }});
        let page = anna
            .page_text(&crafted("/proposals/new", "create_proposal", &error))
            .await;
        assert!(!page.contains("b id=x"), "{page}");
    }
}

#[tokio::test]
async fn the_servers_own_error_shows_the_typed_text_escaped_and_only_to_the_same_browser() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let category = app.first_category().await.to_string();
        // No JavaScript: a title too long comes back with the error and what was typed.
        let long_title = "ř".repeat(81);
        let response = anna
            .submit_proposal(
                &[
                    ("title", &long_title),
                    ("body", CLOSING),
                    ("category", &category),
                ],
                Vec::new(),
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.contains("__sig="), "{location}");
        let path = location.trim_start_matches(&app.base_url).to_owned();
        let page = anna.page_text(&path).await;
        holds_it_as_text(&page, "the form after an error");
        // The same link opened by anybody else shows nothing of it.
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let elsewhere = eva.page_text(&path).await;
        assert!(!elsewhere.contains("textarea&gt;"), "another browser");
        // A changed error under the old signature is dropped too.
        let forged = path.replace("__err=", "__err=e30");
        assert!(!anna.page_text(&forged).await.contains("textarea&gt;"));
    }
}

#[tokio::test]
async fn a_title_starting_with_a_formula_stays_text_in_the_csv() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        for title in [
            "=HYPERLINK(\"http://x\";\"a\")",
            "+1+1 lavička",
            "-2 lavičky",
            "@SUM(A1)",
        ] {
            app.proposal(&author, title, "Text.").await;
        }
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let csv = staff.page_text("/staff/exports/proposals.csv").await;
        for cell in ["'=HYPERLINK", "'+1+1 lavička", "'-2 lavičky", "'@SUM(A1)"] {
            assert!(csv.contains(cell), "{cell} in {csv} on {}", database.kind());
        }
    }
}

#[tokio::test]
async fn a_crafted_error_cannot_ride_through_a_sign_in_to_be_signed() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let error = serde_json::json!({"Invalid": {
            "errors": [{"field": "code", "message": "Volejte 900 123 456"}],
            "typed": [],
        }});
        // A link to the sign-in page whose `next` holds the crafted error.
        let next = crafted("/join", "join", &error);
        let browser = app.browser();
        let response = browser
            .submit(
                "/login",
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                    ("next", &next),
                ],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            !location.contains("__err") && !location.contains("__sig"),
            "{location}"
        );
        let page = browser.page_text(&location).await;
        assert!(!page.contains("900 123 456"));
    }
}
