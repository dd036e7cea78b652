//! TLS with the certificate checked: implicit TLS and STARTTLS to a Dovecot that requires TLS,
//! signed by a test certificate authority; refused when that authority is not trusted.

use jobhound_inbox::InboxError;
use jobhound_inbox::imap::{ConnectOptions, Mailbox, MailboxSettings, Security};
use jobhound_inbox::test_server::{PASSWORD, ServerOptions, TestMailServer, USER};

fn settings(port: u16, security: Security) -> MailboxSettings {
    MailboxSettings { host: "localhost".into(), port, user: USER.into(), security, folders: vec![] }
}

#[tokio::test]
async fn tls_and_starttls_connect_when_the_certificate_is_trusted_and_not_otherwise() {
    let server = TestMailServer::start(ServerOptions { tls: true }).unwrap();
    let trusted = ConnectOptions { extra_roots: vec![server.certificate_authority().unwrap()], ..Default::default() };
    let tls_port = server.tls_port().unwrap();

    let mut implicit = Mailbox::connect(&settings(tls_port, Security::Tls), PASSWORD, trusted.clone()).await.unwrap();
    assert_eq!(implicit.folders().await.unwrap(), vec!["INBOX".to_string()]);
    implicit.logout().await;
    let mut upgraded =
        Mailbox::connect(&settings(server.port(), Security::StartTls), PASSWORD, trusted.clone()).await.unwrap();
    upgraded.open("INBOX").await.unwrap();
    upgraded.logout().await;

    let untrusted = Mailbox::connect(&settings(tls_port, Security::Tls), PASSWORD, ConnectOptions::default()).await;
    let error = untrusted.err().unwrap();
    assert!(matches!(&error, InboxError::Tls { reason, .. } if reason.contains("certificate")), "{error}");
    let untrusted_upgrade =
        Mailbox::connect(&settings(server.port(), Security::StartTls), PASSWORD, ConnectOptions::default()).await;
    assert!(matches!(untrusted_upgrade.err().unwrap(), InboxError::Tls { .. }));
    // A certificate for another name is refused too, even from a trusted authority.
    let mut wrong_name = settings(tls_port, Security::Tls);
    wrong_name.host = "127.0.0.2".into();
    let error = Mailbox::connect(&wrong_name, PASSWORD, trusted).await.err().unwrap();
    assert!(matches!(&error, InboxError::Tls { .. } | InboxError::Connect { .. }), "{error}");
}
