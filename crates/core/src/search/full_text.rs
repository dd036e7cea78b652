//! A search's words matched once against the full-text index. The list queries then test each
//! job against that set: a few ids are looked up directly, many are handed over as a bitset that
//! `id_in()` reads while SQLite walks a list index, so neither the count nor the page runs the
//! full-text query again or builds a temporary b-tree of every match.

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::CoreError;
use crate::search::id_bits::ids_of;

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
    // The count is read off the bits: a count(*) beside them costs SQLite a step per match.
    let bits: Option<Vec<u8>> = connection
        .prepare_cached("SELECT id_bits(rowid) FROM jobs_fts WHERE jobs_fts MATCH ?1")?
        .query_row([expression], |row| row.get(0))?;
    let ids = match bits {
        Some(bits) => {
            let count = bits.iter().map(|byte| byte.count_ones() as usize).sum();
            if count > few {
                return Ok(TextMatches {
                    count: Some(count),
                    many: true,
                    condition: "id_in(?1, j.id)",
                    value: Value::Blob(bits),
                });
            }
            ids_of(&bits)
        }
        // Ids too large for a bitset: listed one by one (slow, but such ids never occur in use).
        None => connection
            .prepare_cached("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?1")?
            .query_map([expression], |row| row.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?,
    };
    let count = ids.len();
    Ok(TextMatches {
        count: Some(count),
        many: count > few,
        condition: "j.id IN (SELECT value FROM json_each(?1))",
        value: Value::Text(serde_json::to_string(&ids)?),
    })
}
