//! Where everything is kept: the SQLite file and its migrations, the data folder's paths, the
//! settings table and the OS keychain.

mod changes;
pub(crate) mod checkpointer;
pub(crate) mod database;
pub(crate) mod migrate;
pub(crate) mod paths;
pub(crate) mod secrets;
pub(crate) mod settings;
pub(crate) mod updates;

pub use changes::ChangeWatcher;
pub use database::Store;
pub(crate) use database::{harden, identifier, json_column, open_private};
pub use migrate::{MigrationReport, latest_version};
pub(crate) use migrate::{recorded_checksum as migrate_checksum, run_private as migrate_private};
pub use paths::{database_path, log_dir, resolve_data_dir};
pub use secrets::{KeyStatus, Keychain, MemorySecrets, SecretStore};
pub use settings::AppSettings;
pub use updates::{AvailableUpdate, UpdateStatus};
