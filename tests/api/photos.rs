//! Photos on proposals, through `/api/create_proposal` as a phone posts them: stored redrawn and
//! without metadata, served with long cache headers, refused one by one with reasons, and never
//! stored half-way.
use app::domain::Role;
use image::{ImageEncoder, Rgb, RgbImage};
use serde_json::Value;
use std::io::Cursor;
use tests::{TestApp, spawn_app, test_databases, upload_urls};

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&image, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_pixel(width, height, Rgb([30, 120, 200]));
    let mut out = Vec::new();
    image
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 90,
        ))
        .unwrap();
    out
}

/// A PNG carrying a GPS position in its EXIF (`eXIf`) chunk, as a phone camera app may write it.
fn png_with_gps() -> Vec<u8> {
    use little_exif::exif_tag::ExifTag;
    use little_exif::metadata::Metadata;
    use little_exif::rational::uR64;
    let degrees = |d, m, s| {
        vec![
            uR64 {
                nominator: d,
                denominator: 1,
            },
            uR64 {
                nominator: m,
                denominator: 1,
            },
            uR64 {
                nominator: s,
                denominator: 100,
            },
        ]
    };
    let mut metadata = Metadata::new();
    metadata.set_tag(ExifTag::GPSLatitudeRef("N".into()));
    metadata.set_tag(ExifTag::GPSLatitude(degrees(50, 36, 1234)));
    metadata.set_tag(ExifTag::GPSLongitudeRef("E".into()));
    metadata.set_tag(ExifTag::GPSLongitude(degrees(13, 36, 500)));
    let exif = metadata.encode().unwrap();
    // The chunk holds the TIFF structure itself, without JPEG's "Exif\0\0" prefix.
    let exif = exif.strip_prefix(b"Exif\0\0").unwrap_or(&exif).to_vec();
    let (width, height) = (64, 48);
    let image = RgbImage::from_pixel(width, height, Rgb([90, 140, 60]));
    let mut out = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(&image, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn gps_fields(bytes: &[u8]) -> usize {
    match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(exif) => exif
            .fields()
            .filter(|f| {
                matches!(f.ifd_num, exif::In::PRIMARY) && f.tag.context() == exif::Context::Gps
            })
            .count(),
        Err(_) => 0,
    }
}

async fn stored_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.uploads_dir()).map_or(0, |dir| dir.count())
}

async fn proposal_count(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    app::server::entities::proposal::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn photos_are_stored_redrawn_and_shown_on_the_card_and_the_page() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .propose_with_photos(
                &[
                    ("title", "Houpačka"),
                    ("body", "Rozbitá houpačka."),
                    ("category", &category),
                ],
                vec![
                    ("IMG_2041.png", png(2400, 1800)),
                    ("foto.jpg", jpeg(300, 200)),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let id: i32 = response.json().await.unwrap();
        // Two photos, each stored as the photo and its thumbnail; nothing else.
        assert_eq!(stored_files(&app).await, 4);

        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        let urls = upload_urls(&page);
        assert_eq!(
            urls.len(),
            4,
            "two thumbnails and two large photos: {urls:?}"
        );
        assert!(
            page.contains("id=\"photo-2\""),
            "the second photo can be enlarged"
        );

        for url in &urls {
            let response = app.browser().get(url).await;
            assert_eq!(response.status(), 200, "{url}");
            let headers = response.headers().clone();
            assert_eq!(headers["content-type"], "image/jpeg");
            assert!(
                headers["cache-control"]
                    .to_str()
                    .unwrap()
                    .contains("immutable")
            );
            assert_eq!(headers["x-content-type-options"], "nosniff");
            let bytes = response.bytes().await.unwrap();
            let photo = image::load_from_memory(&bytes).unwrap();
            assert!(photo.width() <= 1600 && photo.height() <= 1600, "{url}");
        }
        let sizes: Vec<(u32, u32)> = futures_sizes(&app, &urls).await;
        assert!(
            sizes.contains(&(1600, 1200)),
            "the big photo was scaled to 1600 px: {sizes:?}"
        );
        assert!(sizes.contains(&(320, 240)), "with a thumbnail: {sizes:?}");
        assert!(
            sizes.contains(&(300, 200)),
            "a small photo keeps its size: {sizes:?}"
        );

        let list = app.browser().page_text("/proposals").await;
        let card_photos = upload_urls(&list);
        assert_eq!(
            card_photos.len(),
            1,
            "the card shows the first photo's thumbnail"
        );
        assert!(urls.contains(&card_photos[0]));
    }
}

async fn futures_sizes(app: &TestApp, urls: &[String]) -> Vec<(u32, u32)> {
    let mut sizes = Vec::new();
    for url in urls {
        let bytes = app.browser().get(url).await.bytes().await.unwrap();
        let photo = image::load_from_memory(&bytes).unwrap();
        sizes.push((photo.width(), photo.height()));
    }
    sizes
}

#[tokio::test]
async fn a_gps_position_in_a_photo_is_not_kept() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let photo = png_with_gps();
        assert_eq!(
            gps_fields(&photo),
            4,
            "the test photo really carries a position"
        );
        let response = anna
            .propose_with_photos(
                &[
                    ("title", "Lavička"),
                    ("body", "Chybí."),
                    ("category", &category),
                ],
                vec![("gps.png", photo)],
            )
            .await;
        assert_eq!(response.status(), 200, "{}", database.kind());
        let id: i32 = response.json().await.unwrap();
        let page = app.browser().page_text(&format!("/proposals/{id}")).await;
        for url in upload_urls(&page) {
            let bytes = app.browser().get(&url).await.bytes().await.unwrap();
            assert_eq!(gps_fields(&bytes), 0, "{url} has no position");
            assert!(
                exif::Reader::new()
                    .read_from_container(&mut Cursor::new(&bytes[..]))
                    .is_err(),
                "{url} has no EXIF at all"
            );
        }
    }
}

