//! Where the mailbox is and how to reach it, and the providers people use most, with where each
//! makes the app password IMAP needs.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::InboxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Security {
    /// TLS from the first byte (port 993).
    Tls,
    /// A plain connection upgraded with STARTTLS before anything is sent (port 143).
    StartTls,
    /// No encryption: only to this machine (a test server or a local bridge).
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailboxSettings {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub security: Security,
    /// The folders watched, as the server names them; INBOX when empty.
    pub folders: Vec<String>,
}

impl MailboxSettings {
    pub fn validate(&self) -> Result<(), InboxError> {
        let host = self.host.trim();
        if host.is_empty() || host.contains(char::is_whitespace) || host.contains('/') {
            return Err(InboxError::InvalidSettings {
                field: "host",
                message: format!("\"{host}\" is not a mail server name, e.g. imap.gmail.com"),
            });
        }
        if self.port == 0 {
            return Err(InboxError::InvalidSettings {
                field: "port",
                message: "The port goes from 1 to 65535.".into(),
            });
        }
        if self.user.trim().is_empty() {
            return Err(InboxError::InvalidSettings {
                field: "user",
                message: "The user name is needed (usually the full email address).".into(),
            });
        }
        if self.security == Security::Plain && !is_loopback(host) {
            return Err(InboxError::InvalidSettings {
                field: "security",
                message: format!(
                    "An unencrypted connection would send the password and every message in the clear; it is allowed only to this machine, not to {host}. Choose TLS or STARTTLS."
                ),
            });
        }
        if self.folders.iter().any(|folder| folder.trim().is_empty()) {
            return Err(InboxError::InvalidSettings { field: "folders", message: "A folder name is empty.".into() });
        }
        Ok(())
    }

    /// The folders to read: the chosen ones, or INBOX.
    pub fn watched_folders(&self) -> Vec<String> {
        if self.folders.is_empty() { vec!["INBOX".to_string()] } else { self.folders.clone() }
    }
}

pub fn is_loopback(host: &str) -> bool {
    let host = host.trim().trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|address| address.is_loopback())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MailPreset {
    pub id: &'static str,
    pub name: &'static str,
    pub host: &'static str,
    pub port: u16,
    pub security: Security,
    /// Where the provider makes the app password IMAP needs.
    pub app_password_url: &'static str,
    pub app_password_help: &'static str,
}

pub const PRESETS: &[MailPreset] = &[
    MailPreset {
        id: "gmail",
        name: "Gmail",
        host: "imap.gmail.com",
        port: 993,
        security: Security::Tls,
        app_password_url: "https://myaccount.google.com/apppasswords",
        app_password_help: "Turn on 2-Step Verification, then create an app password under Google Account → Security → App passwords. Labels appear as folders.",
    },
    MailPreset {
        id: "outlook",
        name: "Outlook / Office 365",
        host: "outlook.office365.com",
        port: 993,
        security: Security::Tls,
        app_password_url: "https://account.live.com/proofs/AppPassword",
        app_password_help: "Personal accounts: Microsoft account → Security → Advanced security options → App passwords. Work accounts need IMAP and app passwords allowed by the administrator.",
    },
    MailPreset {
        id: "icloud",
        name: "iCloud Mail",
        host: "imap.mail.me.com",
        port: 993,
        security: Security::Tls,
        app_password_url: "https://account.apple.com/account/manage",
        app_password_help: "Apple Account → Sign-In and Security → App-Specific Passwords. The user name is the part of your iCloud address before the @.",
    },
    MailPreset {
        id: "fastmail",
        name: "Fastmail",
        host: "imap.fastmail.com",
        port: 993,
        security: Security::Tls,
        app_password_url: "https://app.fastmail.com/settings/security/apps",
        app_password_help: "Settings → Privacy & Security → Manage app passwords and access; give it IMAP access.",
    },
    MailPreset {
        id: "yahoo",
        name: "Yahoo Mail",
        host: "imap.mail.yahoo.com",
        port: 993,
        security: Security::Tls,
        app_password_url: "https://login.yahoo.com/myaccount/security/app-password",
        app_password_help: "Account Info → Account security → Generate app password.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(host: &str, security: Security) -> MailboxSettings {
        MailboxSettings { host: host.into(), port: 143, user: "ada".into(), security, folders: vec![] }
    }

    #[test]
    fn plain_connections_go_only_to_this_machine() {
        assert!(settings("127.0.0.1", Security::Plain).validate().is_ok());
        assert!(settings("localhost", Security::Plain).validate().is_ok());
        assert!(settings("[::1]", Security::Plain).validate().is_ok());
        let refused = settings("imap.example.com", Security::Plain).validate().unwrap_err();
        assert!(matches!(refused, InboxError::InvalidSettings { field: "security", .. }), "{refused}");
        assert!(settings("192.168.1.5", Security::Plain).validate().is_err());
        assert!(settings("imap.example.com", Security::StartTls).validate().is_ok());
    }

    #[test]
    fn empty_fields_are_named() {
        let mut bad = settings("imap.example.com", Security::Tls);
        bad.user = " ".into();
        assert!(matches!(bad.validate(), Err(InboxError::InvalidSettings { field: "user", .. })));
        bad = settings("imap example.com", Security::Tls);
        assert!(matches!(bad.validate(), Err(InboxError::InvalidSettings { field: "host", .. })));
        assert_eq!(settings("h", Security::Tls).watched_folders(), vec!["INBOX".to_string()]);
    }

    #[test]
    fn every_preset_is_encrypted_and_says_where_to_make_the_password() {
        for preset in PRESETS {
            assert_eq!(preset.security, Security::Tls, "{}", preset.id);
            assert!(preset.app_password_url.starts_with("https://"), "{}", preset.id);
        }
    }
}
