//! One fetched message made into what Jobhound keeps of it: read, matched to an application (or
//! dropped), classified by the rules (or, where they are unsure and the person allows it, by
//! their model), and the status change it proposes.

use std::collections::HashMap;

use chrono::Local;
use jobhound_inbox::imap::FetchedMessage;
use jobhound_inbox::{ApplicationRef, MailMessage, MailStatus, classify, match_message, mentioned_day, read_message};
use jobhound_llm::MailReading;

use crate::applying::applications::ApplicationStatus;
use crate::inbox::proposals::proposal;
use crate::inbox::records::{NewInboxMessage, Review};
use crate::inbox::settings::AUTO_APPLY_CONFIDENCE;

/// Below this the rules are unsure, and the model may be asked.
pub const UNSURE_BELOW: f64 = 0.75;
/// What a model's reading counts as: never sure enough to apply itself.
const MODEL_CONFIDENCE: f64 = 0.8;

pub struct Recognised {
    pub new: NewInboxMessage,
    /// The application's status when the message was read.
    pub current: ApplicationStatus,
    /// The message's text, for the model and the interview's day; never stored.
    pub text: String,
    sent: Option<String>,
}

impl Recognised {
    pub fn unsure(&self) -> bool {
        self.new.confidence < UNSURE_BELOW
    }

    /// Takes the model's reading when it names a known status and quotes the message.
    pub fn take_reading(&mut self, reading: &MailReading) {
        let Some(status) = MailStatus::parse(&reading.status) else { return };
        let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let quoted = !reading.evidence.is_empty()
            && squeeze(&format!("{}\n{}", self.new.subject, self.text)).contains(&squeeze(&reading.evidence));
        if !quoted && status != MailStatus::Other {
            return;
        }
        self.new.kind = status;
        self.new.confidence = MODEL_CONFIDENCE;
        self.new.evidence = reading.evidence.chars().take(300).collect();
        self.new.decided_by = "model";
    }

    /// With the proposal it makes and whether it waits for the person.
    pub fn proposed(mut self, auto_apply: bool) -> NewInboxMessage {
        let proposed_status = proposal(self.new.kind, self.current);
        self.new.review = match proposed_status {
            None => Review::Noted,
            Some(_) if auto_apply && self.new.confidence >= AUTO_APPLY_CONFIDENCE => Review::AppliedItself,
            Some(_) => Review::Pending,
        };
        self.new.proposed_status = proposed_status;
        self.new.interview_on = interview_day(&self.new.subject, &self.text, self.sent.as_deref(), self.new.kind);
        self.new
    }
}

/// The applications a message could be about, as the matcher reads them, with their statuses.
pub struct KnownApplications {
    refs: Vec<ApplicationRef>,
    statuses: HashMap<i64, ApplicationStatus>,
}

impl KnownApplications {
    pub fn new(applications: Vec<(ApplicationRef, ApplicationStatus)>) -> Self {
        let statuses = applications.iter().map(|(application, status)| (application.id, *status)).collect();
        Self { refs: applications.into_iter().map(|(application, _)| application).collect(), statuses }
    }
}

/// What Jobhound keeps of a message about one of the applications, or nothing.
pub fn recognise(
    fetched: &FetchedMessage,
    folder: &str,
    uid_validity: u32,
    known: &mut KnownApplications,
) -> Option<Recognised> {
    let message = read_message(&fetched.raw).ok()?;
    let found = match_message(&message, &known.refs)?;
    let current = *known.statuses.get(&found.application_id)?;
    let application = known.refs.iter_mut().find(|application| application.id == found.application_id)?;
    let message_id = message.message_id.clone().unwrap_or_else(|| format!("{folder}/{uid_validity}/{}", fetched.uid));
    // A later reply in this thread is about the same application.
    application.message_ids.push(message_id.clone());
    let classification = classify(&message);
    Some(Recognised {
        new: NewInboxMessage {
            application_id: application.id,
            message_id,
            folder: folder.to_string(),
            sender: sender(&message),
            subject: message.subject.clone(),
            sent_at: message.date.clone(),
            snippet: message.snippet.clone(),
            kind: classification.status,
            confidence: classification.confidence,
            evidence: classification.evidence,
            decided_by: "rules",
            matched_by: found.matched_by,
            interview_on: None,
            proposed_status: None,
            review: Review::Pending,
        },
        current,
        text: message.text,
        sent: message.date,
    })
}

fn sender(message: &MailMessage) -> String {
    match (&message.from_name, &message.from_address) {
        (Some(name), Some(address)) => format!("{name} <{address}>"),
        (None, Some(address)) => address.clone(),
        (Some(name), None) => name.clone(),
        (None, None) => String::new(),
    }
}

fn interview_day(subject: &str, text: &str, sent: Option<&str>, kind: MailStatus) -> Option<String> {
    if kind != MailStatus::Interview {
        return None;
    }
    let sent = sent
        .and_then(|date| chrono::DateTime::parse_from_rfc3339(date).ok())
        .map_or_else(|| Local::now().date_naive(), |date| date.date_naive());
    mentioned_day(&format!("{subject}\n{text}"), sent).map(|day| day.to_string())
}
