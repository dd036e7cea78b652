//! The inbox: the person's mailbox read over IMAP (read-only), replies to their applications
//! recognised and classified, and the status change each proposes, kept for review.

pub mod check;
pub mod proposals;
pub mod recognise;
pub mod records;
pub mod review;
pub mod settings;

pub use jobhound_inbox::imap::{MailPreset, MailboxSettings, PRESETS, Security};
pub use jobhound_inbox::{MailStatus, MatchedBy};
