//! The recipes of careers pages read by one: each page's versions, the newest in use.

use jobhound_sources::recipe::Recipe;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::CoreError;

/// A page's recipe as stored: the recipe, its version (1 for the first), whether it replaced one
/// that stopped reading the page, and whether the person wrote it in the recipe editor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StoredRecipe {
    #[serde(flatten)]
    #[ts(flatten)]
    pub recipe: Recipe,
    pub version: u32,
    pub healed: bool,
    pub edited: bool,
    pub created_at: String,
}

/// Who wrote a recipe version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Derived by a fetch: the finder's or the model's, `healed` when it replaced a stale one.
    ByFetch { healed: bool },
    /// Written or corrected by the person in the recipe editor.
    ByPerson,
}

/// The recipe in use for watched source `source_id`, if it has one.
pub fn current(connection: &Connection, source_id: i64) -> Result<Option<StoredRecipe>, CoreError> {
    let row = connection
        .query_row(
            "SELECT recipe, version, healed, edited, created_at FROM source_recipes WHERE watched_source_id = ?1
             ORDER BY version DESC LIMIT 1",
            [source_id],
            |row| Ok((row.get::<_, String>(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
        )
        .optional()?;
    let Some((json, version, healed, edited, created_at)) = row else { return Ok(None) };
    // A stored recipe that no longer reads is treated as none: the next fetch derives one.
    Ok(Recipe::from_json(&json).ok().map(|recipe| StoredRecipe { recipe, version, healed, edited, created_at }))
}

/// Keeps `recipe` as the next version of the page's recipe; returns its version.
pub fn store(
    tx: &Transaction<'_>,
    source_id: i64,
    recipe: &Recipe,
    written: Written,
    now: &str,
) -> Result<u32, CoreError> {
    let (healed, edited) = match written {
        Written::ByFetch { healed } => (healed, false),
        Written::ByPerson => (false, true),
    };
    let version: u32 = tx.query_row(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM source_recipes WHERE watched_source_id = ?1",
        [source_id],
        |row| row.get(0),
    )?;
    tx.execute(
        "INSERT INTO source_recipes (watched_source_id, version, recipe, healed, edited, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![source_id, version, serde_json::to_string(recipe)?, healed, edited, now],
    )?;
    Ok(version)
}
