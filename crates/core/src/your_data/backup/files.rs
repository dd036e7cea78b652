//! The files of `documents/` carried inside a backup: gathered when one is written, put in place
//! (named by their digest, never over an existing file) before a restore swaps the database in.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{FILES_TABLE, io, write_new};
use crate::CoreError;
use crate::applying::resumes::{documents_dir, is_document_file_name};

/// The files of `documents/` by name. Only Jobhound's own (`<digest>.<ext>`) are carried, the
/// names a restore accepts; temporary `.part` files of an unfinished write and anything a person
/// put there by hand are left out.
pub(super) fn document_files(data_dir: &Path) -> Result<Vec<(String, PathBuf)>, CoreError> {
    let dir = documents_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(CoreError::Io { context: format!("cannot read {}", dir.display()), error }),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(format!("cannot read {}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_file() && is_document_file_name(&name) {
            files.push((name, entry.path()));
        } else if !name.starts_with('.') {
            tracing::warn!("{name} in documents/ is not one of Jobhound's files; it is not backed up");
        }
    }
    files.sort();
    Ok(files)
}

/// Writes the backup's documents that `documents/` lacks; returns the files it wrote, so a restore
/// that fails later removes them again. Each file's bytes were hashed against its name when the
/// backup was checked (this private copy does not change since); the name is checked again here,
/// where it becomes a path.
pub(super) fn put_in_place(incoming: &Path, data_dir: &Path) -> Result<Vec<PathBuf>, CoreError> {
    let dir = documents_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(io(format!("cannot create {}", dir.display())))?;
    let connection = Connection::open(incoming)?;
    crate::store::harden(&connection)?;
    let mut written = Vec::new();
    let result = (|| {
        let mut statement = connection.prepare(&format!("SELECT name, bytes FROM {FILES_TABLE}"))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(0)?;
            let bytes: Vec<u8> = row.get(1)?;
            if !is_document_file_name(&name) {
                return Err(CoreError::NotABackup(format!("the backup's file {name:?} is not a document")));
            }
            let target = dir.join(&name);
            if write_new(&target, &bytes)? {
                written.push(target);
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(written),
        Err(error) => {
            remove(&written);
            Err(error)
        }
    }
}

pub(super) fn remove(files: &[PathBuf]) {
    for file in files {
        let _ = std::fs::remove_file(file);
    }
}
