//! A cover letter written as a PDF, with an embedded font so every letter prints.

use printpdf::{Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};

use crate::{DocumentError, LetterLayout};

/// DejaVu Serif covers Latin Extended, Greek and Cyrillic; PDF's built-in fonts stop at
/// Latin-1, so "ł" or "ő" would come out wrong without an embedded font.
const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif.ttf");

const PAGE_WIDTH: Mm = Mm(210.0);
const PAGE_HEIGHT: Mm = Mm(297.0);
const MARGIN: Mm = Mm(25.0);
const FONT_SIZE: f32 = 11.0;
const LINE_HEIGHT: f32 = 15.5;

/// An A4 letter: the body's paragraphs wrapped to the page width, onto as many pages as needed.
pub fn render_pdf(letter: LetterLayout<'_>) -> Result<Vec<u8>, DocumentError> {
    let font = font()?;
    let text_width = Pt::from(PAGE_WIDTH).0 - 2.0 * Pt::from(MARGIN).0;
    let lines = wrap(letter.body, text_width, |c| char_width(&font, c, FONT_SIZE));
    let lines_per_page = ((Pt::from(PAGE_HEIGHT).0 - 2.0 * Pt::from(MARGIN).0) / LINE_HEIGHT).floor().max(1.0) as usize;

    let mut document = PdfDocument::new(letter.title);
    let font_id = document.add_font(&font);
    let pages = lines
        .chunks(lines_per_page)
        .map(|page_lines| {
            let mut ops = vec![
                Op::StartTextSection,
                Op::SetTextCursor { pos: Point::new(MARGIN, PAGE_HEIGHT - MARGIN - Mm::from(Pt(FONT_SIZE))) },
                Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(FONT_SIZE) },
                Op::SetLineHeight { lh: Pt(LINE_HEIGHT) },
            ];
            for line in page_lines {
                if !line.is_empty() {
                    ops.push(Op::ShowText { items: vec![TextItem::Text(line.clone())] });
                }
                ops.push(Op::AddLineBreak);
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(PAGE_WIDTH, PAGE_HEIGHT, ops)
        })
        .collect::<Vec<_>>();
    let pages = if pages.is_empty() { vec![PdfPage::new(PAGE_WIDTH, PAGE_HEIGHT, Vec::new())] } else { pages };
    let mut warnings = Vec::new();
    Ok(document.with_pages(pages).save(&PdfSaveOptions::default(), &mut warnings))
}

/// The embedded font, read.
pub(crate) fn font() -> Result<ParsedFont, DocumentError> {
    ParsedFont::from_bytes(FONT, 0, &mut Vec::new())
        .ok_or_else(|| DocumentError::Render { format: "PDF", detail: "the embedded font could not be read".into() })
}

/// Advance width in points at `size`; a letter the font lacks counts as half an em so wrapping
/// stays sane.
pub(crate) fn char_width(font: &ParsedFont, c: char, size: f32) -> f32 {
    let units = font
        .lookup_glyph_index(c as u32)
        .and_then(|glyph| font.get_glyph_width(glyph))
        .map_or(font.units_per_em as f32 / 2.0, f32::from);
    units / font.units_per_em.max(1) as f32 * size
}

/// Lines no wider than `width`: the text's own line breaks are kept, long lines break between
/// words, and a word longer than a line breaks between letters.
pub(crate) fn wrap(body: &str, width: f32, char_width: impl Fn(char) -> f32) -> Vec<String> {
    let measure = |s: &str| s.chars().map(&char_width).sum::<f32>();
    let mut lines = Vec::new();
    for source_line in body.trim_end().lines() {
        let mut line = String::new();
        for word in source_line.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if measure(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if !line.is_empty() && measure(&line) + char_width(c) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_keeps_blank_lines_and_splits_overlong_words() {
        let lines = wrap("aaa bbb ccc\n\ndddddddd", 7.0, |_| 1.0);
        assert_eq!(lines, vec!["aaa bbb", "ccc", "", "ddddddd", "d"]);
    }

    #[test]
    fn embedded_font_has_polish_and_german_letters() {
        let font = ParsedFont::from_bytes(FONT, 0, &mut Vec::new());
        let font = font.as_ref().map(|f| "éüßłő".chars().all(|c| f.lookup_glyph_index(c as u32).is_some()));
        assert_eq!(font, Some(true));
    }
}