#[tokio::test]
async fn each_refused_photo_gets_its_own_message_and_nothing_is_stored() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let whole = jpeg(400, 300);
        let mut oversized = jpeg(64, 64);
        oversized.resize(10 * 1024 * 1024 + 1, 0);
        let response = anna
            .propose_with_photos(
                &[
                    ("title", "Lavička"),
                    ("body", "Chybí."),
                    ("category", &category),
                ],
                vec![
                    ("ok.jpg", jpeg(100, 100)),
                    ("fake.jpg", b"<html><script>alert(1)</script>".to_vec()),
                    ("half.jpg", whole[..whole.len() / 2].to_vec()),
                    ("huge.jpg", oversized),
                    ("fifth.jpg", jpeg(50, 50)),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        let body: Value = response.json().await.unwrap();
        let errors: Vec<(String, String)> = body["Invalid"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().into(),
                    e["message"].as_str().unwrap().into(),
                )
            })
            .collect();
        let expected = [
            ("photo-2", "error-photo-not-a-photo"),
            ("photo-3", "error-photo-damaged"),
            ("photo-4", "error-photo-too-large"),
            ("photo-5", "error-photo-too-many"),
        ];
        assert_eq!(
            errors,
            expected.map(|(f, m)| (f.to_owned(), m.to_owned())).to_vec()
        );
        let typed = body["Invalid"]["typed"].to_string();
        assert!(
            typed.contains("fake.jpg") && typed.contains("Lavička"),
            "{typed}"
        );
        assert_eq!(proposal_count(&app).await, 0);
        assert_eq!(
            stored_files(&app).await,
            0,
            "the good photo is not kept either"
        );
    }
}

#[tokio::test]
async fn text_and_photo_problems_show_together() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .propose_with_photos(
                &[("title", ""), ("body", "Chybí.")],
                vec![("notes.txt", b"hello".to_vec())],
            )
            .await;
        assert_eq!(response.status(), 422, "{}", database.kind());
        let body: Value = response.json().await.unwrap();
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        // No title is fine (the text's start is used); no category is not, where the estate has
        // no "Other" to put it in.
        assert_eq!(fields, ["category", "photo-1"]);
        assert_eq!(stored_files(&app).await, 0);
    }
}

#[tokio::test]
async fn without_javascript_the_form_comes_back_saying_which_photo_and_why() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let response = anna
            .submit_proposal(
                &[
                    ("title", "Lavička u bloku 5"),
                    ("body", "Chybí."),
                    ("category", &category),
                ],
                vec![(
                    "dovolená.gif",
                    b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
                )],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let back = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            back.starts_with(&format!("{}/proposals/new?", app.base_url)),
            "{back}"
        );
        let path = back.trim_start_matches(&app.base_url);
        let page = anna.page_text(path).await;
        assert!(page.contains("Fotka 1 (dovolená.gif):"), "says which photo");
        assert!(page.contains("Toto není fotka."), "and why");
        assert!(
            page.contains("Vyberte je prosím znovu"),
            "asks for the photos again"
        );
        assert!(
            page.contains("value=\"Lavička u bloku 5\""),
            "keeps the title"
        );

        let response = anna
            .submit_proposal(
                &[
                    ("title", "Lavička u bloku 5"),
                    ("body", "Chybí."),
                    ("category", &category),
                ],
                vec![("lavička.jpg", jpeg(640, 480))],
            )
            .await;
        assert_eq!(response.status(), 302);
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/proposals/"), "{location}");
        assert_eq!(stored_files(&app).await, 2);
    }
}

#[tokio::test]
async fn only_members_may_post_photos_and_only_as_multipart() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let visitor = app.browser();
        let response = visitor
            .propose_with_photos(&[("title", "x")], vec![("a.jpg", jpeg(10, 10))])
            .await;
        assert_eq!(response.status(), 401, "{}", database.kind());
        let response = visitor
            .submit_proposal(&[("title", "x")], vec![("a.jpg", jpeg(10, 10))])
            .await;
        assert_eq!(response.status(), 302);
        assert_eq!(response.headers()["location"], "/login");

        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let url_encoded = anna
            .submit("/proposals/new", "create_proposal", &[("title", "x")])
            .await;
        assert_eq!(url_encoded.status(), 400);
        assert_eq!(stored_files(&app).await, 0);
    }
}

#[tokio::test]
async fn a_body_over_the_limit_gets_a_page_that_says_so() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let photos = (0..7)
            .map(|_| ("big.jpg", vec![0u8; 9 * 1024 * 1024]))
            .collect();
        let response = anna.submit_proposal(&[("title", "x")], photos).await;
        assert_eq!(response.status(), 413, "{}", database.kind());
        let page = response.text().await.unwrap();
        assert!(page.contains("nejvýš 4 fotky") && page.contains("at most 4 photos"));
        assert_eq!(stored_files(&app).await, 0);
    }
}
