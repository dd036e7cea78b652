//! Files crafted to hurt a resume reader, made on demand for tests (here and in core): never
//! shipped in the app, only built with the `crafted` feature.

use std::io::Write;

/// A PDF from numbered object bodies, with a correct cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", n + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

pub fn stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// A PDF whose Form XObject draws itself.
pub fn self_drawing_form() -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Jane Doe, engineer) Tj ET /X1 Do"),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >>", b"/X1 Do"),
        FONT.as_bytes().to_vec(),
    ])
}

/// A PDF whose page is its own parent: reading an inherited attribute climbs the tree forever.
pub fn page_tree_its_own_parent() -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Jane Doe, engineer) Tj ET"),
    ])
}

/// `size` bytes of spaces, deflated: a few hundred KB that inflate to `size`.
pub fn deflated_spaces(size: usize) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        encoder.write_all(&chunk).expect("writing to memory");
    }
    encoder.finish().expect("writing to memory")
}

/// A PDF whose one content stream inflates to `size` bytes.
pub fn inflating_pdf(size: usize) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &deflated_spaces(size)),
        FONT.as_bytes().to_vec(),
    ])
}

/// A DOCX whose text part inflates to `size` bytes.
pub fn inflating_docx(size: usize) -> Vec<u8> {
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    archive.start_file("word/document.xml", options).expect("writing to memory");
    archive.write_all(b"<w:document><w:body><w:p><w:r><w:t>").expect("writing to memory");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        archive.write_all(&chunk).expect("writing to memory");
    }
    archive.write_all(b"</w:t></w:r></w:p></w:body></w:document>").expect("writing to memory");
    archive.finish().expect("writing to memory").into_inner()
}

/// Set on the reader a test starts, so the test's entry point knows to serve.
const TEST_HELPER_ENV: &str = "JOBHOUND_EXTRACT_HELPER";

/// This test binary as the resume reader, the way the app is its own: started as `--exact
/// <entry>`, where `entry` is a `#[test]` that calls [`serve_in_test`].
pub fn test_binary_reader(entry: &str, limits: crate::Limits) -> crate::Extractor {
    crate::Extractor::Isolated {
        program: std::env::current_exe().expect("the test binary's path"),
        args: ["--exact", entry, "--nocapture", "--test-threads=1"].map(Into::into).to_vec(),
        envs: vec![(TEST_HELPER_ENV.into(), "1".into())],
        limits,
    }
}

/// In the reader started by [`test_binary_reader`]: reads one file, answers and exits. In a normal
/// test run: does nothing.
pub fn serve_in_test() {
    if std::env::var_os(TEST_HELPER_ENV).is_some() {
        crate::serve_and_exit();
    }
}

/// A two-column resume page, as many templates lay one out: `left` (a narrow column, usually
/// contact, skills and education) beside `right` (experience), in the embedded font, the left
/// column written first as such templates do. Lines are wrapped to their column.
pub fn two_column_pdf(left: &[String], right: &[String]) -> Vec<u8> {
    use printpdf::{Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};
    let font = crate::letter_pdf::font().expect("the embedded font reads");
    let size = 9.0;
    let line_height = 12.0;
    let (page_width, page_height) = (Mm(210.0), Mm(297.0));
    let margin = Pt::from(Mm(14.0)).0;
    let gutter = 14.0;
    let left_width = Pt::from(Mm(58.0)).0;
    let right_x = margin + left_width + gutter;
    let right_width = Pt::from(page_width).0 - right_x - margin;
    let mut document = PdfDocument::new("Two-column resume");
    let font_id = document.add_font(&font);
    let mut ops = Vec::new();
    for (lines, x, width) in [(left, margin, left_width), (right, right_x, right_width)] {
        let mut baseline = Pt::from(page_height).0 - margin;
        for line in lines {
            for wrapped in crate::letter_pdf::wrap(line, width, |c| crate::letter_pdf::char_width(&font, c, size)) {
                baseline -= line_height;
                ops.extend([
                    Op::StartTextSection,
                    Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(baseline) } },
                    Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(size) },
                    Op::ShowText { items: vec![TextItem::Text(wrapped)] },
                    Op::EndTextSection,
                ]);
            }
        }
    }
    let mut warnings = Vec::new();
    document
        .with_pages(vec![PdfPage::new(page_width, page_height, ops)])
        .save(&PdfSaveOptions::default(), &mut warnings)
}
