//! A resume as a PDF: one column of real text in an embedded font, wrapped between words (never
//! hyphenated), each glyph mapped back to its letter so the text reads out as it went in.

use printpdf::{Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};

use crate::resume_layout::{ResumeBlock, ResumeLayout};
use crate::{DocumentError, letter_pdf};

const PAGE_WIDTH: Mm = Mm(210.0);
const PAGE_HEIGHT: Mm = Mm(297.0);
const BULLET: &str = "• ";

/// One line placed on the page.
struct Placed {
    text: String,
    size: f32,
    indent: f32,
    /// Distance from the previous line's baseline, in points.
    advance: f32,
}

pub fn render_resume_pdf(resume: ResumeLayout<'_>) -> Result<Vec<u8>, DocumentError> {
    let font = letter_pdf::font()?;
    let measures = resume.style.measures();
    let margin = Pt::from(Mm(measures.margin_mm)).0;
    let text_width = Pt::from(PAGE_WIDTH).0 - 2.0 * margin;
    let mut placed: Vec<Placed> = Vec::new();
    for block in resume.blocks {
        let (text, size, indent, space) = match block {
            ResumeBlock::Name(text) => (text, measures.name, 0.0, 0.0),
            ResumeBlock::Contact(text) => (text, measures.body, 0.0, 2.0),
            ResumeBlock::Heading(text) => (text, measures.heading, 0.0, measures.space_before_heading),
            ResumeBlock::Entry(text) => (text, measures.body, 0.0, measures.space_before_entry),
            ResumeBlock::Bullet(text) => (text, measures.body, 0.0, 0.0),
            ResumeBlock::Text(text) => (text, measures.body, 0.0, 0.0),
        };
        let width = |c: char| letter_pdf::char_width(&font, c, size);
        let is_bullet = matches!(block, ResumeBlock::Bullet(_));
        let hang = if is_bullet { BULLET.chars().map(width).sum::<f32>() } else { 0.0 };
        let lines = letter_pdf::wrap(text, text_width - indent - hang, width);
        let line_height = measures.line * size / measures.body;
        for (index, line) in lines.into_iter().enumerate() {
            let (text, indent) = match (is_bullet, index) {
                (true, 0) => (format!("{BULLET}{line}"), indent),
                (true, _) => (line, indent + hang),
                _ => (line, indent),
            };
            let advance = if index == 0 { line_height + space } else { line_height };
            placed.push(Placed { text, size, indent, advance });
        }
    }

    let mut document = PdfDocument::new(resume.title);
    let font_id = document.add_font(&font);
    let top = Pt::from(PAGE_HEIGHT).0 - margin;
    let mut pages: Vec<Vec<Op>> = vec![Vec::new()];
    let mut baseline = top;
    for line in &placed {
        let first_on_page = pages.last().is_none_or(Vec::is_empty) && baseline == top;
        if first_on_page {
            baseline = top - line.size;
        } else if baseline - line.advance < margin {
            pages.push(Vec::new());
            baseline = top - line.size;
        } else {
            baseline -= line.advance;
        }
        if line.text.is_empty() {
            continue;
        }
        if let Some(ops) = pages.last_mut() {
            ops.extend([
                Op::StartTextSection,
                Op::SetTextCursor { pos: Point { x: Pt(margin + line.indent), y: Pt(baseline) } },
                Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(line.size) },
                Op::ShowText { items: vec![TextItem::Text(line.text.clone())] },
                Op::EndTextSection,
            ]);
        }
    }
    let pages = pages.into_iter().map(|ops| PdfPage::new(PAGE_WIDTH, PAGE_HEIGHT, ops)).collect();
    let mut warnings = Vec::new();
    Ok(document.with_pages(pages).save(&PdfSaveOptions::default(), &mut warnings))
}
