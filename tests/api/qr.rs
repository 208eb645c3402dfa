//! Reading back the QR codes a page draws, as a phone's camera would.

/// Every QR code on a print page, decoded: rasterised with resvg, read with rqrr.
pub fn decode_qr_codes(html: &str) -> Vec<String> {
    html.split("<svg")
        .skip(1)
        .filter_map(|rest| rest.split("</svg>").next())
        .filter(|svg| svg.contains("crispEdges"))
        .map(|inner| {
            let svg = format!("<svg{inner}</svg>");
            let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
                .expect("the QR code is valid SVG");
            let size = tree.size().to_int_size();
            let (width, height) = (size.width() * 2, size.height() * 2);
            let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).expect("pixmap");
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
                &mut pixmap.as_mut(),
            );
            let pixels = pixmap.data();
            let mut image = rqrr::PreparedImage::prepare_from_greyscale(
                width as usize,
                height as usize,
                |x, y| pixels[(y * width as usize + x) * 4],
            );
            let grids = image.detect_grids();
            assert_eq!(grids.len(), 1, "one QR code per code");
            grids[0].decode().expect("the QR code decodes").1
        })
        .collect()
}
