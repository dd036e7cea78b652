//! A resume as a Word document: one column of paragraphs in a common font, headings and entries
//! in bold, bullets as "• " paragraphs with a hanging indent (Word's own list numbering is left
//! out: some ATS readers drop its markers).

use docx_rs::{Docx, Paragraph, Run, RunFonts, SpecialIndentType};

use crate::DocumentError;
use crate::resume_layout::{ResumeBlock, ResumeLayout, ResumeStyle};

pub fn render_resume_docx(resume: ResumeLayout<'_>) -> Result<Vec<u8>, DocumentError> {
    let measures = resume.style.measures();
    let font = match resume.style {
        ResumeStyle::Classic => "Georgia",
        ResumeStyle::Compact => "Arial",
    };
    // Word sizes are half-points; spacing is in twentieths of a point.
    let half_points = |points: f32| (points * 2.0).round() as usize;
    let twips = |points: f32| (points * 20.0).round() as u32;
    let run = |text: &str, size: f32, bold: bool| {
        let run = Run::new().fonts(RunFonts::new().ascii(font).hi_ansi(font)).size(half_points(size)).add_text(text);
        if bold { run.bold() } else { run }
    };
    let mut document = Docx::new();
    for block in resume.blocks {
        let paragraph = match block {
            ResumeBlock::Name(text) => Paragraph::new().add_run(run(text, measures.name, true)),
            ResumeBlock::Contact(text) => Paragraph::new().add_run(run(text, measures.body, false)),
            ResumeBlock::Heading(text) => Paragraph::new()
                .add_run(run(text, measures.heading, true))
                .line_spacing(docx_rs::LineSpacing::new().before(twips(measures.space_before_heading))),
            ResumeBlock::Entry(text) => Paragraph::new()
                .add_run(run(text, measures.body, true))
                .line_spacing(docx_rs::LineSpacing::new().before(twips(measures.space_before_entry))),
            ResumeBlock::Bullet(text) => Paragraph::new()
                .add_run(run(&format!("• {text}"), measures.body, false))
                .indent(Some(360), Some(SpecialIndentType::Hanging(200)), None, None),
            ResumeBlock::Text(text) => Paragraph::new().add_run(run(text, measures.body, false)),
        };
        document = document.add_paragraph(paragraph);
    }
    crate::letter_docx::pack(document, resume.title)
}
