//! Pictures for the demo's proposals. There are no real photos of Janov to ship, so the demo draws
//! simple scenes of the estate (sky, a panel block, grass, and something that fits the category)
//! and sends them through the same photo checks and file store as a resident's upload.
use image::{ImageFormat, Rgb, RgbImage};
use std::io::Cursor;

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 900;
const HORIZON: u32 = 600;

/// A PNG scene for a proposal in the category `slug`; `variant` shifts it so two differ.
pub fn scene(slug: &str, variant: u32) -> Vec<u8> {
    let mut picture = RgbImage::from_fn(WIDTH, HEIGHT, |_, y| {
        if y < HORIZON {
            // Sky, paler towards the horizon.
            let t = y * 100 / HORIZON;
            Rgb([120 + t as u8, 170 + (t * 6 / 10) as u8, 225])
        } else {
            Rgb([96, 150, 72])
        }
    });
    let shift = (variant * 170) % 400;
    // A panel block with rows of windows, some lit.
    fill(
        &mut picture,
        120 + shift,
        140,
        560,
        HORIZON - 140,
        Rgb([200, 196, 188]),
    );
    for floor in 0..8 {
        for column in 0..7 {
            let lit = (floor * 7 + column + variant).is_multiple_of(5);
            let colour = if lit {
                Rgb([250, 214, 110])
            } else {
                Rgb([70, 90, 110])
            };
            fill(
                &mut picture,
                150 + shift + column * 76,
                165 + floor * 52,
                40,
                30,
                colour,
            );
        }
    }
    // A footpath across the grass.
    fill(&mut picture, 0, 720, WIDTH, 50, Rgb([170, 168, 160]));
    match slug {
        "playgrounds" => {
            // A swing frame in the estate's orange.
            fill(&mut picture, 760, 470, 16, 250, Rgb([224, 122, 31]));
            fill(&mut picture, 1000, 470, 16, 250, Rgb([224, 122, 31]));
            fill(&mut picture, 760, 462, 256, 16, Rgb([224, 122, 31]));
            fill(&mut picture, 860, 478, 4, 150, Rgb([60, 60, 60]));
            fill(&mut picture, 910, 478, 4, 150, Rgb([60, 60, 60]));
            fill(&mut picture, 850, 628, 74, 12, Rgb([180, 40, 40]));
        }
        "safety" | "traffic" => {
            // A street lamp, dark.
            fill(&mut picture, 900, 330, 14, 390, Rgb([50, 55, 60]));
            fill(&mut picture, 870, 318, 74, 22, Rgb([90, 95, 100]));
        }
        "cleanliness" => {
            // Bins by the path.
            for (x, colour) in [
                (780, [46, 125, 50]),
                (880, [21, 101, 192]),
                (980, [230, 190, 30]),
            ] {
                fill(&mut picture, x, 610, 80, 110, Rgb(colour));
            }
        }
        _ => {
            // Trees.
            for x in [800, 960, 1100] {
                fill(&mut picture, x, 560, 18, 160, Rgb([110, 80, 50]));
                disc(&mut picture, x + 9, 520, 70, Rgb([60, 120, 50]));
            }
        }
    }
    let mut png = Vec::new();
    // Writing a PNG to memory cannot fail for an image this size; an empty result would only
    // make the demo photo be refused, never stop the demo.
    if let Err(error) = picture.write_to(&mut Cursor::new(&mut png), ImageFormat::Png) {
        tracing::warn!(%error, "drawing a demo photo failed");
    }
    png
}

fn fill(picture: &mut RgbImage, x: u32, y: u32, width: u32, height: u32, colour: Rgb<u8>) {
    for py in y..(y + height).min(HEIGHT) {
        for px in x..(x + width).min(WIDTH) {
            picture.put_pixel(px, py, colour);
        }
    }
}

fn disc(picture: &mut RgbImage, cx: u32, cy: u32, radius: u32, colour: Rgb<u8>) {
    let r = i64::from(radius);
    for py in cy.saturating_sub(radius)..(cy + radius).min(HEIGHT) {
        for px in cx.saturating_sub(radius)..(cx + radius).min(WIDTH) {
            let (dx, dy) = (i64::from(px) - i64::from(cx), i64::from(py) - i64::from(cy));
            if dx * dx + dy * dy <= r * r {
                picture.put_pixel(px, py, colour);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::infra::photos::Photo;

    #[test]
    fn every_scene_passes_the_photo_checks() {
        for slug in ["playgrounds", "safety", "cleanliness", "greenery"] {
            let photo = Photo::from_upload(&scene(slug, 1)).unwrap();
            assert_eq!((photo.width(), photo.height()), (1200, 900));
        }
    }
}
