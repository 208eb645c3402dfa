//! Turning an uploaded file into a photo Spolu can show. Only JPEG, PNG and WebP are accepted; each
//! is decoded and drawn again as a new JPEG, so nothing but the pixels survives (no EXIF, above all
//! no GPS position), turned upright as the camera meant, at most 1600 px, with a small thumbnail.
//! The uploaded original is never kept.
use crate::error::{AppError, FieldErrors};
use crate::server::infra::file_store::{FileKind, FileStore};
use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// What a phone camera makes, with room to spare; DESIGN.md's limit per photo.
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_PHOTOS: usize = 4;
/// Enough for a phone screen at twice its pixel density; larger only costs residents' data.
const MAX_SIDE: u32 = 1600;
const THUMBNAIL_SIDE: u32 = 320;
/// A "photo" claiming more pixels than this is an attack on the server's memory, not a photo.
const MAX_DECODED_SIDE: u32 = 12_000;
/// A phone photo has at most 50 megapixels; the count a file declares is checked before any
/// decoding, since a 631-byte file may declare 12 000 × 12 000 and cost 760 MB to decode.
const MAX_PIXELS: u64 = 50_000_000;
/// Photos decoded at once, server-wide: each may take a few hundred MB while it is redrawn.
static DECODING: std::sync::LazyLock<tokio::sync::Semaphore> =
    std::sync::LazyLock::new(|| tokio::sync::Semaphore::new(1));

/// Refuses sizes no phone photo has, before a byte of pixels is decoded.
fn check_size(width: u32, height: u32) -> Result<(), PhotoProblem> {
    if width > MAX_DECODED_SIDE
        || height > MAX_DECODED_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(PhotoProblem::TooLarge);
    }
    Ok(())
}
const QUALITY: u8 = 82;
const THUMBNAIL_QUALITY: u8 = 70;

/// Why one photo was refused; each is a locale key shown next to the photo's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoProblem {
    TooLarge,
    NotAPhoto,
    Damaged,
    TooMany,
}

impl PhotoProblem {
    pub fn message(self) -> &'static str {
        match self {
            PhotoProblem::TooLarge => "error-photo-too-large",
            PhotoProblem::NotAPhoto => "error-photo-not-a-photo",
            PhotoProblem::Damaged => "error-photo-damaged",
            PhotoProblem::TooMany => "error-photo-too-many",
        }
    }
}

/// A photo that has been checked and redrawn; it can only be made by [`Photo::from_upload`].
#[derive(Debug, Clone)]
pub struct Photo {
    jpeg: Vec<u8>,
    thumbnail: Vec<u8>,
    width: u32,
    height: u32,
}

impl Photo {
    /// Decodes `bytes` (only JPEG, PNG or WebP, told by their content, not their name), and
    /// redraws them. Slow for big photos: call it off the async threads.
    pub fn from_upload(bytes: &[u8]) -> Result<Self, PhotoProblem> {
        if bytes.len() > MAX_PHOTO_BYTES {
            return Err(PhotoProblem::TooLarge);
        }
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| PhotoProblem::NotAPhoto)?;
        let (image, orientation) = match reader.format() {
            Some(ImageFormat::Jpeg) => decode_jpeg(bytes)?,
            Some(ImageFormat::Png | ImageFormat::WebP) => decode_other(reader)?,
            _ => return Err(PhotoProblem::NotAPhoto),
        };
        // Turned upright after shrinking: turning the full-size photo would copy all its pixels.
        let mut image = shrink(image, MAX_SIDE);
        image.apply_orientation(orientation);
        let image = flatten(image);
        let thumbnail = flatten(shrink(
            DynamicImage::ImageRgb8(image.clone()),
            THUMBNAIL_SIDE,
        ));
        Ok(Photo {
            width: image.width(),
            height: image.height(),
            jpeg: encode(&image, QUALITY)?,
            thumbnail: encode(&thumbnail, THUMBNAIL_QUALITY)?,
        })
    }

    pub fn jpeg(&self) -> &[u8] {
        &self.jpeg
    }

    pub fn thumbnail(&self) -> &[u8] {
        &self.thumbnail
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }
}

/// A file as it arrived from the form: the name the device gave it (only ever shown back to the
/// person, to say which photo was refused) and its bytes, cut off just past the size limit.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The photos of one form, checked and redrawn; or, for each refused one, a message on the field
/// `photo-<n>` (counted from 1, in the order chosen) and its file name kept as `photo-<n>-name`.
pub async fn check_uploads(uploads: Vec<Upload>) -> Result<Vec<Photo>, AppError> {
    let _turn = DECODING.acquire().await.map_err(|_| AppError::Internal)?;
    let checked = tokio::task::spawn_blocking(move || {
        uploads
            .into_iter()
            .enumerate()
            .map(|(index, upload)| {
                let result = if index < MAX_PHOTOS {
                    Photo::from_upload(&upload.bytes)
                } else {
                    Err(PhotoProblem::TooMany)
                };
                (upload.file_name, result)
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "checking photos failed");
        AppError::Internal
    })?;
    let mut photos = Vec::new();
    let mut errors = FieldErrors::default();
    // The refused files' names, so the form can say which photo each message is about.
    let mut names = Vec::new();
    for (index, (file_name, result)) in checked.into_iter().enumerate() {
        match result {
            Ok(photo) => photos.push(photo),
            Err(problem) => {
                let field = format!("photo-{}", index + 1);
                errors.add(&field, problem.message());
                names.push((format!("{field}-name"), file_name));
            }
        }
    }
    errors.finish().map_err(|error| {
        let names: Vec<(&str, &str)> = names
            .iter()
            .map(|(f, v)| (f.as_str(), v.as_str()))
            .collect();
        error.keeping(&names)
    })?;
    Ok(photos)
}

/// Where one photo's two files were stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    pub file_name: String,
    pub thumbnail_name: String,
    pub width: i32,
    pub height: i32,
}

