//! The ten resumes of the evaluation set (adapted from resumes their owners published, two in
//! German) as files: a PDF in each layout Jobhound exports, a DOCX, and a two-column PDF as many
//! templates lay one out. Each reads back, through the importer, to the structure its text has:
//! the same jobs with their titles, organisations, dates and every bullet, the same schools and
//! skills. (No real resume file can be fetched here; the files are made from the real texts.)

use jobhound_core::resume::{ResumeEntry, ResumeSections, read_sections};
use jobhound_documents::{ResumeBlock, ResumeLayout, ResumeStyle, extract_text, render_resume_docx, render_resume_pdf};

const HEADINGS: &[&str] =
    &["Summary", "Experience", "Education", "Skills", "Berufserfahrung", "Beruflicher Werdegang", "Ausbildung"];

fn originals() -> Vec<String> {
    let mut originals: Vec<String> = Vec::new();
    for line in include_str!("../../../../assets/eval/fabrication-pairs.jsonl").lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap();
        let original = pair["original"].as_str().unwrap().to_string();
        if !originals.contains(&original) {
            originals.push(original);
        }
    }
    originals
}

/// The text's lines as blocks: headings, entries (a line with a "|" or a year), bullets, text.
fn blocks(text: &str) -> Vec<ResumeBlock> {
    text.lines()
        .map(|line| {
            if HEADINGS.contains(&line) {
                ResumeBlock::Heading(line.into())
            } else if let Some(bullet) = line.strip_prefix("- ") {
                ResumeBlock::Bullet(bullet.into())
            } else if line.contains('|') || line.split(|c: char| !c.is_ascii_digit()).any(|digits| digits.len() == 4) {
                ResumeBlock::Entry(line.into())
            } else {
                ResumeBlock::Text(line.into())
            }
        })
        .collect()
}

/// Left column: education and skills with their headings; right: the rest, in order, under an
/// "Experience" heading when the text lists its jobs without one (a column always has its title).
fn columns(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    if !text.lines().any(|line| matches!(line, "Experience" | "Berufserfahrung" | "Beruflicher Werdegang")) {
        right.push("Experience".to_string());
    }
    let mut in_left = false;
    for line in text.lines() {
        if HEADINGS.contains(&line) {
            in_left = matches!(line, "Education" | "Skills" | "Ausbildung");
        }
        let line = line.strip_prefix("- ").map_or_else(|| line.to_string(), |bullet| format!("• {bullet}"));
        if in_left { left.push(line) } else { right.push(line) }
    }
    (left, right)
}

fn assert_same_structure(read: &ResumeSections, expected: &ResumeSections, what: &str) {
    // Header lines are as the file wrapped them; what was read of them must be the same.
    let jobs = |sections: &ResumeSections| -> Vec<ResumeEntry> {
        sections.experience.iter().map(|job| ResumeEntry { lines: Vec::new(), ..job.clone() }).collect()
    };
    assert_eq!(jobs(read), jobs(expected), "{what}: the jobs");
    assert_eq!(read.education.len(), expected.education.len(), "{what}: the schools");
    assert_eq!(read.skills, expected.skills, "{what}: the skills");
}

#[test]
fn every_resume_reads_back_from_pdf_docx_and_two_columns_as_its_text_does() {
    let originals = originals();
    assert_eq!(originals.len(), 10);
    for (number, text) in (1..).zip(&originals) {
        let expected = read_sections(text);
        assert!(!expected.experience.is_empty(), "resume {number} has jobs");
        let blocks = blocks(text);
        for (style, name) in [(ResumeStyle::Classic, "classic PDF"), (ResumeStyle::Compact, "compact PDF")] {
            let pdf = render_resume_pdf(ResumeLayout { title: "Resume", style, blocks: &blocks }).unwrap();
            let (_, read) = extract_text(&pdf, "resume.pdf").unwrap();
            assert_same_structure(&read_sections(&read), &expected, &format!("resume {number}, {name}"));
        }
        let docx =
            render_resume_docx(ResumeLayout { title: "Resume", style: ResumeStyle::Classic, blocks: &blocks }).unwrap();
        let (_, read) = extract_text(&docx, "resume.docx").unwrap();
        assert_same_structure(&read_sections(&read), &expected, &format!("resume {number}, DOCX"));

        let (left, right) = columns(text);
        let pdf = jobhound_documents::crafted::two_column_pdf(&left, &right);
        let (_, read) = extract_text(&pdf, "resume.pdf").unwrap();
        assert_same_structure(&read_sections(&read), &expected, &format!("resume {number}, two columns"));
    }
}
