#![allow(clippy::expect_used, clippy::unwrap_used)]
//! jobhound-inbox against a real IMAP server: a private Dovecot per test (see
//! `jobhound_inbox::test_server`), plain on loopback, or with TLS and a test certificate authority.

mod mailbox;
mod security;