/// Stores every photo and its thumbnail; if one fails, those already stored are removed again.
pub async fn store(files: &dyn FileStore, photos: &[Photo]) -> Result<Vec<StoredPhoto>, AppError> {
    let mut stored = Vec::with_capacity(photos.len());
    for photo in photos {
        let result = async {
            let file_name = files.put(photo.jpeg(), FileKind::Jpeg).await?;
            match files.put(photo.thumbnail(), FileKind::Jpeg).await {
                Ok(thumbnail_name) => Ok(StoredPhoto {
                    file_name,
                    thumbnail_name,
                    width: i32::try_from(photo.width()).unwrap_or(i32::MAX),
                    height: i32::try_from(photo.height()).unwrap_or(i32::MAX),
                }),
                Err(error) => {
                    files.remove(&file_name).await;
                    Err(error)
                }
            }
        }
        .await;
        match result {
            Ok(photo) => stored.push(photo),
            Err(error) => {
                remove(files, &stored).await;
                return Err(error);
            }
        }
    }
    Ok(stored)
}

/// Removes stored photos, e.g. when the proposal they were for could not be saved.
pub async fn remove(files: &dyn FileStore, photos: &[StoredPhoto]) {
    for photo in photos {
        files.remove(&photo.file_name).await;
        files.remove(&photo.thumbnail_name).await;
    }
}

/// JPEG, decoded strictly: `image` lets its decoder fill a cut-off photo with grey, and a photo
/// that did not arrive whole should be sent again, not published half grey.
fn decode_jpeg(bytes: &[u8]) -> Result<(DynamicImage, Orientation), PhotoProblem> {
    use zune_core::bytestream::ZCursor;
    use zune_core::colorspace::ColorSpace;
    use zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::MAX)
        .set_max_height(usize::MAX)
        .jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder
        .decode_headers()
        .map_err(|_| PhotoProblem::Damaged)?;
    let (width, height) = decoder.dimensions().ok_or(PhotoProblem::Damaged)?;
    let (width, height) = (
        u32::try_from(width).map_err(|_| PhotoProblem::TooLarge)?,
        u32::try_from(height).map_err(|_| PhotoProblem::TooLarge)?,
    );
    check_size(width, height)?;
    let pixels = decoder.decode().map_err(|_| PhotoProblem::Damaged)?;
    // Phones store photos sideways and say so in EXIF; that note is about to be dropped.
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_chunk(exif))
        .unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::ImageRgb8(
        RgbImage::from_raw(width, height, pixels).ok_or(PhotoProblem::Damaged)?,
    );
    Ok((image, orientation))
}

/// PNG and WebP, whose decoders refuse a cut-off file themselves.
fn decode_other(
    reader: ImageReader<Cursor<&[u8]>>,
) -> Result<(DynamicImage, Orientation), PhotoProblem> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    let mut reader = reader;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(problem)?;
    let (width, height) = decoder.dimensions();
    check_size(width, height)?;
    let orientation = decoder.orientation().map_err(problem)?;
    let image = DynamicImage::from_decoder(decoder).map_err(problem)?;
    Ok((image, orientation))
}

fn problem(error: ImageError) -> PhotoProblem {
    match error {
        ImageError::Limits(_) => PhotoProblem::TooLarge,
        ImageError::Unsupported(_) => PhotoProblem::NotAPhoto,
        _ => PhotoProblem::Damaged,
    }
}

/// Scales down to fit `side` × `side`, keeping the shape; never scales up. Averaging areas
/// (`thumbnail`) needs no buffer beyond the result, where a filtered resize of a 50-megapixel
/// photo would first make one of 180 MB.
fn shrink(image: DynamicImage, side: u32) -> DynamicImage {
    if image.width() <= side && image.height() <= side {
        image
    } else {
        image.thumbnail(side, side)
    }
}

/// JPEG has no transparency: see-through parts of a PNG or WebP become white, not black.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let mut rgba = image.into_rgba8();
    for pixel in rgba.pixels_mut() {
        let [r, g, b, a] = pixel.0;
        let over_white = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            // Integer "c·a + 255·(1−a)" on 0..=255; always fits in u8.
            u8::try_from((c * a + 255 * (255 - a)) / 255).unwrap_or(u8::MAX)
        };
        pixel.0 = [over_white(r), over_white(g), over_white(b), 255];
    }
    DynamicImage::ImageRgba8(rgba).into_rgb8()
}

fn encode(image: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoProblem> {
    let mut out = Vec::new();
    image
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, quality))
        .map_err(|_| PhotoProblem::Damaged)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
