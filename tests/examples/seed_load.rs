//! Fills a Spolu database with many proposals and comments for the speed benchmark
//! (`tests/e2e/bench.mjs`): `cargo run --release -p tests --example seed_load -- <data dir> [proposals] [comments]`.
//! Uses the real migrations, then bulk inserts (the app's own paths would take hours for 100 000 rows).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::ProposalStatus;
use app::server::entities::{comment, proposal, proposal_status_change};
use app::server::infra::search;
use chrono::{Duration, SubsecRound, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use server::Config;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let data_dir = args.next().expect("a data folder");
    let proposals: usize = args.next().map_or(10_000, |n| n.parse().expect("a number"));
    let comments: usize = args
        .next()
        .map_or(100_000, |n| n.parse().expect("a number"));
    let mut config = Config::defaults();
    config.data_dir = data_dir.into();
    let db = server::open_database(&config).await.expect("database");
    let files = app::server::infra::file_store::LocalFolder::new(config.uploads_dir());
    app::server::demo::seed(&db, &files).await.expect("demo");
    write_camera_photo(&config.data_dir.join("camera-photo.jpg"));
    let authors: Vec<i32> = app::server::entities::user::Entity::find()
        .all(&db)
        .await
        .expect("members")
        .into_iter()
        .map(|u| u.id)
        .collect();
    let categories: Vec<i32> = app::server::entities::category::Entity::find()
        .all(&db)
        .await
        .expect("categories")
        .into_iter()
        .map(|c| c.id)
        .collect();
    let words = [
        "lavička",
        "hřiště",
        "koše",
        "světlo",
        "stromy",
        "přechod",
        "zvonky",
        "úklid",
    ];
    let start = Utc::now().trunc_subsecs(6) - Duration::days(365);
    for chunk in (0..proposals).collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|&n| {
            let title = format!("Návrh {n}: {}", words[n % words.len()]);
            let body = format!(
                "Text návrhu číslo {n}. Chybí tu {} a {}.",
                words[n % 7],
                words[n % 5]
            );
            let at = start + Duration::minutes(n as i64);
            proposal::ActiveModel {
                author_id: Set(authors[n % authors.len()]),
                search_text: Set(search::fold(&format!("{title}\n{body}"))),
                title: Set(title),
                body: Set(body),
                category_id: Set(categories[n % categories.len()]),
                place_id: Set(None),
                status: Set(ProposalStatus::Open),
                created_at: Set(at),
                last_activity_at: Set(at),
                support_count: Set((n % 37) as i32),
                comment_count: Set(0),
                ..Default::default()
            }
        });
        proposal::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("proposals");
    }
    let ids: Vec<i32> = proposal::Entity::find()
        .all(&db)
        .await
        .expect("ids")
        .into_iter()
        .map(|p| p.id)
        .collect();
    for chunk in ids.chunks(500) {
        let rows = chunk.iter().map(|&id| proposal_status_change::ActiveModel {
            proposal_id: Set(id),
            status: Set(ProposalStatus::Open),
            changed_at: Set(start),
            changed_by: Set(None),
            ..Default::default()
        });
        proposal_status_change::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("history");
    }
    for chunk in (0..comments).collect::<Vec<_>>().chunks(1000) {
        let rows = chunk.iter().map(|&n| comment::ActiveModel {
            proposal_id: Set(ids[n % ids.len()]),
            author_id: Set(authors[n % authors.len()]),
            parent_id: Set(None),
            body: Set(format!(
                "Komentář {n}: souhlasím, {} by pomohla.",
                words[n % words.len()]
            )),
            created_at: Set(start + Duration::seconds(n as i64)),
            ..Default::default()
        });
        comment::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("comments");
    }
    // Counts as the app keeps them.
    db.execute_unprepared(
        "UPDATE proposals SET comment_count = (SELECT COUNT(*) FROM comments WHERE comments.proposal_id = proposals.id)",
    )
    .await
    .expect("counts");
    println!(
        "seeded {proposals} proposals and {comments} comments in {}",
        config.data_dir.display()
    );
}

/// A 12-megapixel JPEG of about 5 MB, like a phone camera's, for timing an upload (`bench.mjs`).
/// Smooth gradients with fine grain, so it compresses like a photo, not like a flat colour.
fn write_camera_photo(path: &std::path::Path) {
    use image::codecs::jpeg::JpegEncoder;
    let mut state = 0x2545_f491_u32;
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 48) as u8;
        image::Rgb([
            ((x / 16) % 200) as u8 + grain,
            ((y / 12) % 200) as u8 + grain,
            (((x + y) / 24) % 200) as u8 + grain,
        ])
    });
    for quality in [90, 85, 80, 75, 70, 60, 50] {
        let mut jpeg = Vec::new();
        picture
            .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, quality))
            .expect("encode");
        if jpeg.len() <= 5 * 1024 * 1024 {
            println!("camera photo: {} bytes (quality {quality})", jpeg.len());
            std::fs::write(path, jpeg).expect("write the camera photo");
            return;
        }
    }
    panic!("could not make a camera photo of at most 5 MB");
}
