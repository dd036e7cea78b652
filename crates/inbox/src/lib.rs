//! Jobhound's inbox: email read from the person's own mailbox (MIME decoded), matched to the
//! application it is about, and classified as what it says of it: received, rejected,
//! interview, assessment, offer, or none of them. No database here: core gives the applications
//! and stores what it must.

mod classify;
mod dates;
mod error;
pub mod imap;
mod matching;
mod message;
#[cfg(feature = "test-server")]
pub mod test_server;

pub use classify::{Classification, MailStatus, classify};
pub use dates::mentioned_day;
pub use error::InboxError;
pub use matching::{ApplicationRef, MatchedBy, MessageMatch, match_message};
pub use message::{MailMessage, SNIPPET_CHARS, read_message};
