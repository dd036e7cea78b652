//! Noticing that the database changed, whoever changed it: this process, the command line, or the
//! browser's save host. SQLite's `data_version` moves on a connection whenever another connection
//! commits, so one connection kept only for asking is enough, and asking costs no I/O.

use rusqlite::Connection;

use crate::CoreError;

pub struct ChangeWatcher {
    connection: Connection,
    last: i64,
}

fn data_version(connection: &Connection) -> Result<i64, CoreError> {
    Ok(connection.query_row("PRAGMA data_version", [], |row| row.get(0))?)
}

impl ChangeWatcher {
    pub(crate) fn new(connection: Connection) -> Result<Self, CoreError> {
        let last = data_version(&connection)?;
        Ok(Self { connection, last })
    }

    /// Whether anything was committed since the last time this was asked.
    pub fn changed(&mut self) -> Result<bool, CoreError> {
        let now = data_version(&self.connection)?;
        let changed = now != self.last;
        self.last = now;
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_commit_by_this_store_or_another_process_is_noticed_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobhound.db");
        let store = Store::open(&path).unwrap();
        let mut watcher = store.watch_changes().unwrap();
        assert!(!watcher.changed().unwrap());
        store.write(|tx| crate::store::settings::set(tx, "test.key", "1")).unwrap();
        assert!(watcher.changed().unwrap());
        assert!(!watcher.changed().unwrap(), "noticed once");
        // Another process is another connection on the same file.
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute("UPDATE settings SET value = '2' WHERE key = 'test.key'", []).unwrap();
        assert!(watcher.changed().unwrap());
    }
}
