//! Resumes crafted to hurt the reader, built by the test: a PDF whose Form XObject draws itself,
//! a PDF whose page tree is its own parent, a PDF stream and a DOCX part that inflate far past
//! any resume. Each is read in a child process with limits and refused with a clear message; the
//! test process (the parent, as the app would be) lives on. An ordinary resume still reads.

use std::time::{Duration, Instant};

use jobhound_documents::crafted::{inflating_docx, inflating_pdf, page_tree_its_own_parent, self_drawing_form};
use jobhound_documents::{
    DocumentError, DocumentFormat, Extractor, LetterLayout, Limits, MAX_RESUME_BYTES, render_pdf,
};

/// This test binary in helper mode (see `extraction_helper` in main.rs).
fn isolated(limits: Limits) -> Extractor {
    jobhound_documents::crafted::test_binary_reader("extraction_helper", limits)
}

/// Refused as a damaged file, in bounded time, with a message a person can read.
fn assert_refused(extractor: &Extractor, bytes: &[u8], name: &str, says: &str) {
    let started = Instant::now();
    let result = extractor.extract(bytes, name);
    let error = match result {
        Err(error) => error,
        Ok((_, text)) => panic!("{name} was read: {} chars", text.len()),
    };
    assert!(matches!(error, DocumentError::Corrupt { .. }), "{name}: {error:?}");
    assert!(error.to_string().contains(says), "{name}: {error}");
    assert!(started.elapsed() < Duration::from_secs(30), "{name} took {:?}", started.elapsed());
}

#[test]
fn an_ordinary_resume_reads_the_same_through_the_child() {
    let pdf = render_pdf(LetterLayout { title: "CV", body: "Zoë Łukasz\nRust engineer in Kraków." })
        .unwrap_or_else(|e| panic!("{e}"));
    let (format, text) = isolated(Limits::default()).extract(&pdf, "cv.pdf").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(format, DocumentFormat::Pdf);
    assert!(text.contains("Zoë Łukasz") && text.contains("Kraków"), "{text}");
    let refusal = isolated(Limits::default()).extract(b"\x89PNG\r\n\x1a\n....", "photo.png").unwrap_err();
    assert_eq!(refusal.to_string(), "only PDF and DOCX resumes can be imported, not .png");
}

#[test]
fn pdfs_that_recurse_forever_are_refused_and_the_parent_lives_on() {
    let extractor = isolated(Limits::default());
    assert_refused(&extractor, &self_drawing_form(), "form.pdf", "could not be read");
    assert_refused(&extractor, &page_tree_its_own_parent(), "tree.pdf", "could not be read");
}

#[test]
fn streams_that_inflate_past_any_resume_are_stopped() {
    // The child may use 256 MB here; the PDF stream inflates to 768 MB, the DOCX part to 256 MB
    // (past the 64 MB cap on a DOCX's text, which holds without the memory limit too).
    let extractor = isolated(Limits { wall_time: Duration::from_secs(20), memory_bytes: 256 * 1024 * 1024 });
    let bomb = inflating_pdf(768 << 20);
    assert!(bomb.len() < MAX_RESUME_BYTES as usize, "the bomb passes the size check: {} bytes", bomb.len());
    assert_refused(&extractor, &bomb, "bomb.pdf", "could not be read");
    let docx = inflating_docx(256 << 20);
    assert_refused(&extractor, &docx, "bomb.docx", "inflates past 64 MB");
    assert_refused(&Extractor::InProcess, &docx, "bomb.docx", "inflates past 64 MB");
}

#[test]
fn a_reader_that_never_answers_is_stopped_at_the_time_limit() {
    // `sleep` stands in for a child stuck in a loop: it reads nothing and never answers.
    let stuck = Extractor::Isolated {
        program: "sleep".into(),
        args: vec!["30".into()],
        envs: Vec::new(),
        limits: Limits { wall_time: Duration::from_secs(1), memory_bytes: 256 << 20 },
    };
    let started = Instant::now();
    let error = stuck.extract(&render_pdf(LetterLayout { title: "CV", body: "Jane" }).unwrap_or_default(), "cv.pdf");
    let error = error.err().unwrap_or_else(|| panic!("a stuck reader gives no text"));
    assert!(error.to_string().contains("took longer than 1 seconds"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5));
}
