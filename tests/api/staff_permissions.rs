//! The permission table of DESIGN.md, data-driven: every staff and admin server function, asked
//! by every kind of person (visitor, resident, core member, staff, admin, suspended staff), is
//! allowed or refused exactly as the table says. Allowed means "not refused": the action itself
//! may still find nothing to do.
use app::domain::Role;
use tests::{Browser, TestApp, spawn_app, test_databases};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Visitor,
    Resident,
    Core,
    Staff,
    Admin,
    SuspendedStaff,
}

/// Which row of the table a function belongs to: who may call it.
#[derive(Debug, Clone, Copy)]
enum Row {
    /// Staff and admins (moderation, members, invites, acting for a resident).
    Staff,
    /// Admins only (staff roles, settings).
    Admin,
}

/// A server function, the form it is called with, and its row of the table.
type Call<'a> = (&'a str, Vec<(&'a str, &'a str)>, Row);

fn allowed(row: Row, who: Who) -> bool {
    match row {
        Row::Staff => matches!(who, Who::Staff | Who::Admin),
        Row::Admin => who == Who::Admin,
    }
}

async fn browser_for(app: &TestApp, who: Who) -> Browser {
    match who {
        Who::Visitor => app.browser(),
        Who::Resident => app.signed_in(Role::Resident, false).await.0,
        Who::Core => app.signed_in(Role::Resident, true).await.0,
        Who::Staff => app.signed_in(Role::Staff, false).await.0,
        Who::Admin => app.signed_in(Role::Admin, false).await.0,
        Who::SuspendedStaff => {
            let (browser, member) = app.signed_in(Role::Staff, false).await;
            app.suspend(&member, chrono::Duration::days(1), "Zkouška")
                .await;
            browser
        }
    }
}

