//! Copies the write-ahead log back into the database on a thread of its own.
//!
//! SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
//! then waits for the copy and two fsyncs. During a long fetch or import this stalled the writer
//! for seconds at a time, so connections turn it off and commits instead wake this thread, which
//! checkpoints passively (never blocking the writer) while the next batch is prepared. Should the
//! log outgrow a hard limit anyway, the writer checkpoints inline as SQLite would have.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};

use rusqlite::Connection;

/// Log size that wakes the checkpointer.
const CHECKPOINT_AT_BYTES: u64 = 32 * 1024 * 1024;
/// Log size at which the writer stops relying on the thread and checkpoints itself.
const INLINE_AT_BYTES: u64 = 512 * 1024 * 1024;

pub struct Checkpointer {
    wal: PathBuf,
    wake: Option<SyncSender<()>>,
}

impl Checkpointer {
    /// Starts the thread for the database at `path`; `open` makes its connection.
    pub fn start(path: &Path, open: fn(&Path) -> Result<Connection, crate::CoreError>) -> Self {
        let (wake, woken) = sync_channel::<()>(1);
        let database = path.to_path_buf();
        let started =
            std::thread::Builder::new().name("jobhound-checkpoint".into()).spawn(move || run(&database, open, &woken));
        if let Err(error) = &started {
            tracing::warn!("cannot start the checkpoint thread, commits will checkpoint inline: {error}");
        }
        Self { wal: wal_path(path), wake: started.ok().map(|_| wake) }
    }

    /// Call after each commit on `connection`.
    pub fn committed(&self, connection: &Connection) {
        let size = std::fs::metadata(&self.wal).map_or(0, |metadata| metadata.len());
        if size < CHECKPOINT_AT_BYTES {
            return;
        }
        let woke = match &self.wake {
            Some(wake) => !matches!(wake.try_send(()), Err(TrySendError::Disconnected(()))),
            None => false,
        };
        if !woke || size >= INLINE_AT_BYTES {
            checkpoint(connection);
        }
    }
}

fn wal_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Ends when the store (holding the sender) is dropped.
fn run(database: &Path, open: fn(&Path) -> Result<Connection, crate::CoreError>, woken: &Receiver<()>) {
    let mut connection = None;
    while woken.recv().is_ok() {
        if connection.is_none() {
            connection = open(database)
                .map_err(|error| tracing::warn!("the checkpoint thread cannot open the database: {error}"))
                .ok();
        }
        if let Some(connection) = &connection {
            checkpoint(connection);
        }
    }
}

fn checkpoint(connection: &Connection) {
    if let Err(error) = connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
        tracing::warn!("checkpoint failed (the log stays and is copied later): {error}");
    }
}
