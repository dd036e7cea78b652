//! Reading a real mailbox: folders, UIDs by date, fetching without flagging, big messages,
//! folders that vanish, renumbered folders and connections cut mid-fetch.

use chrono::NaiveDate;
use jobhound_inbox::imap::{ConnectOptions, Mailbox, MailboxSettings, Security};
use jobhound_inbox::test_server::{CuttingProxy, PASSWORD, ServerOptions, TestMailServer, USER};
use jobhound_inbox::{InboxError, read_message};

pub fn settings(port: u16) -> MailboxSettings {
    MailboxSettings { host: "127.0.0.1".into(), port, user: USER.into(), security: Security::Plain, folders: vec![] }
}

pub fn message(id: u32, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Acme Recruiting <no-reply@acme.example>\nTo: ada@example.com\nSubject: {subject}\nDate: Tue, 01 Dec 2026 10:00:00 +0000\nMessage-ID: <m{id}@acme.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
    )
    .into_bytes()
}

fn since() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
}

fn maildir_flags(server_home: &std::path::Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in walk(server_home) {
        let name = entry.file_name().unwrap().to_string_lossy().to_string();
        if let Some((_, flags)) = name.split_once(":2,") {
            names.push(flags.to_string());
        }
    }
    names
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}

#[tokio::test]
async fn folders_are_listed_and_messages_fetched_without_being_marked_read() {
    let mut server = TestMailServer::start(ServerOptions::default()).unwrap();
    server.create_folder("Jobs").unwrap();
    server.deliver("INBOX", &message(1, "Thanks for applying", "We received your application.")).unwrap();
    server.deliver("INBOX", &message(2, "Your application", "Unfortunately we will not move forward.")).unwrap();
    server.deliver("Jobs", &message(3, "Interview", "We would like to invite you to an interview.")).unwrap();

    let mut mailbox = Mailbox::connect(&settings(server.port()), PASSWORD, ConnectOptions::default()).await.unwrap();
    assert_eq!(mailbox.folders().await.unwrap(), vec!["INBOX".to_string(), "Jobs".to_string()]);
    let inbox = mailbox.open("INBOX").await.unwrap();
    assert_eq!(inbox.exists, 2);
    let uids = mailbox.uids_since(since(), 0).await.unwrap();
    assert_eq!(uids, vec![1, 2]);
    let fetched = mailbox.fetch(&uids).await;
    assert!(fetched.interrupted.is_none(), "{:?}", fetched.interrupted);
    let subjects: Vec<String> =
        fetched.messages.iter().map(|message| read_message(&message.raw).unwrap().subject).collect();
    assert_eq!(subjects, vec!["Thanks for applying", "Your application"]);
    assert!(read_message(&fetched.messages[1].raw).unwrap().text.contains("Unfortunately"));
    // Only UIDs above the last one seen come back (UID 2:* would otherwise answer with UID 2).
    assert_eq!(mailbox.uids_since(since(), 2).await.unwrap(), Vec::<u32>::new());
    // Messages that arrived before the start date are not read.
    assert_eq!(mailbox.uids_since(NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(), 0).await.unwrap(), Vec::<u32>::new());
    mailbox.open("Jobs").await.unwrap();
    assert_eq!(mailbox.uids_since(since(), 0).await.unwrap(), vec![1]);
    mailbox.logout().await;

    let flags = maildir_flags(&server.maildir_root());
    assert!(!flags.is_empty());
    assert!(flags.iter().all(|flags| !flags.contains('S')), "a message was marked read: {flags:?}");
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_a_clear_error() {
    let server = TestMailServer::start(ServerOptions::default()).unwrap();
    let refused = Mailbox::connect(&settings(server.port()), "not-it", ConnectOptions::default()).await.err().unwrap();
    assert!(matches!(refused, InboxError::LoginRefused(_)), "{refused}");
    assert!(refused.to_string().contains("refused the user name or app password"), "{refused}");
}

#[tokio::test]
async fn a_big_message_is_read_from_its_header_and_first_part_only() {
    let mut server = TestMailServer::start(ServerOptions::default()).unwrap();
    let mut lines = String::new();
    let chunk: String = "QUJD".repeat(19);
    while lines.len() < 20 * 1024 * 1024 {
        lines.push_str(&chunk);
        lines.push('\n');
    }
    let raw = format!(
        "From: Acme Recruiting <no-reply@acme.example>\nSubject: Offer letter\nDate: Tue, 01 Dec 2026 10:00:00 +0000\nMessage-ID: <big@acme.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XYZ\"\n\n--XYZ\nContent-Type: text/plain; charset=utf-8\n\nWe are delighted to offer you the position. The signed offer letter is attached.\n--XYZ\nContent-Type: application/pdf; name=offer.pdf\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=offer.pdf\n\n{lines}--XYZ\nContent-Type: image/png; name=logo.png\nContent-Transfer-Encoding: base64\n\nQUJD\n--XYZ--\n"
    );
    server.deliver("INBOX", raw.as_bytes()).unwrap();

    let mut mailbox = Mailbox::connect(&settings(server.port()), PASSWORD, ConnectOptions::default()).await.unwrap();
    mailbox.open("INBOX").await.unwrap();
    let uids = mailbox.uids_since(since(), 0).await.unwrap();
    let fetched = mailbox.fetch(&uids).await;
    assert!(fetched.interrupted.is_none());
    let big = &fetched.messages[0];
    assert!(big.size > 20 * 1024 * 1024, "the server's size: {}", big.size);
    assert!(big.raw.len() < 4 * 1024, "fetched {} bytes of a {}-byte message", big.raw.len(), big.size);
    let read = read_message(&big.raw).unwrap();
    assert_eq!(read.subject, "Offer letter");
    assert!(read.text.contains("delighted to offer you"), "{}", read.text);
}

#[tokio::test]
async fn a_folder_that_disappears_is_named_in_the_error() {
    let server = TestMailServer::start(ServerOptions::default()).unwrap();
    server.create_folder("Jobs").unwrap();
    let mut mailbox = Mailbox::connect(&settings(server.port()), PASSWORD, ConnectOptions::default()).await.unwrap();
    assert!(mailbox.folders().await.unwrap().contains(&"Jobs".to_string()));
    server.remove_folder("Jobs").unwrap();
    let missing = mailbox.open("Jobs").await.unwrap_err();
    assert!(matches!(&missing, InboxError::FolderMissing(name) if name == "Jobs"), "{missing}");
    // The connection is still good for the other folders.
    mailbox.open("INBOX").await.unwrap();
}

#[tokio::test]
async fn a_renumbered_folder_has_a_new_uid_validity() {
    let mut server = TestMailServer::start(ServerOptions::default()).unwrap();
    server.deliver("INBOX", &message(1, "Thanks for applying", "Received.")).unwrap();
    let mut mailbox = Mailbox::connect(&settings(server.port()), PASSWORD, ConnectOptions::default()).await.unwrap();
    let before = mailbox.open("INBOX").await.unwrap();
    mailbox.logout().await;
    server.renumber("INBOX", before.uid_validity + 7).unwrap();
    let mut mailbox = Mailbox::connect(&settings(server.port()), PASSWORD, ConnectOptions::default()).await.unwrap();
    let after = mailbox.open("INBOX").await.unwrap();
    assert_eq!(after.uid_validity, before.uid_validity + 7, "{}", server.log());
    assert_eq!(mailbox.uids_since(since(), 0).await.unwrap(), vec![1]);
}

#[tokio::test]
async fn a_connection_cut_mid_fetch_keeps_what_arrived() {
    let mut server = TestMailServer::start(ServerOptions::default()).unwrap();
    for id in 1..=6 {
        let body = format!("Message {id}. {}", "We received your application. ".repeat(60));
        server.deliver("INBOX", &message(id, &format!("Application {id}"), &body)).unwrap();
    }
    // Enough bytes for the greeting, login, EXAMINE, SEARCH and about three messages.
    let proxy = CuttingProxy::start(server.port(), 7_000).await.unwrap();
    let mut mailbox = Mailbox::connect(&settings(proxy.port), PASSWORD, ConnectOptions::default()).await.unwrap();
    mailbox.open("INBOX").await.unwrap();
    let uids = mailbox.uids_since(since(), 0).await.unwrap();
    assert_eq!(uids.len(), 6);
    let fetched = mailbox.fetch(&uids).await;
    let error = fetched.interrupted.expect("the proxy cut the connection");
    assert!(matches!(error, InboxError::ConnectionLost(_)), "{error}");
    assert!(!fetched.messages.is_empty() && fetched.messages.len() < 6, "{} messages arrived", fetched.messages.len());
    assert_eq!(fetched.messages[0].uid, 1);
}
