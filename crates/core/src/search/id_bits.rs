//! Sets of job ids as bitset blobs (bit `id` of byte `id / 8`), built and read inside SQLite.
//!
//! A broad text search matches tens of thousands of jobs. `id_bits(rowid)` gathers them in the
//! full-text query itself, without a row per match crossing into Rust, and `id_in(bits, id)` lets
//! a list query test each job in constant time while it walks an index, instead of SQLite
//! building a temporary b-tree of every match.

use rusqlite::Connection;
use rusqlite::functions::{Aggregate, Context, FunctionFlags};

use crate::CoreError;

/// Ids above this are not gathered into a bitset (it would take more than 16 MB).
const MAX_BITSET_ID: i64 = 16 * 1024 * 1024 * 8;

pub fn register(connection: &Connection) -> Result<(), CoreError> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    connection.create_scalar_function("id_in", 2, flags, |context| {
        let id: i64 = context.get(1)?;
        let bits = context.get_raw(0).as_blob_or_null().ok().flatten().unwrap_or_default();
        Ok(usize::try_from(id).ok().and_then(|id| bits.get(id / 8)).is_some_and(|byte| byte & bit(id) != 0))
    })?;
    connection.create_aggregate_function("id_bits", 1, flags, IdBits)?;
    Ok(())
}

fn bit(id: i64) -> u8 {
    1 << id.rem_euclid(8)
}

struct IdBits;

/// The bits so far; `None` once an id falls outside what a bitset holds.
type Gathered = Option<Vec<u8>>;

impl Aggregate<Gathered, Option<Vec<u8>>> for IdBits {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Gathered> {
        Ok(Some(Vec::new()))
    }

    fn step(&self, context: &mut Context<'_>, gathered: &mut Gathered) -> rusqlite::Result<()> {
        let id: i64 = context.get(0)?;
        let Some(bits) = gathered else { return Ok(()) };
        match usize::try_from(id) {
            Ok(index) if id <= MAX_BITSET_ID => {
                let byte = index / 8;
                if bits.len() <= byte {
                    bits.resize(byte + 1, 0);
                }
                bits[byte] |= bit(id);
            }
            _ => *gathered = None,
        }
        Ok(())
    }

    /// NULL when an id did not fit; an empty blob when nothing matched.
    fn finalize(&self, _: &mut Context<'_>, gathered: Option<Gathered>) -> rusqlite::Result<Option<Vec<u8>>> {
        Ok(gathered.unwrap_or(Some(Vec::new())))
    }
}

/// The ids whose bits are set, in ascending order.
pub fn ids_of(bits: &[u8]) -> Vec<i64> {
    let mut ids = Vec::new();
    for (index, byte) in bits.iter().enumerate() {
        for offset in 0..8 {
            if byte & (1 << offset) != 0 {
                ids.push(i64::try_from(index * 8 + offset).unwrap_or(i64::MAX));
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connection() -> Connection {
        let connection = Connection::open_in_memory().unwrap();
        register(&connection).unwrap();
        connection
            .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (0), (7), (8), (1000);")
            .unwrap();
        connection
    }

    #[test]
    fn gathered_ids_read_back_and_test_membership() {
        let connection = connection();
        let bits: Vec<u8> = connection.query_row("SELECT id_bits(id) FROM t", [], |row| row.get(0)).unwrap();
        assert_eq!(ids_of(&bits), [0, 7, 8, 1000]);
        let mut statement = connection
            .prepare(
                "WITH RECURSIVE n(id) AS (SELECT 0 UNION ALL SELECT id + 1 FROM n WHERE id < 1100)
                 SELECT id FROM n WHERE id_in(?1, id)",
            )
            .unwrap();
        let found: Vec<i64> =
            statement.query_map([&bits], |row| row.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        assert_eq!(found, [0, 7, 8, 1000]);
        let outside: bool =
            connection.query_row("SELECT id_in(?1, 5000) OR id_in(?1, -3)", [&bits], |row| row.get(0)).unwrap();
        assert!(!outside);
    }

    #[test]
    fn nothing_matched_is_an_empty_set_and_a_huge_id_gives_up() {
        let connection = connection();
        let empty: Vec<u8> =
            connection.query_row("SELECT id_bits(id) FROM t WHERE id < 0", [], |row| row.get(0)).unwrap();
        assert!(empty.is_empty());
        connection.execute("INSERT INTO t VALUES (?1)", [MAX_BITSET_ID + 1]).unwrap();
        let huge: Option<Vec<u8>> = connection.query_row("SELECT id_bits(id) FROM t", [], |row| row.get(0)).unwrap();
        assert_eq!(huge, None);
    }
}
