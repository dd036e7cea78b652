//! The documents crate's one error type: refusals a person can act on, and rendering failures.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DocumentError {
    #[error("the file is {size_mb:.1} MB; resumes over {limit_mb} MB are not imported")]
    TooLarge { size_mb: f64, limit_mb: u64 },
    #[error("{0}")]
    Unsupported(String),
    #[error("the {format} file could not be read ({detail}); it may be damaged")]
    Corrupt { format: &'static str, detail: String },
    #[error(
        "the PDF has no text to read; it is probably a scanned image. Export it again as a text PDF or run it through OCR first"
    )]
    NoText,
    /// The child process that reads resumes could not be started or talked to.
    #[error("the resume reader could not run: {0}")]
    Reader(String),
    #[error("could not write the {format}: {detail}")]
    Render { format: &'static str, detail: String },
}
