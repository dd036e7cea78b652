//! A letter written to PDF and DOCX reads back as the same words, accents included; a PDF page
//! renders with pdftoppm when it is installed (look at it: `KEEP_RENDER=1`).

use jobhound_documents::{DocumentFormat, LetterLayout, extract_text, render_docx, render_pdf};

const BODY: &str = "Dear Ms. Łukasiewicz,\n\nI am writing about the Rust engineer role at Müller & Söhne in Kraków. \
Having built résumé parsers, naïve-Bayes filters and a façade over Straße-level geocoding, I would bring \
care for data and for the people who use it. This sentence is long on purpose so that it has to wrap across \
more than one line of the page at eleven points.\n\nKind regards,\nZoë Ångström";

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

#[test]
fn pdf_reads_back_with_every_letter() {
    let pdf = render_pdf(LetterLayout { title: "Cover letter", body: BODY }).unwrap_or_default();
    let (format, text) = extract_text(&pdf, "letter.pdf").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(format, DocumentFormat::Pdf);
    assert_eq!(words(&text), words(BODY));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, &pdf).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("page");
    match std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg(&out)
        .status()
    {
        Ok(status) => {
            assert!(status.success(), "pdftoppm failed on our PDF");
            let png = dir.path().join("page-1.png");
            assert!(std::fs::metadata(&png).map(|m| m.len() > 1000).unwrap_or(false));
            if let Ok(keep) = std::env::var("KEEP_RENDER") {
                std::fs::copy(&png, keep).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        Err(_) => eprintln!("pdftoppm not installed; the page was not rendered"),
    }
}

#[test]
fn long_letter_flows_onto_a_second_page() {
    let body = (0..120).map(|i| format!("Paragraph {i} says something.")).collect::<Vec<_>>().join("\n\n");
    let pdf = render_pdf(LetterLayout { title: "Long", body: &body }).unwrap_or_default();
    let (_, text) = extract_text(&pdf, "long.pdf").unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("Paragraph 0 ") && text.contains("Paragraph 119 "));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap_or_default();
    assert!(pages.len() >= 6, "240 lines need at least 6 pages, got {}", pages.len());
    assert!(pages[0].contains("Paragraph 0 ") && !pages[0].contains("Paragraph 119 "));
}

#[test]
fn docx_reads_back_with_paragraphs_and_line_breaks() {
    let docx = render_docx(LetterLayout { title: "Cover letter", body: BODY }).unwrap_or_default();
    let (format, text) = extract_text(&docx, "letter.docx").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(format, DocumentFormat::Docx);
    assert_eq!(words(&text), words(BODY));
    assert!(text.contains("Kind regards,\nZoë Ångström"), "{text}");
    assert!(text.contains("Łukasiewicz,\nI am"), "{text}");
}
