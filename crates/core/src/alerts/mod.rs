//! Telling the user about new top matches: digests (OS notifications, the tray) and webhooks.

pub(crate) mod digests;
pub(crate) mod webhook;

pub use digests::{Digest, NotificationSink};
