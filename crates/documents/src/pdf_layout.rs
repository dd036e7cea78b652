//! A PDF's text in reading order, columns included. pdf-extract's own writer follows the content
//! stream and joins a left column's line to the right column's first line when the writer jumps
//! back up; many resume templates set two columns. Here every glyph is placed first, then each
//! page is read as a person reads it: each column (what the writer set before jumping back up the
//! page) on its own, line by line from the top, each line left to right.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One run of text on one baseline, as the content stream wrote it.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    /// Distance down the page (larger is lower).
    y: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
pub(crate) struct Collect {
    pages: Vec<Vec<Run>>,
    word_starts: bool,
}

impl Collect {
    pub(crate) fn text(&self) -> String {
        self.pages.iter().map(|runs| page_text(runs)).collect::<Vec<_>>().join("\n")
    }
}

impl OutputDev for Collect {
    fn begin_page(&mut self, _: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let scaled = ((font_size * (trm.m11 + trm.m21)) * (font_size * (trm.m12 + trm.m22))).abs().sqrt();
        let size = if scaled > 0.0 { scaled } else { font_size.abs().max(1.0) };
        let (x, y) = (trm.m31, -trm.m32);
        let end = x + width * size;
        let new_word = std::mem::take(&mut self.word_starts);
        let Some(page) = self.pages.last_mut() else { return Ok(()) };
        match page.last_mut() {
            // The same line going on to the right: one run, with a space where the writer left a gap.
            Some(run) if (run.y - y).abs() < size * 0.3 && x >= run.x1 - size * 0.5 && x - run.x1 < size * 2.0 => {
                if new_word && x > run.x1 + size * 0.1 && !run.text.ends_with(' ') {
                    run.text.push(' ');
                }
                run.text.push_str(text);
                run.x1 = end.max(run.x1);
            }
            _ => page.push(Run { x0: x, x1: end, y, size, text: text.to_string() }),
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_starts = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The page's flows: runs in the order the content stream wrote them, a new flow starting where
/// the writer jumps back up the page (the top of the next column, or of a side box).
fn flows(runs: &[Run]) -> Vec<&[Run]> {
    let mut out = Vec::new();
    let mut start = 0;
    for index in 1..runs.len() {
        let (previous, run) = (&runs[index - 1], &runs[index]);
        let size = previous.size.max(run.size);
        let up = previous.y - run.y;
        // Up and to the right: the next column, however short the last was. Far up: a new box.
        if (up > size * 0.5 && run.x0 > previous.x1) || up > size * 1.5 {
            out.push(&runs[start..index]);
            start = index;
        }
    }
    if start < runs.len() {
        out.push(&runs[start..]);
    }
    out
}

fn page_text(runs: &[Run]) -> String {
    flows(runs).into_iter().map(column_text).filter(|text| !text.is_empty()).collect::<Vec<_>>().join("\n")
}

/// A column's runs as lines, top to bottom, each line's runs left to right.
fn column_text(runs: &[Run]) -> String {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<(f64, f64, Vec<&Run>)> = Vec::new();
    for run in sorted {
        match lines.last_mut() {
            Some((y, size, line)) if (run.y - *y).abs() < size.max(run.size) * 0.5 => line.push(run),
            _ => lines.push((run.y, run.size, vec![run])),
        }
    }
    let mut out = String::new();
    let mut previous: Option<(f64, f64)> = None;
    for (y, size, mut line) in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        if let Some((last_y, last_size)) = previous {
            out.push('\n');
            // A gap of more than a line and a half is a paragraph break, as the stock writer says.
            if y - last_y > last_size.max(size) * 2.5 {
                out.push('\n');
            }
        }
        let text: Vec<&str> = line.iter().map(|run| run.text.trim()).filter(|text| !text.is_empty()).collect();
        out.push_str(&text.join(" "));
        previous = Some((y, size));
    }
    out
}
