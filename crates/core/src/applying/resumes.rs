//! Documents on disk: resumes the person imports and letters Jobhound exports, each stored once
//! in the data dir under its SHA-256, with its text in the `documents` table.

use std::io::Write;
use std::path::{Path, PathBuf};

use jobhound_documents::DocumentFormat;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResumeSummary {
    pub id: i64,
    pub name: String,
    pub file_name: String,
    pub format: String,
    pub sha256: String,
    pub size_bytes: i64,
    /// Characters of extracted text.
    pub chars: i64,
    /// Campaigns ranking with this resume.
    pub campaigns: Vec<String>,
    pub created_at: String,
}

/// What importing a file did: the resume, and whether the same file was already there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResumeImport {
    pub resume: ResumeSummary,
    pub already_imported: bool,
}

pub fn documents_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("documents")
}

/// The file of a stored document. Its name is built only from a SHA-256 digest and a known
/// extension: the row may come from a restored backup, and a `sha256` of `/home/u/thesis` would
/// otherwise name a file anywhere on disk (an absolute path replaces the whole join).
pub fn file_path(data_dir: &Path, sha256: &str, format: &str) -> Result<PathBuf, CoreError> {
    if !is_document_name(sha256, format) {
        return Err(CoreError::InvalidInput(format!(
            "a stored document is named {:?}.{:?}, which is not a Jobhound file name; no file was touched",
            sha256.chars().take(80).collect::<String>(),
            format.chars().take(16).collect::<String>(),
        )));
    }
    Ok(documents_dir(data_dir).join(format!("{sha256}.{format}")))
}

/// A lower-case hex SHA-256 digest and one of the extensions Jobhound writes.
pub fn is_document_name(sha256: &str, format: &str) -> bool {
    sha256.len() == 64
        && sha256.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
        && DocumentFormat::parse(format).is_some_and(|known| known.extension() == format)
}

/// A file name under `documents/` as a backup carries it: `<digest>.<extension>`, nothing else.
pub fn is_document_file_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(sha256, format)| is_document_name(sha256, format))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Reads a file the person chose, refusing it before reading when it is too big.
pub fn read_candidate(path: &Path) -> Result<Vec<u8>, CoreError> {
    let io = |error: std::io::Error| CoreError::Io { context: format!("cannot read {}", path.display()), error };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(CoreError::InvalidInput(format!("{} is not a file", path.display())));
    }
    jobhound_documents::check_resume_size(metadata.len())?;
    std::fs::read(path).map_err(io)
}

/// Writes `bytes` under its hash unless that file is already there; returns whether it wrote.
pub fn write_content_addressed(data_dir: &Path, sha256: &str, format: &str, bytes: &[u8]) -> Result<bool, CoreError> {
    let target = file_path(data_dir, sha256, format)?;
    if target.exists() {
        return Ok(false);
    }
    let dir = documents_dir(data_dir);
    std::fs::create_dir_all(&dir)
        .map_err(|error| CoreError::Io { context: format!("cannot create {}", dir.display()), error })?;
    write_atomically(&target, bytes)?;
    Ok(true)
}

/// Written to a temporary name first and renamed, so a crash or a full disk never leaves a half
/// file under the real name (nor replaces an earlier good one).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let io = |error: std::io::Error| CoreError::Io { context: format!("cannot save {}", path.display()), error };
    let file_name = path.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.part"));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        io(error)
    })
}

/// A file's row in `documents`.
pub(crate) struct NewDocument<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub file_name: &'a str,
    pub format: DocumentFormat,
    pub sha256: &'a str,
    pub size_bytes: usize,
    pub text: &'a str,
}

/// Stores the row unless the same file of that kind is there; returns its id and whether it is new.
pub(crate) fn insert_document(
    tx: &Transaction<'_>,
    document: &NewDocument<'_>,
    now: &str,
) -> Result<(i64, bool), CoreError> {
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM documents WHERE kind = ?1 AND sha256 = ?2",
            params![document.kind, document.sha256],
            |row| row.get(0),
        )
        .optional()?
    {
        return Ok((id, false));
    }
    tx.execute(
        "INSERT INTO documents (kind, name, file_name, format, sha256, size_bytes, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            document.kind,
            document.name,
            document.file_name,
            document.format.extension(),
            document.sha256,
            document.size_bytes as i64,
            document.text,
            now
        ],
    )?;
    Ok((tx.last_insert_rowid(), true))
}

const COLUMNS: &str = "d.id, d.name, d.file_name, d.format, d.sha256, d.size_bytes, length(d.text), d.created_at,
     (SELECT group_concat(c.name, char(31)) FROM campaigns c WHERE c.resume_id = d.id)";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ResumeSummary> {
    let campaigns: Option<String> = row.get(8)?;
    Ok(ResumeSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        file_name: row.get(2)?,
        format: row.get(3)?,
        sha256: row.get(4)?,
        size_bytes: row.get(5)?,
        chars: row.get(6)?,
        created_at: row.get(7)?,
        campaigns: campaigns.map(|names| names.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default(),
    })
}

pub fn list(connection: &Connection) -> Result<Vec<ResumeSummary>, CoreError> {
    let mut statement = connection.prepare(&format!(
        "SELECT {COLUMNS} FROM documents d WHERE d.kind = 'resume' ORDER BY d.created_at DESC, d.id DESC"
    ))?;
    let rows = statement.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn get(connection: &Connection, id: i64) -> Result<ResumeSummary, CoreError> {
    connection
        .query_row(&format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1 AND d.kind = 'resume'"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("resume {id}")))
}

pub fn text(connection: &Connection, id: i64) -> Result<String, CoreError> {
    connection
        .query_row("SELECT text FROM documents WHERE id = ?1 AND kind = 'resume'", [id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("resume {id}")))
}

pub fn rename(tx: &Transaction<'_>, id: i64, name: &str) -> Result<(), CoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::InvalidField { field: "name", message: "A resume needs a name.".into() });
    }
    if tx.execute("UPDATE documents SET name = ?2 WHERE id = ?1 AND kind = 'resume'", params![id, name])? == 0 {
        return Err(CoreError::NotFound(format!("resume {id}")));
    }
    Ok(())
}

/// Deletes the resume's row; campaigns that ranked with it lose its text. Returns the file to
/// remove once the transaction committed, and the campaigns to rank again.
pub fn delete(tx: &Transaction<'_>, data_dir: &Path, id: i64) -> Result<(PathBuf, Vec<i64>), CoreError> {
    let (sha256, format): (String, String) = tx
        .query_row("SELECT sha256, format FROM documents WHERE id = ?1 AND kind = 'resume'", [id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("resume {id}")))?;
    let file = file_path(data_dir, &sha256, &format)?;
    let mut statement = tx.prepare("SELECT id FROM campaigns WHERE resume_id = ?1")?;
    let campaigns = statement.query_map([id], |row| row.get(0))?.collect::<Result<Vec<i64>, _>>()?;
    tx.execute("UPDATE campaigns SET resume_text = '', resume_id = NULL WHERE resume_id = ?1", [id])?;
    tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    Ok((file, campaigns))
}
