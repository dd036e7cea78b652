//! A search's words matched once against the full-text index. The list queries then test each
//! job against that set: a few ids are looked up directly, many are handed over as a bitset that
//! `id_in()` reads while SQLite walks a list index, so neither the count nor the page runs the
//! full-text query again or builds a temporary b-tree of every match.

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::CoreError;

/// Ids above this are not worth a bitset (it would take more than 16 MB); such a set is passed
/// as a list instead.
const MAX_BITSET_ID: i64 = 16 * 1024 * 1024 * 8;

pub(crate) struct TextMatches {
    /// Jobs whose text matches; `None` when the query runs the words itself.
    pub count: Option<usize>,
    /// True when the set is large enough that walking a list index beats sorting the matches.
    pub many: bool,
    /// The condition on `j`, reading the set from parameter `?1`.
    pub condition: &'static str,
    /// The value for `?1`.
    pub value: Value,
}

impl TextMatches {
    /// The words as a condition SQLite evaluates itself, for queries that read every match.
    pub fn in_query(expression: String) -> Self {
        Self {
            count: None,
            many: false,
            condition: "j.id IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?1)",
            value: Value::Text(expression),
        }
    }
}

/// The jobs matching the FTS5 `expression`; `few` is how many are still cheap to sort.
pub(crate) fn text_matches(connection: &Connection, expression: &str, few: usize) -> Result<TextMatches, CoreError> {
    let mut statement = connection.prepare_cached("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?1")?;
    let ids = statement.query_map([expression], |row| row.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?;
    let count = ids.len();
    let largest = ids.iter().copied().max().unwrap_or(0);
    if count > few && largest <= MAX_BITSET_ID && ids.iter().all(|id| *id >= 0) {
        let mut bits = vec![0u8; usize::try_from(largest / 8 + 1).unwrap_or(0)];
        for id in ids {
            let id = usize::try_from(id).unwrap_or(0);
            bits[id / 8] |= 1 << (id % 8);
        }
        return Ok(TextMatches {
            count: Some(count),
            many: true,
            condition: "id_in(?1, j.id)",
            value: Value::Blob(bits),
        });
    }
    Ok(TextMatches {
        count: Some(count),
        many: count > few,
        condition: "j.id IN (SELECT value FROM json_each(?1))",
        value: Value::Text(serde_json::to_string(&ids)?),
    })
}
