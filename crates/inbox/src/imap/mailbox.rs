//! The mailbox read without changing it: folders listed, each opened with EXAMINE (read-only),
//! messages found by date and UID, and fetched with BODY.PEEK (no \Seen flag set) as the header
//! and the start of the first part only: an attachment is never downloaded.

use async_imap::imap_proto::{MessageSection, SectionPath};
use async_imap::types::NameAttribute;
use chrono::NaiveDate;
use futures_util::StreamExt;

use crate::InboxError;
use crate::imap::connection::{ConnectOptions, ImapFailure, ImapSession, connect, within};
use crate::imap::settings::MailboxSettings;

/// The most of a message's first part fetched: the reply's words come first, and a first part
/// of megabytes is a pasted attachment.
pub const FIRST_PART_BYTES: u32 = 64 * 1024;

const FETCH_QUERY: &str = "(UID RFC822.SIZE BODY.PEEK[HEADER] BODY.PEEK[1.MIME] BODY.PEEK[1]<0.65536>)";

/// A folder as EXAMINE opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenedFolder {
    /// When it changes, every UID the folder had before means nothing.
    pub uid_validity: u32,
    pub uid_next: Option<u32>,
    pub exists: u32,
}

/// One message as fetched: enough of it to read who wrote, what about and the first words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedMessage {
    pub uid: u32,
    /// The whole message's size on the server.
    pub size: u32,
    /// The header, then the first part (cut at [`FIRST_PART_BYTES`]), as one message.
    pub raw: Vec<u8>,
}

/// What a fetch got before it ended: every message it read, and what stopped it early.
#[derive(Debug)]
pub struct FetchOutcome {
    pub messages: Vec<FetchedMessage>,
    pub interrupted: Option<InboxError>,
}

pub struct Mailbox {
    session: ImapSession,
    options: ConnectOptions,
}

impl Mailbox {
    pub async fn connect(
        settings: &MailboxSettings,
        password: &str,
        options: ConnectOptions,
    ) -> Result<Self, InboxError> {
        let session = connect(settings, password, &options).await?;
        Ok(Self { session, options })
    }

    /// Every folder that can be opened, as the server names them.
    pub async fn folders(&mut self) -> Result<Vec<String>, InboxError> {
        let options = self.options.clone();
        let names = within(&options, "listing folders", async {
            let stream = self.session.list(Some(""), Some("*")).await?;
            stream.collect::<Vec<_>>().await.into_iter().collect::<Result<Vec<_>, _>>()
        })
        .await?;
        let mut folders: Vec<String> = names
            .iter()
            .filter(|name| !name.attributes().iter().any(|attribute| matches!(attribute, NameAttribute::NoSelect)))
            .map(|name| name.name().to_string())
            .collect();
        // INBOX first, then as a person reads a list.
        folders.sort_by_key(|folder| (!folder.eq_ignore_ascii_case("INBOX"), folder.to_lowercase()));
        Ok(folders)
    }

    /// Opens a folder read-only.
    pub async fn open(&mut self, folder: &str) -> Result<OpenedFolder, InboxError> {
        let options = self.options.clone();
        let opened = match tokio::time::timeout(options.timeout, self.session.examine(folder)).await {
            Err(_) => return Err(InboxError::Timeout("opening a folder")),
            Ok(Err(async_imap::error::Error::No(_))) => return Err(InboxError::FolderMissing(folder.to_string())),
            Ok(Err(error)) => return Err(ImapFailure::from(error).while_doing("opening a folder")),
            Ok(Ok(mailbox)) => mailbox,
        };
        let uid_validity = opened.uid_validity.ok_or_else(|| InboxError::Protocol {
            doing: "opening a folder",
            detail: format!("the server gave no UIDVALIDITY for \"{folder}\""),
        })?;
        Ok(OpenedFolder { uid_validity, uid_next: opened.uid_next, exists: opened.exists })
    }

