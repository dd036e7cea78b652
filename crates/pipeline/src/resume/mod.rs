//! Resumes against postings: the keyword gap between a job and a resume (what the posting asks
//! for, and where the resume shows it), with no model.

mod asks;
mod gap;
mod posting_lines;

pub use gap::{GapTerm, KeywordGap, TermKind, TermStatus, keyword_gap};
pub use posting_lines::{PostingLine, posting_lines};
