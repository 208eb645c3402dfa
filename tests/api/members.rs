//! Staff at the desk: the core group, suspensions, password-reset codes and (for admins) roles.
use app::domain::Role;
use app::server::entities::{moderation_log, user};
use sea_orm::EntityTrait;
use serde_json::Value;
use tests::{TestApp, spawn_app, test_databases};

async fn actions(app: &TestApp) -> Vec<String> {
    moderation_log::Entity::find()
        .all(&app.db)
        .await
        .expect("log")
        .into_iter()
        .map(|row| row.action.as_str().to_owned())
        .collect()
}

async fn stored(app: &TestApp, id: i32) -> user::Model {
    user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("member")
}

fn day(offset: i64) -> String {
    (chrono::Utc::now().with_timezone(&chrono_tz::Europe::Prague) + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

#[tokio::test]
async fn staff_add_to_the_core_group_and_take_out_but_never_touch_an_admin() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let resident = app.member(Role::Resident, false).await;
        let admin = app.member(Role::Admin, false).await;
        let id = resident.id.to_string();
        let set = |member: String, core: &'static str| {
            let staff = &staff;
            async move {
                staff
                    .call("set_core", &[("member", &member), ("core", core)])
                    .await
            }
        };
        assert_eq!(
            set(id.clone(), "yes").await.status(),
            200,
            "{}",
            database.kind()
        );
        assert!(stored(&app, resident.id).await.core);
        assert_eq!(set(id.clone(), "yes").await.status(), 422, "already");
        assert_eq!(set(id.clone(), "no").await.status(), 200);
        assert!(!stored(&app, resident.id).await.core);
        assert_eq!(set(admin.id.to_string(), "yes").await.status(), 403);
        assert_eq!(
            set(staff_member.id.to_string(), "yes").await.status(),
            422,
            "not oneself"
        );
        assert_eq!(actions(&app).await, ["add_to_core", "remove_from_core"]);
        let page = staff.page_text("/staff/members").await;
        assert!(page.contains(&resident.username), "{page}");
    }
}

#[tokio::test]
async fn a_suspension_shows_its_reason_stops_posting_and_can_be_lifted() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let pid = app
            .proposal(&author, "Lavička", "U bloku 5")
            .await
            .to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let id = eva_member.id.to_string();

        let refused = staff
            .call(
                "suspend_member",
                &[("member", &id), ("until", &day(-1)), ("reason", "")],
            )
            .await;
        assert_eq!(refused.status(), 422, "{}", database.kind());
        let body: Value = refused.json().await.expect("error");
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, ["until", "reason"], "both at once");
        assert!(actions(&app).await.is_empty(), "nothing logged");

        let suspended = staff
            .call(
                "suspend_member",
                &[
                    ("member", &id),
                    ("until", &day(1)),
                    ("reason", "Urážky v diskusi"),
                ],
            )
            .await;
        assert_eq!(suspended.status(), 200);
        // The suspension signs her out everywhere; signed in again, she reads why.
        assert_eq!(
            eva.get("/me").await.status(),
            302,
            "signed out by the suspension"
        );
        assert_eq!(eva.sign_in_as(&eva_member).await.status(), 200);
        let home = eva.page_text("/").await;
        assert!(home.contains("Důvod: Urážky v diskusi"), "{home}");
        assert_eq!(
            eva.call("add_comment", &[("proposal", &pid), ("text", "Ahoj")])
                .await
                .status(),
            403
        );
        let until = stored(&app, eva_member.id)
            .await
            .suspended_until
            .expect("until");
        assert!(
            until > chrono::Utc::now() + chrono::Duration::hours(24),
            "through the whole day"
        );
        assert!(
            staff
                .page_text("/staff/members")
                .await
                .contains("Pozastaveno do")
        );

        assert_eq!(
            staff
                .call("lift_suspension", &[("member", &id)])
                .await
                .status(),
            200
        );
        assert_eq!(
            eva.call("add_comment", &[("proposal", &pid), ("text", "Ahoj")])
                .await
                .status(),
            200
        );
        assert_eq!(
            staff
                .call("lift_suspension", &[("member", &id)])
                .await
                .status(),
            422,
            "nothing to lift"
        );
        assert_eq!(actions(&app).await, ["suspend", "lift_suspension"]);

        // Staff cannot suspend an admin; an admin can suspend staff.
        let admin = app.member(Role::Admin, false).await;
        let to_admin = staff
            .call(
                "suspend_member",
                &[
                    ("member", &admin.id.to_string()),
                    ("until", &day(2)),
                    ("reason", "x"),
                ],
            )
            .await;
        assert_eq!(to_admin.status(), 403);
        let (admin_browser, _) = app.signed_in(Role::Admin, false).await;
        let other_staff = app.member(Role::Staff, false).await;
        let by_admin = admin_browser
            .call(
                "suspend_member",
                &[
                    ("member", &other_staff.id.to_string()),
                    ("until", &day(2)),
                    ("reason", "Zkouška"),
                ],
            )
            .await;
        assert_eq!(by_admin.status(), 200);
    }
}

