//! Several instances on one database (PostgreSQL, for more than one machine): with
//! `--photo-store database` every instance serves every photo; with each its own folder, a photo
//! from another instance is a miss that no cache keeps.
use app::domain::Role;
use server::config::PhotoStore;
use tests::{spawn_app_with, test_databases, upload_urls};

#[tokio::test]
async fn two_instances_share_a_photo_through_the_database() {
    for database in test_databases() {
        let app = spawn_app_with(&database, |c| c.photo_store = PhotoStore::Database).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let id = app.proposal_with_photo(&anna).await;
        assert_eq!(
            std::fs::read_dir(app.uploads_dir()).unwrap().count(),
            0,
            "nothing in the folder"
        );

        // Another machine: its own (empty) data folder, the same database.
        let other = app
            .another_instance(|c| c.photo_store = PhotoStore::Database)
            .await;
        let page = other.browser().page_text(&format!("/proposals/{id}")).await;
        let urls = upload_urls(&page);
        assert_eq!(urls.len(), 2, "the photo and its thumbnail");
        for url in &urls {
            let here = other.browser().get(url).await;
            assert_eq!(here.status(), 200, "{}: {url}", database.kind());
            assert_eq!(here.headers()["content-type"], "image/jpeg");
            let there = app.browser().get(url).await.bytes().await.unwrap();
            assert_eq!(here.bytes().await.unwrap(), there, "the same photo");
        }

        // An instance left with a folder of its own misses it, and says not to keep the miss.
        let folder = app
            .another_instance(|c| c.photo_store = PhotoStore::Folder)
            .await;
        let miss = folder.browser().get(&urls[0]).await;
        assert_eq!(miss.status(), 404);
        assert_eq!(miss.headers()["cache-control"], "no-store");
    }
}

#[tokio::test]
async fn switching_to_the_database_store_takes_in_the_folders_photos() {
    for database in test_databases() {
        let mut app = spawn_app_with(&database, |_| {}).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let id = app.proposal_with_photo(&anna).await;
        app.restart(|c| c.photo_store = PhotoStore::Database).await;
        // The folder is gone, as on a new machine: the photos come from the database.
        std::fs::remove_dir_all(app.uploads_dir()).unwrap();
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        let urls = upload_urls(&page);
        assert_eq!(urls.len(), 2, "the photo and its thumbnail");
        for url in &urls {
            assert_eq!(
                app.browser().get(url).await.status(),
                200,
                "{}",
                database.kind()
            );
        }
    }
}
