#![allow(clippy::expect_used, clippy::unwrap_used)]
//! The documents crate's integration tests, one binary: letters written and read back, and
//! hostile resumes read in a child process that is this very test binary in helper mode.

mod hostile_resumes;
mod letters;
mod resumes;

/// The reader's entry point when [`hostile_resumes`] starts this binary as one; nothing otherwise.
#[test]
fn extraction_helper() {
    jobhound_documents::crafted::serve_in_test();
}
