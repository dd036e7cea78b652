//! The recipes of careers pages read by one: each page's versions, the newest in use.

use jobhound_sources::recipe::Recipe;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::CoreError;

/// A page's recipe as stored: the recipe, its version (1 for the first), and whether it replaced
/// one that stopped reading the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StoredRecipe {
    #[serde(flatten)]
    #[ts(flatten)]
    pub recipe: Recipe,
    pub version: u32,
    pub healed: bool,
    pub created_at: String,
}

/// The recipe in use for watched source `source_id`, if it has one.
pub fn current(connection: &Connection, source_id: i64) -> Result<Option<StoredRecipe>, CoreError> {
    let row = connection
        .query_row(
            "SELECT recipe, version, healed, created_at FROM source_recipes WHERE watched_source_id = ?1
             ORDER BY version DESC LIMIT 1",
            [source_id],
            |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?, row.get::<_, bool>(2)?, row.get::<_, String>(3)?))
            },
        )
        .optional()?;
    let Some((json, version, healed, created_at)) = row else { return Ok(None) };
    // A stored recipe that no longer reads is treated as none: the next fetch derives one.
    Ok(Recipe::from_json(&json).ok().map(|recipe| StoredRecipe { recipe, version, healed, created_at }))
}

/// Keeps `recipe` as the next version of the page's recipe; returns its version.
pub fn store(tx: &Transaction<'_>, source_id: i64, recipe: &Recipe, healed: bool, now: &str) -> Result<u32, CoreError> {
    let version: u32 = tx.query_row(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM source_recipes WHERE watched_source_id = ?1",
        [source_id],
        |row| row.get(0),
    )?;
    tx.execute(
        "INSERT INTO source_recipes (watched_source_id, version, recipe, healed, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![source_id, version, serde_json::to_string(recipe)?, healed, now],
    )?;
    Ok(version)
}
