//! A tailored resume written to PDF and DOCX in both layouts reads back, with Jobhound's own
//! reader and with pdftotext, as the same words in the same order: every bullet, no hyphenation,
//! no ligatures ("ﬁ" for "fi"), accents kept. `KEEP_RESUME_PDF=/tmp/r` keeps the PDFs to look at.

use jobhound_documents::{
    DocumentFormat, ResumeBlock, ResumeLayout, ResumeStyle, extract_text, render_resume_docx, render_resume_pdf,
};

fn blocks() -> Vec<ResumeBlock> {
    let mut blocks = vec![
        ResumeBlock::Name("Zoë Łukasiewicz".into()),
        ResumeBlock::Contact("zoe@example.com | +49 30 1234567 | github.com/zoe".into()),
        ResumeBlock::Heading("Summary".into()),
        ResumeBlock::Text("Platform engineer who makes official workflows efficient and fluent.".into()),
        ResumeBlock::Heading("Experience".into()),
        ResumeBlock::Entry("Platform Engineer, Müller & Söhne GmbH | 2019 – present".into()),
        ResumeBlock::Bullet(
            "Ran Kubernetes clusters for 40 teams and cut the time from merge to production by 35% through \
             efficient, well-documented deployment workflows that every team could follow on its own"
                .into(),
        ),
        ResumeBlock::Bullet("Built internal tooling in Python used by 120 engineers".into()),
    ];
    // Enough entries to need a second page in either layout.
    for year in 2000..2018 {
        blocks.push(ResumeBlock::Entry(format!("Engineer, Firm {year} | {year} - {}", year + 1)));
        blocks.push(ResumeBlock::Bullet(format!("Shipped the {year} release of the billing service in Java")));
        blocks.push(ResumeBlock::Bullet("Reviewed code and mentored two apprentices".into()));
    }
    blocks.push(ResumeBlock::Heading("Skills".into()));
    blocks.push(ResumeBlock::Text("Python, Kubernetes, Java".into()));
    blocks
}

fn words_of(blocks: &[ResumeBlock]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|block| {
            match block {
                ResumeBlock::Bullet(text) => format!("• {text}"),
                ResumeBlock::Name(text)
                | ResumeBlock::Contact(text)
                | ResumeBlock::Heading(text)
                | ResumeBlock::Entry(text)
                | ResumeBlock::Text(text) => text.clone(),
            }
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
        })
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|error| panic!("pdftotext ({error}): install poppler-utils, as scripts/setup.sh does"));
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn both_layouts_read_back_word_for_word_from_pdf_and_docx() {
    let blocks = blocks();
    let expected = words_of(&blocks);
    let mut first_page_words = Vec::new();
    for style in [ResumeStyle::Classic, ResumeStyle::Compact] {
        let layout = ResumeLayout { title: "Resume for Platform Engineer", style, blocks: &blocks };
        let pdf = render_resume_pdf(layout).unwrap();
        let (format, ours) = extract_text(&pdf, "resume.pdf").unwrap();
        assert_eq!(format, DocumentFormat::Pdf);
        assert_eq!(words(&ours), expected, "{style:?}: Jobhound's reader");
        if let Ok(keep) = std::env::var("KEEP_RESUME_PDF") {
            std::fs::write(format!("{keep}-{style:?}.pdf"), &pdf).unwrap();
        }
        let poppler = pdftotext(&pdf);
        assert_eq!(words(&poppler), expected, "{style:?}: pdftotext");
        for ligature in ['ﬁ', 'ﬂ', 'ﬀ', 'ﬃ', 'ﬄ'] {
            assert!(!poppler.contains(ligature), "{style:?}: a ligature");
        }
        first_page_words.push(poppler.split('\u{c}').next().map_or(0, |page| page.split_whitespace().count()));

        let docx = render_resume_docx(layout).unwrap();
        let (format, text) = extract_text(&docx, "resume.docx").unwrap();
        assert_eq!(format, DocumentFormat::Docx);
        assert_eq!(words(&text), expected, "{style:?}: DOCX");
    }
    // Compact fits more on a page than Classic: the layouts differ in more than name.
    assert!(first_page_words[1] > first_page_words[0] + 40, "words on page 1: {first_page_words:?}");
    assert!(first_page_words[0] < expected.len(), "Classic needs a second page");
}
