//! Files the person dropped on the window, as the shell saw the drop. The import command takes a
//! path only if it is one of these (or comes from a dialog in Rust), so script running in the
//! webview cannot name an arbitrary file on disk for Jobhound to read.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tauri::{DragDropEvent, Manager, Window, WindowEvent};

use crate::state::AppState;

/// More than anyone drops at once; older drops are forgotten first.
const REMEMBERED: usize = 64;

#[derive(Default)]
pub struct DroppedFiles(Mutex<Vec<PathBuf>>);

impl DroppedFiles {
    fn remember(&self, paths: &[PathBuf]) {
        if let Ok(mut dropped) = self.0.lock() {
            dropped.extend(paths.iter().cloned());
            let excess = dropped.len().saturating_sub(REMEMBERED);
            dropped.drain(..excess);
        }
    }

    /// Whether `path` was dropped (each drop is used once). The window hears of a drop at about
    /// the moment the shell does, so a path not seen yet is waited for briefly.
    pub async fn take(&self, path: &Path) -> bool {
        let deadline = Instant::now() + Duration::from_millis(500);
        loop {
            if self.take_now(path) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn take_now(&self, path: &Path) -> bool {
        let Ok(mut dropped) = self.0.lock() else { return false };
        match dropped.iter().position(|known| known == path) {
            Some(index) => {
                dropped.remove(index);
                true
            }
            None => false,
        }
    }
}

pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        window.state::<AppState>().dropped.remember(paths);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dropped_paths_are_taken_and_each_once() {
        let dropped = DroppedFiles::default();
        dropped.remember(&[PathBuf::from("/home/u/cv.pdf")]);
        assert!(!dropped.take_now(Path::new("/home/u/.ssh/id_ed25519")));
        assert!(dropped.take_now(Path::new("/home/u/cv.pdf")));
        assert!(!dropped.take_now(Path::new("/home/u/cv.pdf")), "a drop is used once");
        dropped.remember(&(0..100).map(|n| PathBuf::from(format!("/f{n}"))).collect::<Vec<_>>());
        assert!(!dropped.take_now(Path::new("/f0")) && dropped.take_now(Path::new("/f99")), "only the latest are kept");
    }
}