    /// UIDs in the open folder above `after_uid` that arrived on or after `since`, in order.
    pub async fn uids_since(&mut self, since: NaiveDate, after_uid: u32) -> Result<Vec<u32>, InboxError> {
        let options = self.options.clone();
        // SINCE compares the server's arrival date; UID n:* always answers with the last message
        // even when its UID is below n, hence the filter.
        let query = format!("UID {}:* SINCE {}", after_uid.saturating_add(1), since.format("%-d-%b-%Y"));
        let found = within(&options, "searching the folder", self.session.uid_search(query)).await?;
        let mut uids: Vec<u32> = found.into_iter().filter(|uid| *uid > after_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Fetches the given UIDs of the open folder, keeping what arrived when the connection fails.
    pub async fn fetch(&mut self, uids: &[u32]) -> FetchOutcome {
        let mut messages = Vec::new();
        if uids.is_empty() {
            return FetchOutcome { messages, interrupted: None };
        }
        let set = uids.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let options = self.options.clone();
        let mut stream = match within(&options, "fetching messages", self.session.uid_fetch(set, FETCH_QUERY)).await {
            Ok(stream) => stream,
            Err(error) => return FetchOutcome { messages, interrupted: Some(error) },
        };
        loop {
            match tokio::time::timeout(options.timeout, stream.next()).await {
                Err(_) => {
                    return FetchOutcome { messages, interrupted: Some(InboxError::Timeout("fetching messages")) };
                }
                Ok(None) => break,
                Ok(Some(Err(error))) => {
                    let error = ImapFailure::from(error).while_doing("fetching messages");
                    return FetchOutcome { messages, interrupted: Some(error) };
                }
                Ok(Some(Ok(fetch))) => {
                    let Some(uid) = fetch.uid else { continue };
                    let Some(header) = fetch.header() else { continue };
                    let part_mime = fetch.section(&SectionPath::Part(vec![1], Some(MessageSection::Mime)));
                    let first_part = fetch.section(&SectionPath::Part(vec![1], None)).unwrap_or_default();
                    messages.push(FetchedMessage {
                        uid,
                        size: fetch.size.unwrap_or_default(),
                        raw: assemble(header, part_mime, first_part),
                    });
                }
            }
        }
        FetchOutcome { messages, interrupted: None }
    }

    /// Says goodbye; a server that is already gone is no error here.
    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(self.options.timeout, self.session.logout()).await;
    }
}

/// One readable message from the header and the first part: the header's own Content-* fields
/// describe the whole (a multipart), so the first part's take their place.
fn assemble(header: &[u8], part_mime: Option<&[u8]>, first_part: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(header.len() + first_part.len() + 256);
    match part_mime {
        Some(part_mime) => {
            for field in fields(header).filter(|field| !is_content_field(field)) {
                raw.extend_from_slice(field);
            }
            for field in fields(part_mime).filter(|field| is_content_field(field)) {
                raw.extend_from_slice(field);
            }
        }
        None => raw.extend(fields(header).flat_map(|field| field.iter().copied())),
    }
    raw.extend_from_slice(b"\r\n");
    raw.extend_from_slice(first_part);
    raw
}

/// A header's fields, each with its folded continuation lines and line end.
fn fields(header: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = header;
    std::iter::from_fn(move || {
        if rest.is_empty() || rest.starts_with(b"\r\n") || rest.starts_with(b"\n") {
            return None;
        }
        let mut end = 0;
        loop {
            match rest[end..].iter().position(|byte| *byte == b'\n') {
                None => {
                    end = rest.len();
                    break;
                }
                Some(newline) => {
                    end += newline + 1;
                    if !matches!(rest.get(end), Some(b' ' | b'\t')) {
                        break;
                    }
                }
            }
        }
        let (field, remainder) = rest.split_at(end);
        rest = remainder;
        Some(field)
    })
}

fn is_content_field(field: &[u8]) -> bool {
    field.len() >= 8 && field[..8].eq_ignore_ascii_case(b"content-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_message;

    #[test]
    fn a_multiparts_first_part_is_read_with_its_own_content_type() {
        let header = b"From: Acme <jobs@acme.example>\r\nSubject: Your application\r\nContent-Type: multipart/mixed;\r\n boundary=\"b1\"\r\nMIME-Version: 1.0\r\n\r\n";
        let part_mime =
            b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        let first_part = b"We regret to inform you =E0 la fin\r\n";
        let raw = assemble(header, Some(part_mime), first_part);
        let text = String::from_utf8_lossy(&raw);
        assert!(!text.contains("multipart"), "{text}");
        assert!(text.contains("MIME-Version"), "{text}");
        let message = read_message(&raw).unwrap();
        assert_eq!(message.subject, "Your application");
        assert!(message.text.contains("regret to inform you à la fin"), "{}", message.text);
    }

    #[test]
    fn folded_fields_stay_whole() {
        let header = b"Subject: a\r\n b\r\nX: y\r\n\r\n";
        let split: Vec<&[u8]> = fields(header).collect();
        assert_eq!(split, vec![&b"Subject: a\r\n b\r\n"[..], &b"X: y\r\n"[..]]);
    }
}
