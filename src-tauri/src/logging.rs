//! The app's log: to stderr (a terminal start) and to a file in the OS's log folder, since an app
//! started from the Dock, the Start menu or a desktop entry has no terminal. The file rotates at
//! start-up once it passes 2 MB, keeping three old ones.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::MakeWriterExt;

const FILE: &str = "jobhound.log";
const ROTATE_AT: u64 = 2 * 1024 * 1024;
const KEEP: usize = 3;

/// Starts logging (level from `JOBHOUND_LOG`, default info) and returns the log file's path, or
/// none when no file could be opened (logging then goes to stderr only).
pub fn start() -> Option<PathBuf> {
    let filter = || EnvFilter::try_from_env("JOBHOUND_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let file = jobhound_core::store::log_dir().and_then(|dir| open(&dir).map(|file| (dir.join(FILE), file)));
    match file {
        Some((path, file)) => {
            let writer = std::io::stderr.and(Mutex::new(file));
            tracing_subscriber::fmt().with_env_filter(filter()).with_writer(writer).with_ansi(false).init();
            Some(path)
        }
        None => {
            tracing_subscriber::fmt().with_env_filter(filter()).init();
            None
        }
    }
}

fn open(dir: &Path) -> Option<File> {
    fs::create_dir_all(dir).ok()?;
    let path = dir.join(FILE);
    if fs::metadata(&path).is_ok_and(|meta| meta.len() > ROTATE_AT) {
        rotate(dir);
    }
    OpenOptions::new().create(true).append(true).open(path).ok()
}

/// jobhound.log → jobhound.log.1 → … → jobhound.log.3, the oldest dropped.
fn rotate(dir: &Path) {
    let numbered = |n: usize| dir.join(format!("{FILE}.{n}"));
    let _ = fs::remove_file(numbered(KEEP));
    for n in (1..KEEP).rev() {
        let _ = fs::rename(numbered(n), numbered(n + 1));
    }
    let _ = fs::rename(dir.join(FILE), numbered(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_log_rotates_keeping_three_old_ones() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
        let read = |name: &str| fs::read_to_string(dir.path().join(name)).ok();
        write(FILE, &"x".repeat(ROTATE_AT as usize + 1));
        write("jobhound.log.1", "one");
        write("jobhound.log.2", "two");
        write("jobhound.log.3", "three");
        assert!(open(dir.path()).is_some());
        assert_eq!(read(FILE).as_deref(), Some(""), "a fresh file after rotating");
        assert_eq!(read("jobhound.log.1").map(|text| text.len()), Some(ROTATE_AT as usize + 1));
        assert_eq!(read("jobhound.log.2").as_deref(), Some("one"));
        assert_eq!(read("jobhound.log.3").as_deref(), Some("two"));
        assert!(read("jobhound.log.4").is_none(), "the oldest is dropped");

        write(FILE, "small");
        assert!(open(dir.path()).is_some());
        assert_eq!(read(FILE).as_deref(), Some("small"), "a small log is appended to, not rotated");
    }
}
