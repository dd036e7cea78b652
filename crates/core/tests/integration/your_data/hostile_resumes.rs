//! A resume crafted to crash its reader is read in a child process: the import is refused with a
//! clear message, nothing is stored, and this process (the app, here) carries on.

use jobhound_documents::crafted::{page_tree_its_own_parent, self_drawing_form};

use super::{count, setup};

#[test]
fn a_resume_that_would_crash_the_reader_is_refused_and_nothing_is_stored() {
    let s = setup();
    let resumes = count(&s.app, "SELECT COUNT(*) FROM documents WHERE kind = 'resume'");
    let files = std::fs::read_dir(s.dir.path().join("data/documents")).unwrap().count();
    for (name, bytes) in [("loop.pdf", self_drawing_form()), ("tree.pdf", page_tree_its_own_parent())] {
        let path = s.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let error = s.app.import_resume(&path, None).unwrap_err();
        assert_eq!(error.code(), "corrupt_file", "{name}: {error}");
        assert!(error.to_string().contains("could not be read"), "{error}");
    }
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM documents WHERE kind = 'resume'"), resumes);
    assert_eq!(std::fs::read_dir(s.dir.path().join("data/documents")).unwrap().count(), files);
    // Still working after the refusals.
    s.app.list_jobs(&Default::default()).unwrap();
}
