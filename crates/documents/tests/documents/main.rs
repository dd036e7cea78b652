//! The documents crate's integration tests, one binary: letters written and read back, and
//! hostile resumes read in a child process that is this very test binary in helper mode.

mod hostile_resumes;
mod letters;

/// The helper entry point: started by [`hostile_resumes`] as `<this binary> --exact
/// extraction_helper` with `JOBHOUND_EXTRACT_HELPER=1`, it reads one file and exits. Run
/// normally it does nothing.
#[test]
fn extraction_helper() {
    if std::env::var_os("JOBHOUND_EXTRACT_HELPER").is_some() {
        jobhound_documents::serve_and_exit();
    }
}
