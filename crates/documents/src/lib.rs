//! Documents the person brings (resumes as PDF or DOCX) and the ones Jobhound writes for them
//! (cover letters and tailored resumes as PDF or DOCX). Bytes in, bytes or text out: storage is core's business.

#[cfg(feature = "crafted")]
#[allow(clippy::expect_used)]
pub mod crafted;
mod error;
mod extract;
mod format;
mod isolated;
mod letter_docx;
mod letter_pdf;
mod pdf_layout;
mod resume_docx;
mod resume_layout;
mod resume_pdf;
mod text;

pub use error::DocumentError;
pub use extract::{MAX_RESUME_BYTES, check_resume_size, extract_text};
pub use format::DocumentFormat;
pub use isolated::{Extractor, HELPER_ARG, Limits, serve_and_exit, serve_if_helper};
pub use letter_docx::render_docx;
pub use letter_pdf::render_pdf;
pub use resume_docx::render_resume_docx;
pub use resume_layout::{ResumeBlock, ResumeLayout, ResumeStyle};
pub use resume_pdf::render_resume_pdf;

/// A cover letter ready to render: its text, one paragraph per blank-line-separated block.
#[derive(Debug, Clone, Copy)]
pub struct LetterLayout<'a> {
    /// Shown as the document's title in PDF readers and DOCX properties.
    pub title: &'a str,
    pub body: &'a str,
}
