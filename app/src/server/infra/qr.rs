//! QR codes drawn on the server, as inline SVG: invite slips and posters carry their address
//! this way, so a phone's camera opens the page.
use crate::error::AppError;

/// A QR code for `text` as an inline SVG element (no XML prolog, sized by its container).
pub fn svg(text: &str) -> Result<String, AppError> {
    use qrcode::render::svg;
    let code =
        qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).map_err(|error| {
            tracing::error!(%error, "an address too long for a QR code");
            AppError::Internal
        })?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // The renderer writes a standalone document; inside HTML only the <svg> element belongs.
    let start = image.find("<svg").ok_or(AppError::Internal)?;
    Ok(image[start..].replacen("<svg", "<svg aria-hidden=\"true\" focusable=\"false\"", 1))
}

#[cfg(test)]
mod tests {
    use super::svg;

    #[test]
    fn the_qr_code_is_an_svg_element_without_a_prolog() {
        let svg = svg("https://spolu.example.cz/join?code=K7QM-3XPA").expect("svg");
        assert!(svg.starts_with("<svg "), "{}", &svg[..40]);
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
    }
}