#[tokio::test]
async fn a_reset_code_sets_a_new_password_once_and_never_makes_an_account() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let member = app.member(Role::Resident, false).await;
        let made = staff
            .call("make_reset_code", &[("member", &member.id.to_string())])
            .await;
        assert_eq!(made.status(), 200, "{}", database.kind());
        let page = staff
            .page_text(&format!("/staff/members?q={}", member.username))
            .await;
        let code = page
            .split("<code class=\"invite-code\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .unwrap_or_else(|| panic!("the code is shown: {page}"))
            .to_owned();
        assert_eq!(code.len(), 9, "{code}");

        let joiner = app.browser();
        let joined = joiner
            .call(
                "join",
                &[
                    ("code", &code),
                    ("display_name", "Nový"),
                    ("username", "novy"),
                    ("password", "heslo-12345"),
                ],
            )
            .await;
        assert_eq!(joined.status(), 422, "a reset code is not an invitation");

        let person = app.browser();
        let reset = person
            .call(
                "reset_password",
                &[("code", &code), ("password", "nove-heslo-123")],
            )
            .await;
        assert_eq!(reset.status(), 200);
        assert!(
            person.page_text("/me").await.contains(&member.username),
            "signed in"
        );
        let again = app
            .browser()
            .call(
                "reset_password",
                &[("code", &code), ("password", "jine-heslo-123")],
            )
            .await;
        assert_eq!(again.status(), 422, "once");

        let old = app
            .browser()
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", &member.password),
                ],
            )
            .await;
        assert_eq!(old.status(), 422, "the old password no longer works");
        let fresh = app.browser();
        let signed = fresh
            .call(
                "sign_in",
                &[
                    ("username", &member.username),
                    ("password", "nove-heslo-123"),
                ],
            )
            .await;
        assert!(signed.status().is_success(), "{}", signed.status());
        assert_eq!(actions(&app).await, ["reset_password"]);
    }
}

#[tokio::test]
async fn only_admins_change_roles() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let resident = app.member(Role::Resident, false).await;
        let id = resident.id.to_string();
        assert_eq!(
            staff
                .call("set_role", &[("member", &id), ("role", "staff")])
                .await
                .status(),
            403,
            "{}",
            database.kind()
        );
        assert_eq!(
            admin
                .call("set_role", &[("member", &id), ("role", "staff")])
                .await
                .status(),
            200
        );
        assert_eq!(stored(&app, resident.id).await.role.as_str(), "staff");
        assert_eq!(actions(&app).await, ["change_role"]);
    }
}

/// The names `search_members` answers for `q`.
async fn found(staff: &tests::Browser, q: &str) -> Vec<String> {
    let answer = staff.call("search_members", &[("q", q)]).await;
    assert_eq!(answer.status(), 200);
    let rows: Value = answer.json().await.expect("rows");
    rows.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["display_name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn staff_find_members_by_any_part_of_their_name_without_accents_in_sql() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (zofie, zofie_member) = app.signed_in(Role::Resident, false).await;
        let renamed = zofie
            .call(
                "change_display_name",
                &[("display_name", "Žofie Růžičková")],
            )
            .await;
        assert_eq!(renamed.status(), 200, "{}", database.kind());
        for q in [
            "zofie",
            "ŽOFIE",
            "ruzi",
            "žofie růžičková",
            &zofie_member.username,
        ] {
            assert_eq!(found(&staff, q).await, ["Žofie Růžičková"], "{q}");
        }
        // What is typed is words, never a pattern: `%` alone is no word, so everyone is listed.
        assert!(found(&staff, "%").await.len() > 1);
        assert!(found(&staff, "zofie%xy").await.is_empty());
        // A deleted account is not found, by its old name or at all.
        let deleted = zofie
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &zofie_member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200);
        assert!(found(&staff, "zofie").await.is_empty());
        // One page at most, however many match.
        for _ in 0..55 {
            app.member(Role::Resident, false).await;
        }
        assert_eq!(found(&staff, "clen").await.len(), 50);
    }
}

#[tokio::test]
async fn members_from_before_member_search_are_found_too() {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Statement};
    for database in test_databases() {
        let database = database.fresh().await;
        let db = app::server::infra::database::connect(&database.url(), None)
            .await
            .unwrap();
        // The schema just before `users.search_text`, with a member of that time.
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261203_000018_member_search")
            .expect("the migration that adds users.search_text");
        let before = u32::try_from(before).unwrap();
        Migrator::up(&db, Some(before)).await.unwrap();
        db.execute_raw(Statement::from_string(
            db.get_database_backend(),
            "INSERT INTO users (username, display_name, password_hash, role, core, created_at) \
             VALUES ('zofie.r', 'Žofie Růžičková', 'x', 'resident', false, CURRENT_TIMESTAMP)",
        ))
        .await
        .unwrap();
        Migrator::up(&db, None).await.unwrap();
        let row = user::Entity::find().one(&db).await.unwrap().unwrap();
        assert_eq!(
            row.search_text,
            "zofie ruzickova zofie.r",
            "{}",
            database.kind()
        );
    }
}
