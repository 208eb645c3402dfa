//! Signing a member out everywhere: a password change (but on the device that asked), a staff
//! reset, a suspension and a deleted account end every other session of that member.
use app::domain::Role;
use app::server::entities::session;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use tests::{TestApp, TestMember, spawn_app, test_databases};

async fn sessions_of(app: &TestApp, member: &TestMember) -> u64 {
    session::Entity::find()
        .filter(session::Column::MemberId.eq(member.id))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_password_change_signs_out_every_other_device() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let (phone, tablet) = (app.browser(), app.browser());
        for device in [&phone, &tablet] {
            assert_eq!(device.sign_in_as(&member).await.status(), 200);
        }
        assert_eq!(sessions_of(&app, &member).await, 2, "{}", database.kind());
        let changed = phone
            .call(
                "change_password",
                &[
                    ("current_password", &member.password),
                    ("new_password", "úplně-nové-heslo"),
                ],
            )
            .await;
        assert_eq!(changed.status(), 200);
        assert_eq!(
            phone.get("/me").await.status(),
            200,
            "the asking phone stays"
        );
        assert_eq!(tablet.get("/me").await.status(), 302, "the tablet is out");
        assert_eq!(sessions_of(&app, &member).await, 1);
    }
}

#[tokio::test]
async fn a_staff_reset_and_a_suspension_sign_the_member_out_everywhere() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let member = app.member(Role::Resident, false).await;
        let phone = app.browser();
        assert_eq!(phone.sign_in_as(&member).await.status(), 200);
        let reset = staff
            .call("make_reset_code", &[("member", &member.id.to_string())])
            .await;
        assert_eq!(reset.status(), 200, "{}", database.kind());
        assert_eq!(phone.get("/me").await.status(), 302, "a lost phone is out");
        assert_eq!(sessions_of(&app, &member).await, 0);

        assert_eq!(phone.sign_in_as(&member).await.status(), 200);
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2))
            .format("%Y-%m-%d")
            .to_string();
        let suspended = staff
            .call(
                "suspend_member",
                &[
                    ("member", &member.id.to_string()),
                    ("until", &tomorrow),
                    ("reason", "Urážky"),
                ],
            )
            .await;
        assert_eq!(suspended.status(), 200);
        assert_eq!(phone.get("/me").await.status(), 302);
        assert_eq!(sessions_of(&app, &member).await, 0);
    }
}

#[tokio::test]
async fn a_deleted_account_leaves_no_session_behind() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let (phone, tablet) = (app.browser(), app.browser());
        for device in [&phone, &tablet] {
            assert_eq!(device.sign_in_as(&member).await.status(), 200);
        }
        let deleted = phone
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200, "{}", database.kind());
        assert_eq!(sessions_of(&app, &member).await, 0);
        assert_eq!(tablet.get("/me").await.status(), 302);
    }
}

/// A request that was already running when the member was signed out saves its session at its
/// end; the ended session must not come back.
#[tokio::test]
async fn a_request_in_flight_cannot_bring_an_ended_session_back() {
    use app::server::infra::session_store::{DatabaseSessionStore, end_sessions};
    use tower_sessions::SessionStore;
    use tower_sessions::session::{Id, Record};
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let member = app.member(Role::Resident, false).await;
        let store = DatabaseSessionStore::new(app.db.clone());
        let mut record = Record {
            id: Id::default(),
            data: [("member_id".to_owned(), serde_json::json!(member.id))].into(),
            expiry_date: time::OffsetDateTime::now_utc() + time::Duration::days(1),
        };
        store.create(&mut record).await.unwrap();
        assert_eq!(sessions_of(&app, &member).await, 1, "{}", database.kind());
        end_sessions(&app.db, member.id, None).await.unwrap();
        store.save(&record).await.unwrap();
        assert!(store.load(&record.id).await.unwrap().is_none());
        assert_eq!(sessions_of(&app, &member).await, 0);
    }
}
