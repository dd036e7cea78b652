//! Reading a resume's text from PDF or DOCX bytes, within size limits; run inside the reader
//! process.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::text::{has_words, tidy};
use crate::{DocumentError, DocumentFormat};

pub const MAX_RESUME_BYTES: u64 = 20 * 1024 * 1024;

/// Refuses a resume over [`MAX_RESUME_BYTES`]; callers with a file check its size before reading it.
pub fn check_resume_size(size: u64) -> Result<(), DocumentError> {
    if size > MAX_RESUME_BYTES {
        return Err(DocumentError::TooLarge {
            size_mb: size as f64 / (1024.0 * 1024.0),
            limit_mb: MAX_RESUME_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// The readable text of a PDF or DOCX, with the format it turned out to be.
pub fn extract_text(bytes: &[u8], file_name: &str) -> Result<(DocumentFormat, String), DocumentError> {
    check_resume_size(bytes.len() as u64)?;
    if bytes.is_empty() {
        return Err(DocumentError::Unsupported("the file is empty".into()));
    }
    let format = DocumentFormat::sniff(bytes, file_name)?;
    let raw = match format {
        DocumentFormat::Pdf => pdf_text(bytes)?,
        DocumentFormat::Docx => docx_text(bytes)?,
    };
    let text = tidy(&raw);
    if !has_words(&text) {
        return Err(match format {
            DocumentFormat::Pdf => DocumentError::NoText,
            DocumentFormat::Docx => DocumentError::Unsupported("the DOCX file has no text in it".into()),
        });
    }
    Ok((format, text))
}

/// The PDF's text in reading order (see `pdf_layout`).
fn laid_out_text(bytes: &[u8]) -> Result<String, pdf_extract::OutputError> {
    let mut document = pdf_extract::Document::load_mem(bytes).map_err(pdf_extract::OutputError::PdfError)?;
    if document.is_encrypted() {
        // An owner password only (the common case): readable with the empty user password.
        document.decrypt("").map_err(pdf_extract::OutputError::PdfError)?;
    }
    let mut collected = crate::pdf_layout::Collect::default();
    pdf_extract::output_doc(&document, &mut collected)?;
    Ok(collected.text())
}

fn pdf_text(bytes: &[u8]) -> Result<String, DocumentError> {
    let corrupt = |detail: String| DocumentError::Corrupt { format: "PDF", detail };
    // pdf-extract panics on some malformed files instead of returning an error; a bad resume
    // must never take the app down with it.
    match std::panic::catch_unwind(|| laid_out_text(bytes)) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(error)) => Err(corrupt(error.to_string())),
        Err(_) => Err(corrupt("the reader gave up on its structure".into())),
    }
}

/// The most text XML a resume's DOCX holds inflated: a long resume is well under 1 MB of XML. A
/// crafted archive can inflate to gigabytes, so the declared size is checked before reading and
/// the inflation itself stops at the cap (the declared size can lie).
const MAX_DOCX_XML_BYTES: u64 = 64 * 1024 * 1024;

fn docx_text(bytes: &[u8]) -> Result<String, DocumentError> {
    let corrupt = |detail: String| DocumentError::Corrupt { format: "DOCX", detail };
    let too_big =
        || corrupt(format!("its text inflates past {} MB, more than any resume", MAX_DOCX_XML_BYTES / (1024 * 1024)));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| DocumentError::Unsupported("the file is a ZIP archive but not a Word document".into()))?;
    if entry.size() > MAX_DOCX_XML_BYTES {
        return Err(too_big());
    }
    let mut inflated = Vec::new();
    entry.take(MAX_DOCX_XML_BYTES + 1).read_to_end(&mut inflated).map_err(|e| corrupt(e.to_string()))?;
    if inflated.len() as u64 > MAX_DOCX_XML_BYTES {
        return Err(too_big());
    }
    let xml = String::from_utf8(inflated).map_err(|_| corrupt("its text is not UTF-8".into()))?;
    word_xml_text(&xml).map_err(corrupt)
}

/// Text runs (`w:t`) in document order, with tabs, breaks and paragraph ends as whitespace.
fn word_xml_text(xml: &str) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(tag) if tag.name().as_ref() == b"w:t" => in_text = true,
            Event::End(tag) => match tag.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.push('\n'),
                b"w:tc" => out.push('\t'),
                _ => {}
            },
            Event::Empty(tag) => match tag.name().as_ref() {
                b"w:tab" => out.push('\t'),
                b"w:br" | b"w:cr" => out.push('\n'),
                _ => {}
            },
            Event::Text(text) if in_text => out.push_str(&text.decode().map_err(|e| e.to_string())?),
            Event::GeneralRef(reference) if in_text => {
                let name = reference.decode().map_err(|e| e.to_string())?;
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
                if let Some(c) = reference.resolve_char_ref().ok().flatten() {
                    out.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_xml_keeps_paragraphs_tabs_and_entities() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Jane &amp; Doe</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Rust </w:t><w:tab/><w:t>Go</w:t><w:br/><w:t>Zürich</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(word_xml_text(xml).unwrap_or_default(), "Jane & Doe\nRust \tGo\nZürich\n");
    }

    #[test]
    fn refuses_large_empty_and_foreign_files_with_reasons() {
        let big = vec![b' '; (MAX_RESUME_BYTES + 1) as usize];
        assert!(matches!(extract_text(&big, "cv.pdf"), Err(DocumentError::TooLarge { .. })));
        assert!(extract_text(b"", "cv.pdf").is_err());
        let png = extract_text(b"\x89PNG\r\n\x1a\n....", "photo.png").err().map(|e| e.to_string());
        assert_eq!(png.as_deref(), Some("only PDF and DOCX resumes can be imported, not .png"));
        let doc = extract_text(b"\xd0\xcf\x11\xe0", "cv.doc").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(doc.contains("save it as DOCX or PDF"), "{doc}");
    }

    #[test]
    fn corrupt_pdf_and_docx_are_errors_not_panics() {
        let pdf = extract_text(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "cv.pdf");
        assert!(matches!(pdf, Err(DocumentError::Corrupt { format: "PDF", .. })), "{pdf:?}");
        let docx = extract_text(b"PK\x03\x04 truncated zip", "cv.docx");
        assert!(matches!(docx, Err(DocumentError::Corrupt { format: "DOCX", .. })), "{docx:?}");
    }
}
