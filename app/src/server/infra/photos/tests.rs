use super::*;
use image::{ImageEncoder, Rgba, RgbaImage};

fn png(width: u32, height: u32, pixel: Rgba<u8>) -> Vec<u8> {
    let image = RgbaImage::from_pixel(width, height, pixel);
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&image, width, height, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

fn decoded(jpeg: &[u8]) -> DynamicImage {
    let reader = ImageReader::new(Cursor::new(jpeg))
        .with_guessed_format()
        .unwrap();
    assert_eq!(reader.format(), Some(ImageFormat::Jpeg));
    reader.decode().unwrap()
}

#[test]
fn a_big_photo_is_scaled_to_1600_px_keeping_its_shape() {
    let photo = Photo::from_upload(&png(3200, 1800, Rgba([10, 120, 200, 255]))).unwrap();
    assert_eq!((photo.width(), photo.height()), (1600, 900));
    let full = decoded(photo.jpeg());
    assert_eq!((full.width(), full.height()), (1600, 900));
    let thumb = decoded(photo.thumbnail());
    assert_eq!((thumb.width(), thumb.height()), (320, 180));
}

#[test]
fn a_small_photo_keeps_its_size() {
    let photo = Photo::from_upload(&png(200, 300, Rgba([0, 0, 0, 255]))).unwrap();
    assert_eq!((photo.width(), photo.height()), (200, 300));
}

#[test]
fn transparency_becomes_white() {
    let photo = Photo::from_upload(&png(40, 40, Rgba([0, 0, 0, 0]))).unwrap();
    let pixel = decoded(photo.jpeg()).to_rgb8().get_pixel(20, 20).0;
    assert!(pixel.iter().all(|&c| c > 240), "{pixel:?}");
}

#[test]
fn text_that_claims_to_be_a_photo_is_refused() {
    assert_eq!(
        Photo::from_upload(b"<svg onload=alert(1)>").unwrap_err(),
        PhotoProblem::NotAPhoto
    );
    assert_eq!(
        Photo::from_upload(b"").unwrap_err(),
        PhotoProblem::NotAPhoto
    );
}

#[test]
fn other_image_formats_are_refused() {
    // A GIF header: a real image format, but not one Spolu takes.
    assert_eq!(
        Photo::from_upload(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").unwrap_err(),
        PhotoProblem::NotAPhoto
    );
}

#[test]
fn a_cut_off_photo_is_damaged() {
    let whole = png(300, 300, Rgba([200, 10, 10, 255]));
    assert_eq!(
        Photo::from_upload(&whole[..whole.len() / 2]).unwrap_err(),
        PhotoProblem::Damaged
    );
}

#[test]
fn a_cut_off_jpeg_is_damaged_not_half_grey() {
    let image = image::RgbImage::from_pixel(400, 300, image::Rgb([30, 120, 200]));
    let mut whole = Vec::new();
    image
        .write_with_encoder(JpegEncoder::new_with_quality(&mut whole, 90))
        .unwrap();
    assert!(Photo::from_upload(&whole).is_ok());
    assert_eq!(
        Photo::from_upload(&whole[..whole.len() / 2]).unwrap_err(),
        PhotoProblem::Damaged
    );
}

#[test]
fn a_sideways_jpeg_is_turned_upright() {
    // 40 × 20 px, with EXIF orientation 6 ("turn 90° clockwise"), as phones write it.
    let image = image::RgbImage::from_pixel(40, 20, image::Rgb([200, 200, 200]));
    let mut jpeg = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 90);
    let exif: Vec<u8> = [
        &b"MM\0\x2a\0\0\0\x08\0\x01"[..],
        &[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6, 0, 0],
        &[0, 0, 0, 0],
    ]
    .concat();
    image::ImageEncoder::set_exif_metadata(&mut encoder, exif).unwrap();
    image.write_with_encoder(encoder).unwrap();
    let photo = Photo::from_upload(&jpeg).unwrap();
    assert_eq!((photo.width(), photo.height()), (20, 40));
}

#[test]
fn more_than_10_mb_is_too_large_before_decoding() {
    let mut big = png(10, 10, Rgba([0, 0, 0, 255]));
    big.resize(MAX_PHOTO_BYTES + 1, 0);
    assert_eq!(
        Photo::from_upload(&big).unwrap_err(),
        PhotoProblem::TooLarge
    );
}

#[test]
fn a_photo_claiming_enormous_dimensions_is_refused_without_decoding() {
    // A valid PNG header saying 20 000 × 20 000 px, followed by nothing.
    let mut header = png(1, 1, Rgba([0, 0, 0, 255]));
    header[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    header[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    // The IHDR chunk's checksum covers its type and data (bytes 12..29).
    let crc = crc32fast::hash(&header[12..29]);
    header[29..33].copy_from_slice(&crc.to_be_bytes());
    assert_eq!(
        Photo::from_upload(&header).unwrap_err(),
        PhotoProblem::TooLarge
    );
}

/// A real JPEG whose frame header is changed to declare `side` × `side` pixels.
fn jpeg_declaring(side: u16) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(16, 16, image::Rgb([30, 120, 200]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&image)
        .unwrap();
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    // Marker, length (2), precision (1), then height and width.
    jpeg[sof + 5..sof + 7].copy_from_slice(&side.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&side.to_be_bytes());
    jpeg
}

#[test]
fn a_jpeg_bomb_is_refused_by_its_declared_pixel_count_before_decoding() {
    // 12 000 × 12 000 is within the side limit but 144 megapixels; 7 100 × 7 100 is 50.4.
    for side in [12_000, 7_100] {
        let started = std::time::Instant::now();
        assert_eq!(
            Photo::from_upload(&jpeg_declaring(side)).err(),
            Some(PhotoProblem::TooLarge),
            "{side}"
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }
    // A declared size a phone makes goes on to be decoded.
    assert_ne!(
        Photo::from_upload(&jpeg_declaring(2_000)).err(),
        Some(PhotoProblem::TooLarge)
    );
}

#[test]
fn a_png_over_50_megapixels_is_refused_even_within_the_side_limit() {
    assert_eq!(check_size(10_000, 10_000), Err(PhotoProblem::TooLarge));
    assert_eq!(check_size(8_000, 6_000), Ok(()));
    assert_eq!(check_size(12_001, 10), Err(PhotoProblem::TooLarge));
}
