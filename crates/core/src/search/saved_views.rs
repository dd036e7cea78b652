//! Named searches the person comes back to: a query with its filters and sort.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::search::jobs::JobQuery;
use crate::store::json_column;
use crate::{CoreError, time};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub query: JobQuery,
    pub created_at: String,
    pub updated_at: String,
}

pub fn list(connection: &Connection) -> Result<Vec<SavedView>, CoreError> {
    let mut statement = connection
        .prepare("SELECT id, name, query, created_at, updated_at FROM saved_views ORDER BY name COLLATE NOCASE")?;
    let views = statement
        .query_map([], |row| {
            Ok(SavedView {
                id: row.get(0)?,
                name: row.get(1)?,
                query: json_column(row, 2)?,
                created_at: row.get(3)?,
                updated_at: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(views)
}

/// Saves `query` under `name`, replacing the view of that name if there is one. Paging is not
/// part of a view.
pub fn save(tx: &Transaction<'_>, name: &str, query: &JobQuery) -> Result<SavedView, CoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::InvalidField { field: "name", message: "Give the view a name.".into() });
    }
    if name.chars().count() > 80 {
        return Err(CoreError::InvalidField { field: "name", message: "Keep the name under 80 characters.".into() });
    }
    if let Some(filters) = &query.filters {
        filters.validate()?;
    }
    let stored = JobQuery { limit: None, offset: None, ..query.clone() };
    let json = serde_json::to_string(&stored).map_err(|error| CoreError::Internal(error.to_string()))?;
    let now = time::now_rfc3339();
    tx.execute(
        "INSERT INTO saved_views (name, query, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at",
        params![name, json, now],
    )?;
    let id: i64 = tx.query_row("SELECT id FROM saved_views WHERE name = ?1", [name], |row| row.get(0))?;
    list(tx)?.into_iter().find(|view| view.id == id).ok_or_else(|| CoreError::NotFound(format!("saved view {id}")))
}

pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<(), CoreError> {
    if tx.execute("DELETE FROM saved_views WHERE id = ?1", [id])? == 0 {
        return Err(CoreError::NotFound(format!("saved view {id}")));
    }
    Ok(())
}