#[tokio::test]
async fn every_staff_function_answers_each_role_as_the_design_says() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app
            .proposal(&author, "Lavička", "U bloku 5")
            .await
            .to_string();
        let other = app.proposal(&author, "Lavička 2", "Taky").await.to_string();
        let author_id = author.id.to_string();
        let calls: Vec<Call> = vec![
            ("moderation_queue", vec![], Row::Staff),
            ("read_log", vec![], Row::Staff),
            (
                "hide_content",
                vec![("kind", "proposal"), ("id", &pid), ("reason", "spam")],
                Row::Staff,
            ),
            (
                "restore_content",
                vec![("kind", "proposal"), ("id", &pid)],
                Row::Staff,
            ),
            (
                "dismiss_reports",
                vec![("kind", "proposal"), ("id", &pid)],
                Row::Staff,
            ),
            (
                "approve_content",
                vec![("kind", "proposal"), ("id", &pid)],
                Row::Staff,
            ),
            (
                "edit_content",
                vec![
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("title", "Lavička"),
                    ("text", "U bloku 5."),
                    ("note", "tečka"),
                ],
                Row::Staff,
            ),
            (
                "lock_discussion",
                vec![("kind", "proposal"), ("id", &pid), ("lock", "yes")],
                Row::Staff,
            ),
            (
                "merge_proposal",
                vec![("kind", "proposal"), ("id", &other), ("into", "0")],
                Row::Staff,
            ),
            (
                "publish_outcome",
                vec![("proposal", &pid), ("summary", "x"), ("stage", "planned")],
                Row::Staff,
            ),
            ("search_members", vec![], Row::Staff),
            ("assisted_member", vec![("member", &author_id)], Row::Staff),
            (
                "add_comment",
                vec![
                    ("proposal", &pid),
                    ("text", "Za autora"),
                    ("for_member", &author_id),
                ],
                Row::Staff,
            ),
            ("get_word_list", vec![], Row::Staff),
            ("save_word_list", vec![("words", "")], Row::Staff),
            ("list_invites", vec![], Row::Staff),
            (
                "create_invites",
                vec![("role", "resident"), ("count", "1")],
                Row::Staff,
            ),
            ("revoke_invite", vec![("invite", "1")], Row::Staff),
            ("invite_slips", vec![("batch", "1")], Row::Staff),
            (
                "set_core",
                vec![("member", &author_id), ("core", "yes")],
                Row::Staff,
            ),
            (
                "suspend_member",
                vec![
                    ("member", &author_id),
                    ("until", "2000-01-01"),
                    ("reason", "x"),
                ],
                Row::Staff,
            ),
            ("lift_suspension", vec![("member", &author_id)], Row::Staff),
            ("make_reset_code", vec![("member", &author_id)], Row::Staff),
            (
                "set_role",
                vec![("member", &author_id), ("role", "resident")],
                Row::Admin,
            ),
            ("get_decision_poster", vec![("id", "1")], Row::Staff),
            ("get_outcome_poster", vec![("id", "1")], Row::Staff),
            ("get_week_poster", vec![], Row::Staff),
            (
                "set_member_phone",
                vec![
                    ("member", &author_id),
                    ("number", "777123456"),
                    ("consent", "on"),
                ],
                Row::Staff,
            ),
            (
                "remove_member_phone",
                vec![("member", &author_id)],
                Row::Staff,
            ),
            ("site_settings_form", vec![], Row::Admin),
            ("get_text_gateway", vec![], Row::Admin),
            (
                "save_text_gateway",
                vec![
                    ("url", ""),
                    ("username", ""),
                    ("password", ""),
                    ("body", "{number} {text}"),
                    ("monthly_cap", "0"),
                ],
                Row::Admin,
            ),
            ("set_kiosk", vec![], Row::Admin),
            ("read_catalog", vec![], Row::Admin),
            (
                "save_category",
                vec![
                    ("id", "0"),
                    ("name_cs", ""),
                    ("icon", "dots"),
                    ("colour", "#000000"),
                    ("position", "1"),
                ],
                Row::Admin,
            ),
            (
                "save_place",
                vec![("id", "0"), ("name", ""), ("position", "1")],
                Row::Admin,
            ),
            (
                "save_site_settings",
                vec![
                    ("site_name", "Spolu"),
                    ("estate_name", ""),
                    ("default_eligibility", "core"),
                    ("proposals_per_day", "5"),
                    ("comments_per_hour", "30"),
                ],
                Row::Admin,
            ),
        ];
        for who in [
            Who::Visitor,
            Who::Resident,
            Who::Core,
            Who::Staff,
            Who::Admin,
            Who::SuspendedStaff,
        ] {
            let browser = browser_for(&app, who).await;
            for (function, form, row) in &calls {
                let status = browser.call(function, form).await.status().as_u16();
                let expected = if allowed(*row, who) {
                    "allowed"
                } else if who == Who::Visitor {
                    "401"
                } else {
                    "403"
                };
                let got = match status {
                    401 => "401",
                    403 => "403",
                    _ => "allowed",
                };
                assert_eq!(
                    got,
                    expected,
                    "{function} as {who:?} ({status}) on {}",
                    database.kind()
                );
            }
        }
    }
}

/// The outcome update form carries photos, so it is posted as multipart; the same table holds.
#[tokio::test]
async fn only_staff_and_admins_add_outcome_updates() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app
            .proposal(&author, "Lavička", "U bloku 5")
            .await
            .to_string();
        let form = [
            ("proposal", pid.as_str()),
            ("body", "Hotovo."),
            ("stage", "done"),
        ];
        for who in [
            Who::Visitor,
            Who::Resident,
            Who::Core,
            Who::Staff,
            Who::Admin,
            Who::SuspendedStaff,
        ] {
            let browser = browser_for(&app, who).await;
            let status = browser
                .call_multipart("add_outcome_update", &form, vec![])
                .await
                .status()
                .as_u16();
            let expected = match who {
                Who::Visitor => 401,
                // Allowed, and told there is no outcome to update yet.
                Who::Staff | Who::Admin => 422,
                _ => 403,
            };
            assert_eq!(status, expected, "{who:?} on {}", database.kind());
        }
    }
}
