//! Jobhound's inbox: email read from the person's own mailbox (MIME decoded), and each message
//! classified as what it says about an application: received, rejected, interview, assessment,
//! offer, or none of them. No database and no network here: core matches messages to applications
//! and stores what it must; the mailbox is read elsewhere.

mod classify;
mod error;
mod message;

pub use classify::{Classification, MailStatus, classify};
pub use error::InboxError;
pub use message::{MailMessage, SNIPPET_CHARS, read_message};
