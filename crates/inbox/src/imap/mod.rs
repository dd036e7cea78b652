//! The person's mailbox over IMAP, read-only: nothing is flagged, moved, deleted or sent.

mod connection;
mod mailbox;
mod settings;

pub use connection::{ConnectOptions, connect};
pub use mailbox::{FIRST_PART_BYTES, FetchOutcome, FetchedMessage, Mailbox, OpenedFolder};
pub use settings::{MailPreset, MailboxSettings, PRESETS, Security, is_loopback};
