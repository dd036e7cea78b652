//! Resumes, with no model: a resume's text read into sections, the keyword gap between a job and a resume (what the
//! posting asks for, and where the resume shows it), and the fabrication check of a tailored
//! resume against the original.

mod asks;
mod fabrication;
mod gap;
mod posting_lines;
mod sections;
mod tailoring;
mod vocabulary;

pub use fabrication::{Violation, ViolationKind, check_fabrication};
pub use gap::{GapTerm, KeywordGap, TermKind, TermStatus, employer_gap, keyword_gap};
pub use posting_lines::{PostingLine, posting_lines};
pub use sections::{OtherSection, ResumeEntry, ResumeSections, read_sections};
pub use tailoring::{TailoringRefusal, read_tailored};
