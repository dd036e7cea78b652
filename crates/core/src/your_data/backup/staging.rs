//! The private database a restore builds before anything of the person's changes: Jobhound's own
//! schema at the backup's version, the backup's rows copied into it table by table, then upgraded
//! to this version, indexed and checked. Only data crosses over; the backup's schema objects,
//! which could be triggers or views of an attacker's, never do.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use super::check::refusal;
use super::{FILES_TABLE, FILES_TABLE_SQL};
use crate::applying::resumes::is_document_name;
use crate::store::{identifier, migrate_private, open_private};
use crate::{CoreError, applying::llm_settings, store::settings};

/// Set by a restore when the restored data sends to other hosts; cleared when the person confirms.
pub const DESTINATIONS_UNCONFIRMED: &str = "restore.destinations_unconfirmed";

pub(super) struct Staged {
    pub files: u32,
    pub destinations_to_confirm: bool,
}

pub(super) fn build(
    shown: &str,
    incoming: &Path,
    staging: &Path,
    backup_schema: i64,
    page_size: u32,
) -> Result<Staged, CoreError> {
    let mut connection = open_private(staging, page_size)?;
    migrate_private(&mut connection, Some(backup_schema))?;
    connection.execute("ATTACH DATABASE ?1 AS backup", [incoming.display().to_string()])?;
    schema_matches(shown, &connection)?;
    copy_rows(&mut connection)?;
    let files: u32 =
        connection.query_row(&format!("SELECT COUNT(*) FROM backup.{FILES_TABLE}"), [], |row| row.get(0))?;
    connection.execute_batch("DETACH DATABASE backup")?;

    migrate_private(&mut connection, None)?;
    document_rows(shown, &connection)?;
    rebuild_search(&connection)?;
    foreign_keys(shown, &connection)?;
    let integrity: String = connection.query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Err(refusal(shown, format!("its rows do not make a sound database ({integrity})")));
    }
    let destinations_to_confirm = mark_destinations(&mut connection)?;
    connection.close().map_err(|(_, error)| CoreError::Database(error))?;
    Ok(Staged { files, destinations_to_confirm })
}

/// A schema object's kind and its SQL, by name; SQLite's own objects left out.
fn objects(connection: &Connection, schema: &str) -> Result<HashMap<String, (String, Option<String>)>, CoreError> {
    let mut statement = connection.prepare(&format!(
        "SELECT name, type, sql FROM {schema}.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ))?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// FTS5's own tables: their text is FTS5's, not the migrations', and they are never read from a
/// backup (the index is rebuilt from the jobs).
fn is_index_shadow(name: &str) -> bool {
    name.starts_with("jobs_fts_")
}

/// Every object of the backup is one Jobhound's migrations make at its version, with the same
/// text, and none is missing: a trigger, view or altered table of anyone else's is refused.
fn schema_matches(shown: &str, connection: &Connection) -> Result<(), CoreError> {
    let ours = objects(connection, "main")?;
    let theirs = objects(connection, "backup")?;
    for (name, (kind, sql)) in &theirs {
        let shown_name: String = name.chars().take(60).collect();
        if name == FILES_TABLE {
            if kind != "table" || sql.as_deref() != Some(FILES_TABLE_SQL) {
                return Err(refusal(shown, format!("its {kind} {shown_name:?} is not the one Jobhound writes")));
            }
            continue;
        }
        match ours.get(name) {
            None => {
                return Err(refusal(shown, format!("it holds a {kind} {shown_name:?} that Jobhound does not make")));
            }
            Some((our_kind, our_sql)) => {
                if our_kind != kind || (!is_index_shadow(name) && our_sql != sql) {
                    return Err(refusal(shown, format!("its {kind} {shown_name:?} is not the one Jobhound makes")));
                }
            }
        }
    }
    if let Some((name, (kind, _))) = ours.iter().find(|(name, _)| !theirs.contains_key(*name)) {
        return Err(refusal(shown, format!("it lacks Jobhound's {kind} {name:?}")));
    }
    Ok(())
}

/// The columns a row is written with: stored ones only (a generated column is computed).
fn columns(connection: &Connection, table: &str) -> Result<String, CoreError> {
    let mut statement = connection.prepare("SELECT name FROM main.pragma_table_info(?1)")?;
    let names: Vec<String> = statement.query_map([table], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(names.iter().map(|name| identifier(name)).collect::<Vec<_>>().join(", "))
}

/// Copies the rows of each of Jobhound's tables, in one transaction with foreign keys checked
/// once at the end. The search index and its word list are rebuilt instead of copied.
fn copy_rows(connection: &mut Connection) -> Result<(), CoreError> {
    let tables: Vec<String> = connection
        .prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'jobs\\_fts%' ESCAPE '\\'
             AND name NOT IN ('schema_migrations', 'search_terms')",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let tx = connection.transaction()?;
    for table in tables {
        let columns = columns(&tx, &table)?;
        let table = identifier(&table);
        tx.execute(&format!("INSERT INTO main.{table} ({columns}) SELECT {columns} FROM backup.{table}"), [])?;
    }
    tx.commit()?;
    Ok(())
}

/// Document rows become file paths when a resume or letter is deleted: each must be named by a
/// digest and a known extension.
fn document_rows(shown: &str, connection: &Connection) -> Result<(), CoreError> {
    let mut statement = connection.prepare("SELECT id, sha256, format FROM documents")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (id, sha256, format): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        if !is_document_name(&sha256, &format) {
            return Err(refusal(shown, format!("its document {id} is not named by a digest and a known file type")));
        }
    }
    Ok(())
}

/// The index and its word list are built from the jobs themselves, as the migrations fill them.
fn rebuild_search(connection: &Connection) -> Result<(), CoreError> {
    connection.execute_batch(
        "INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild');
         DELETE FROM search_terms;
         CREATE VIRTUAL TABLE temp.jobs_fts_terms USING fts5vocab(main, jobs_fts, row);
         INSERT INTO search_terms (term) SELECT term FROM temp.jobs_fts_terms;
         DROP TABLE temp.jobs_fts_terms;",
    )?;
    Ok(())
}

fn foreign_keys(shown: &str, connection: &Connection) -> Result<(), CoreError> {
    let broken: Option<String> = connection
        .query_row("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1", [], |row| row.get(0))
        .map(Some)
        .or_else(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })?;
    match broken {
        Some(table) => Err(refusal(shown, format!("rows of its {table} table point at rows it does not have"))),
        None => Ok(()),
    }
}

/// Restored data that would send the person's resume, letters or key elsewhere (a writing
/// assistant's address other than the local default, a campaign's webhook) waits for the person
/// to see where before anything is sent.
fn mark_destinations(connection: &mut Connection) -> Result<bool, CoreError> {
    let tx = connection.transaction()?;
    let assistant = settings::get(&tx, llm_settings::BASE_URL)?
        .is_some_and(|url| url.trim_end_matches('/') != llm_settings::DEFAULT_BASE_URL);
    let webhooks: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM campaigns WHERE COALESCE(webhook_url, '') <> '')", [], |row| {
            row.get(0)
        })?;
    let unconfirmed = assistant || webhooks;
    if unconfirmed {
        settings::set(&tx, DESTINATIONS_UNCONFIRMED, "true")?;
    }
    // Leave for an AI assistant to change things is given on this machine, never by a file.
    settings::set(&tx, settings::ASSISTANT_MAY_WRITE, "false")?;
    tx.commit()?;
    Ok(unconfirmed)
}
