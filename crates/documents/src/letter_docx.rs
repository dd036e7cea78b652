//! A cover letter written as a Word document.

use docx_rs::{BreakType, Docx, Paragraph, Run, RunFonts};

use crate::{DocumentError, LetterLayout};

/// A Word document with one paragraph per blank-line-separated block of the letter; single line
/// breaks inside a block (an address, a sign-off) stay line breaks.
pub fn render_docx(letter: LetterLayout<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut document = Docx::new();
    for block in letter.body.trim().split("\n\n").filter(|block| !block.trim().is_empty()) {
        let mut run = Run::new().fonts(RunFonts::new().ascii("Georgia").hi_ansi("Georgia")).size(22);
        for (index, line) in block.lines().enumerate() {
            if index > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line.trim_end());
        }
        document = document.add_paragraph(Paragraph::new().add_run(run));
    }
    pack(document, letter.title)
}

/// The document's bytes, titled `title` in its properties.
pub(crate) fn pack(document: Docx, title: &str) -> Result<Vec<u8>, DocumentError> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    document
        .custom_property("title", title)
        .build()
        .pack(&mut bytes)
        .map_err(|error| DocumentError::Render { format: "DOCX", detail: error.to_string() })?;
    Ok(bytes.into_inner())
}
