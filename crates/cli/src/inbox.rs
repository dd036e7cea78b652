//! `jobhound-cli inbox`: replies from employers, from one `.eml` file or the person's mailbox.

use std::io::Read;
use std::path::Path;

use jobhound_core::Jobhound;
use jobhound_core::applying::ApplicationStatus;
use jobhound_core::inbox::settings::{InboxSettings, PASSWORD_ENV};
use jobhound_inbox::imap::{MailboxSettings, Security};
use jobhound_inbox::{classify as classify_message, read_message};
use serde_json::json;

use crate::InboxCommand;
use crate::commands::{Failure, runtime};
use crate::output::{json_line, line};

/// `{"status", "confidence", "evidence"}` for one `.eml` file.
pub fn classify(file: &Path, json: bool) -> Result<(), Failure> {
    let raw =
        std::fs::read(file).map_err(|error| Failure::input(format!("cannot read {}: {error}", file.display())))?;
    let message = read_message(&raw).map_err(|error| Failure::input(format!("{}: {error}", file.display())))?;
    let read = classify_message(&message);
    if json {
        return json_line(&json!({"status": read.status, "confidence": read.confidence, "evidence": read.evidence}));
    }
    line(&format!("{} ({:.0}% sure): {}", read.status.as_str(), read.confidence * 100.0, read.evidence))
}

pub fn run(app: &Jobhound, command: InboxCommand, json: bool) -> Result<(), Failure> {
    match command {
        InboxCommand::Classify { file } => classify(&file, json),
        InboxCommand::Set { host, port, user, security, folders, since, auto_apply, ask_model } => {
            let security = match security.to_ascii_lowercase().as_str() {
                "tls" => Security::Tls,
                "starttls" | "start_tls" => Security::StartTls,
                "plain" => Security::Plain,
                other => {
                    return Err(Failure::input(format!("unknown --security \"{other}\": use tls, starttls or plain")));
                }
            };
            let mailbox = MailboxSettings { host, port, user, security, folders };
            let password = password()?;
            let found = runtime()?.block_on(app.test_inbox_connection(&mailbox, Some(&password)))?;
            let settings = InboxSettings { mailbox, enabled: true, since, auto_apply, ask_model };
            app.set_inbox_settings(&settings, Some(&password))?;
            if json {
                return json_line(&json!({"folders": found}));
            }
            line(&format!("connected; the mailbox has {} folder(s): {}", found.len(), found.join(", ")))
        }
        InboxCommand::Check => {
            let report = runtime()?.block_on(app.check_inbox())?;
            if json {
                let proposals: Vec<_> = report
                    .proposals
                    .iter()
                    .map(|proposal| {
                        json!({
                            "application_id": proposal.application_id,
                            "status": proposal.status,
                            "confidence": proposal.confidence,
                            "subject": proposal.subject,
                        })
                    })
                    .collect();
                return json_line(&json!({
                    "messages_seen": report.messages_seen,
                    "matched": report.matched,
                    "proposals": proposals,
                    "folders": report.folders,
                }));
            }
            line(&format!(
                "{} message(s) read since {}, {} about your applications, {} proposal(s)",
                report.messages_seen,
                report.since,
                report.matched,
                report.proposals.len()
            ))?;
            for folder in report.folders.iter().filter(|folder| folder.error.is_some()) {
                line(&format!("{}: {}", folder.folder, folder.error.clone().unwrap_or_default()))?;
            }
            Ok(())
        }
        InboxCommand::Review => {
            let pending = app.inbox_review()?;
            if json {
                return json_line(&pending);
            }
            for message in pending {
                line(&format!(
                    "{}\t{} → {}\t{} ({})\t{}",
                    message.id,
                    message.kind.as_str(),
                    message.proposed_status.map(ApplicationStatus::as_str).unwrap_or("-"),
                    message.job_title,
                    message.company,
                    message.subject
                ))?;
            }
            Ok(())
        }
        InboxCommand::Accept { id, status } => {
            let reviewed = match status {
                Some(status) => app.change_inbox_proposal(id, ApplicationStatus::parse(&status)?)?,
                None => app.accept_inbox_proposal(id)?,
            };
            if json {
                json_line(&reviewed)
            } else {
                line(&format!("{}: {}", reviewed.company, reviewed.review.as_str()))
            }
        }
        InboxCommand::Dismiss { id } => {
            let reviewed = app.dismiss_inbox_proposal(id)?;
            if json { json_line(&reviewed) } else { line(&format!("{}: dismissed", reviewed.company)) }
        }
    }
}

/// The app password: from the environment, else the first line of standard input.
fn password() -> Result<String, Failure> {
    if let Ok(password) = std::env::var(PASSWORD_ENV)
        && !password.is_empty()
    {
        return Ok(password);
    }
    let mut input = String::new();
    std::io::stdin()
        .take(4096)
        .read_to_string(&mut input)
        .map_err(|error| Failure::input(format!("cannot read the password from standard input: {error}")))?;
    let password = input.lines().next().unwrap_or_default().to_string();
    if password.is_empty() {
        return Err(Failure::input(format!("no app password: set {PASSWORD_ENV} or give it on standard input")));
    }
    Ok(password)
}
