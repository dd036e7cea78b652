//! PDF or DOCX, judged by a file's bytes rather than its name.

use crate::DocumentError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    Pdf,
    Docx,
}

impl DocumentFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    pub fn parse(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    /// The format from the bytes themselves: a renamed file is judged by what it is, and the
    /// name only helps to explain a refusal.
    pub fn sniff(bytes: &[u8], file_name: &str) -> Result<Self, DocumentError> {
        // The PDF header may follow a little junk; readers accept it within the first 1 KiB.
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|window| window == b"%PDF-") {
            return Ok(Self::Pdf);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return Ok(Self::Docx);
        }
        let extension = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
        let message = match extension.as_str() {
            "pdf" | "docx" => {
                format!("the file is named .{extension} but is not a {extension} file inside; it may be damaged")
            }
            "doc" => "old Word .doc files cannot be read; save it as DOCX or PDF and import that".to_string(),
            "" => "only PDF and DOCX resumes can be imported".to_string(),
            other => format!("only PDF and DOCX resumes can be imported, not .{other}"),
        };
        Err(DocumentError::Unsupported(message))
    }
}
