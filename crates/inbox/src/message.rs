//! One email as Jobhound keeps it: who sent it, the subject, date and ids that thread it, its text
//! (plain, or the HTML part's text), and a snippet of at most 500 characters. Attachments and the
//! rest of the body are never kept.

use mail_parser::{HeaderValue, MessageParser};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::InboxError;

/// The most of a message's text kept with a proposal.
pub const SNIPPET_CHARS: usize = 500;
/// The most of a message's text read for classification: replies put what matters first.
const MAX_TEXT_CHARS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailMessage {
    pub from_name: Option<String>,
    pub from_address: Option<String>,
    pub subject: String,
    /// RFC 3339, when the message says.
    pub date: Option<String>,
    pub message_id: Option<String>,
    /// In-Reply-To and References: the messages it answers.
    pub references: Vec<String>,
    /// The body as text, cut to what classification reads.
    pub text: String,
    pub snippet: String,
}

impl MailMessage {
    /// The sender's domain, lower-cased ("greenhouse-mail.io").
    pub fn from_domain(&self) -> Option<String> {
        self.from_address
            .as_deref()
            .and_then(|address| address.rsplit_once('@'))
            .map(|(_, domain)| domain.to_lowercase())
    }
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value.as_text_list() {
        Some(list) => list.iter().map(|id| id.to_string()).collect(),
        None => value.as_text().map(|id| vec![id.to_string()]).unwrap_or_default(),
    }
}

/// Reads a raw message (RFC 5322, as an `.eml` file or an IMAP `BODY[]`).
pub fn read_message(raw: &[u8]) -> Result<MailMessage, InboxError> {
    let message = MessageParser::default().parse(raw).ok_or(InboxError::NotAMessage)?;
    let from = message.from().and_then(|from| from.first());
    let subject = message.subject().unwrap_or_default().trim().to_string();
    let body = message.body_text(0).map(|text| text.into_owned()).unwrap_or_default();
    if subject.is_empty() && body.trim().is_empty() && from.is_none() {
        return Err(InboxError::NotAMessage);
    }
    let text: String = body.chars().take(MAX_TEXT_CHARS).collect();
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut references = ids(message.in_reply_to());
    references.extend(ids(message.references()));
    Ok(MailMessage {
        from_name: from.and_then(|from| from.name()).map(str::to_string),
        from_address: from.and_then(|from| from.address()).map(str::to_string),
        subject,
        date: message.date().map(|date| date.to_rfc3339()),
        message_id: message.message_id().map(str::to_string),
        references,
        snippet: squeezed.chars().take(SNIPPET_CHARS).collect(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_threads_and_a_quoted_printable_body_are_read() {
        let raw = "From: \"Acme Recruiting\" <no-reply@us.greenhouse-mail.io>\r\n\
            To: ada@example.com\r\n\
            Subject: =?UTF-8?Q?Your_application_to_Acme_=E2=80=93_Data_Engineer?=\r\n\
            Date: Tue, 01 Dec 2026 10:00:00 +0100\r\n\
            Message-ID: <abc@greenhouse>\r\n\
            In-Reply-To: <first@example.com>\r\n\
            MIME-Version: 1.0\r\n\
            Content-Type: text/plain; charset=utf-8\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            Thank you for applying to Acme=E2=80=99s Data Engineer role.\r\n";
        let message = read_message(raw.as_bytes()).unwrap();
        assert_eq!(message.from_name.as_deref(), Some("Acme Recruiting"));
        assert_eq!(message.from_domain().as_deref(), Some("us.greenhouse-mail.io"));
        assert_eq!(message.subject, "Your application to Acme – Data Engineer");
        assert_eq!(message.date.as_deref(), Some("2026-12-01T10:00:00+01:00"));
        assert_eq!(message.message_id.as_deref(), Some("abc@greenhouse"));
        assert_eq!(message.references, ["first@example.com"]);
        assert!(message.text.contains("Acme’s Data Engineer role"), "{}", message.text);
    }

    #[test]
    fn an_html_only_message_is_read_as_text_and_the_snippet_is_capped() {
        let long = "word ".repeat(400);
        let raw = format!(
            "From: jobs@acme.example\r\nSubject: Next steps\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
             <html><body><p>We would like to <b>invite you</b> to an interview.</p><p>{long}</p></body></html>"
        );
        let message = read_message(raw.as_bytes()).unwrap();
        assert!(message.text.contains("invite you"), "{}", message.text);
        assert!(!message.text.contains("<b>"));
        assert_eq!(message.snippet.chars().count(), SNIPPET_CHARS);
        assert!(read_message(b"").is_err());
    }
}
