//! Telling the user about new top matches: digests (OS notifications, the tray) and webhooks.

pub(crate) mod digests;
pub(crate) mod webhook;

pub use digests::{Digest, NotificationSink};

/// Store-level functions, for the integration tests that drive delivery on a bare `Store`.
pub use webhook::{deliver_due, enqueue};
