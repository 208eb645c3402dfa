//! A value in the database that no Spolu word names (a status, a role, a stage, …) is an error
//! that is logged, never quietly read as a default: a proposal with a stored status nobody knows
//! must not show up as "open" (and take support), and the page says only that something went
//! wrong, with no raw database error.
use app::domain::Role;
use sea_orm::{ConnectionTrait, Statement};
use tests::{spawn_app, test_databases};

#[tokio::test]
async fn an_unknown_stored_status_is_an_error_never_a_default() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Lavička", "Chybí lavička.").await;
        let (reader, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(
            reader.get(&format!("/proposals/{id}")).await.status(),
            200,
            "{}",
            database.kind()
        );
        app.db
            .execute_raw(Statement::from_string(
                app.db.get_database_backend(),
                format!("UPDATE proposals SET status = 'someday' WHERE id = {id}"),
            ))
            .await
            .unwrap();

        for path in [format!("/proposals/{id}"), "/proposals".to_owned()] {
            let response = reader.get(&path).await;
            assert_eq!(response.status(), 500, "{path} on {}", database.kind());
            let page = response.text().await.unwrap();
            for raw in ["someday", "DbErr", "database error"] {
                assert!(!page.contains(raw), "{path} shows {raw:?}: {page}");
            }
        }
        // Support goes through the same read: refused, and nothing stored.
        let id = id.to_string();
        let response = reader
            .call(
                "support_proposal",
                &[("proposal", id.as_str()), ("want", "yes")],
            )
            .await;
        assert_eq!(response.status(), 500, "{}", database.kind());
    }
}
