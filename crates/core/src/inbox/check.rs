//! One look at the mailbox: each watched folder opened read-only, the messages that arrived since
//! the start day (and, after the first look, only UIDs not read before, unless the folder's
//! UIDVALIDITY changed), each matched to an application and classified, the matched ones kept
//! with their proposal. Progress is saved after every batch, so a check cut short resumes where it
//! stopped; two checks never run at once.

use std::sync::Arc;

use chrono::{Local, NaiveDate};
use jobhound_inbox::imap::{ConnectOptions, FetchedMessage, Mailbox};
use jobhound_inbox::{InboxError, MailStatus};
use jobhound_llm::prompts;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::blocking;
use crate::applying::applications::ApplicationStatus;
use crate::inbox::recognise::{KnownApplications, Recognised, recognise};
use crate::inbox::records::{self, NewInboxMessage, Review};
use crate::inbox::settings::{self, InboxSettings};
use crate::{CoreError, Jobhound, store, time};

/// Messages fetched per round trip; progress is saved after each batch.
const BATCH: usize = 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InboxProposal {
    pub message_id: i64,
    pub application_id: i64,
    pub status: ApplicationStatus,
    pub kind: MailStatus,
    pub confidence: f64,
    pub subject: String,
    /// Sure enough, and the person lets sure proposals apply themselves.
    pub applied_itself: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FolderCheck {
    pub folder: String,
    pub messages_seen: u32,
    /// Why the folder could not be read this time.
    pub error: Option<String>,
    /// Its UIDVALIDITY changed, so it was read again from the start day.
    pub renumbered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InboxCheckReport {
    pub messages_seen: u32,
    pub matched: u32,
    pub proposals: Vec<InboxProposal>,
    pub folders: Vec<FolderCheck>,
    /// The day reading started from.
    pub since: String,
}

/// What a check needs from the database before it connects.
struct Plan {
    settings: InboxSettings,
    applications: KnownApplications,
    since: NaiveDate,
}

impl Jobhound {
    /// Checks the mailbox now. Fails with `inbox_busy` while another check runs.
    pub async fn check_inbox(&self) -> Result<InboxCheckReport, CoreError> {
        let _checking = self.inbox_check.try_lock().map_err(|_| CoreError::InboxBusy)?;
        let store = Arc::clone(&self.store);
        blocking(move || store.write(|tx| store::settings::set(tx, settings::LAST_ATTEMPT_AT, &time::now_rfc3339())))
            .await?;
        let result = self.check_inbox_now().await;
        let error = result.as_ref().err().map(ToString::to_string).unwrap_or_default();
        let store = Arc::clone(&self.store);
        blocking(move || store.write(|tx| store::settings::set(tx, settings::LAST_ERROR, &error))).await?;
        result
    }

    async fn check_inbox_now(&self) -> Result<InboxCheckReport, CoreError> {
        let store = Arc::clone(&self.store);
        let plan = blocking(move || store.read(plan)).await?;
        let password = settings::password_for(self.secrets.as_ref(), &plan.settings.mailbox)?;
        let mut mailbox = Mailbox::connect(&plan.settings.mailbox, &password, self.inbox_connect_options()).await?;
        let mut report = InboxCheckReport {
            messages_seen: 0,
            matched: 0,
            proposals: Vec::new(),
            folders: Vec::new(),
            since: plan.since.to_string(),
        };
        let mut applications = plan.applications;
        let result = self.check_folders(&mut mailbox, &plan.settings, plan.since, &mut applications, &mut report).await;
        mailbox.logout().await;
        // A check cut short is not a check: "last checked" is the last one that read everything.
        result?;
        let store = Arc::clone(&self.store);
        blocking(move || store.write(|tx| store::settings::set(tx, settings::LAST_CHECKED_AT, &time::now_rfc3339())))
            .await?;
        for proposal in report.proposals.iter().filter(|proposal| proposal.applied_itself) {
            self.apply_proposal(proposal.message_id, proposal.status)?;
        }
        Ok(report)
    }

    async fn check_folders(
        &self,
        mailbox: &mut Mailbox,
        settings: &InboxSettings,
        since: NaiveDate,
        applications: &mut KnownApplications,
        report: &mut InboxCheckReport,
    ) -> Result<(), CoreError> {
        for folder in settings.mailbox.watched_folders() {
            let opened = match mailbox.open(&folder).await {
                Ok(opened) => opened,
                Err(error @ InboxError::FolderMissing(_)) => {
                    report.folders.push(FolderCheck {
                        folder,
                        messages_seen: 0,
                        error: Some(format!("{error}; choose the folders again under Settings → Inbox")),
                        renumbered: false,
                    });
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            let store = Arc::clone(&self.store);
            let name = folder.clone();
            let cursor = blocking(move || store.read(|connection| records::cursor(connection, &name))).await?;
            let (after, renumbered) = match cursor {
                Some((validity, last_uid)) if validity == opened.uid_validity => (last_uid, false),
                Some(_) => (0, true),
                None => (0, false),
            };
            let uids = mailbox.uids_since(since, after).await?;
            let mut checked = FolderCheck { folder: folder.clone(), messages_seen: 0, error: None, renumbered };
            let mut last_uid = after;
            if uids.is_empty() {
                self.keep_batch(&folder, opened.uid_validity, after, Vec::new(), settings, applications, report)
                    .await?;
            }
            for batch in uids.chunks(BATCH) {
                let fetched = mailbox.fetch(batch).await;
                checked.messages_seen += u32::try_from(fetched.messages.len()).unwrap_or(u32::MAX);
                last_uid = fetched.messages.iter().map(|message| message.uid).max().unwrap_or(last_uid).max(last_uid);
                self.keep_batch(
                    &folder,
                    opened.uid_validity,
                    last_uid,
                    fetched.messages,
                    settings,
                    applications,
                    report,
                )
                .await?;
                if let Some(error) = fetched.interrupted {
                    report.messages_seen += checked.messages_seen;
                    return Err(error.into());
                }
            }
            report.messages_seen += checked.messages_seen;
            report.folders.push(checked);
        }
        Ok(())
    }

    /// Matches, classifies and keeps one batch, and saves how far the folder was read, together.
    #[allow(clippy::too_many_arguments)]
    async fn keep_batch(
        &self,
        folder: &str,
        uid_validity: u32,
        last_uid: u32,
        fetched: Vec<FetchedMessage>,
        settings: &InboxSettings,
        applications: &mut KnownApplications,
        report: &mut InboxCheckReport,
    ) -> Result<(), CoreError> {
        let mut recognised: Vec<Recognised> =
            fetched.iter().filter_map(|message| recognise(message, folder, uid_validity, applications)).collect();
        if settings.ask_model && recognised.iter().any(Recognised::unsure) {
            self.ask_model_where_unsure(&mut recognised).await;
        }
        let kept: Vec<NewInboxMessage> =
            recognised.into_iter().map(|recognised| recognised.proposed(settings.auto_apply)).collect();
        let store = Arc::clone(&self.store);
        let folder = folder.to_string();
        let (proposals, matched) = blocking(move || {
            let now = time::now_rfc3339();
            store.write(|tx| {
                let mut proposals = Vec::new();
                let mut matched = 0;
                for new in &kept {
                    let Some(id) = records::insert(tx, new, &now)? else { continue };
                    matched += 1;
                    if let Some(status) = new.proposed_status {
                        proposals.push(InboxProposal {
                            message_id: id,
                            application_id: new.application_id,
                            status,
                            kind: new.kind,
                            confidence: new.confidence,
                            subject: new.subject.clone(),
                            applied_itself: new.review == Review::AppliedItself,
                        });
                    }
                }
                records::save_cursor(tx, &folder, uid_validity, last_uid, &now)?;
                Ok((proposals, matched))
            })
        })
        .await?;
        report.matched += matched;
        report.proposals.extend(proposals);
        Ok(())
    }

    /// The person's model reads what the rules were unsure of. A model that cannot be reached, or
    /// whose answer is not a known status quoting the message, leaves the rules' reading.
    async fn ask_model_where_unsure(&self, recognised: &mut [Recognised]) {
        let client = match self.llm_client() {
            Ok(client) => client,
            Err(error) => {
                tracing::info!("the inbox's unsure messages stay with the rules: {error}");
                return;
            }
        };
        for unsure in recognised.iter_mut().filter(|recognised| recognised.unsure()) {
            let prompt = prompts::mail_reply(&unsure.new.subject, &unsure.new.sender, &unsure.text);
            match client
                .complete(&prompt)
                .await
                .map_err(CoreError::from)
                .and_then(|answer| jobhound_llm::parse_mail_reading(&answer.text).map_err(CoreError::from))
            {
                Ok(reading) => unsure.take_reading(&reading),
                Err(error) => {
                    tracing::info!("the model could not read a message: {error}");
                    return;
                }
            }
        }
    }

    pub(crate) fn inbox_connect_options(&self) -> ConnectOptions {
        self.inbox_options.clone()
    }
}

fn plan(connection: &rusqlite::Connection) -> Result<Plan, CoreError> {
    let settings = settings::get(connection)?.ok_or_else(|| {
        CoreError::InboxNotConfigured("No mailbox is connected: set one up under Settings → Inbox.".into())
    })?;
    let since = match &settings.since {
        Some(since) => since.clone(),
        None => {
            records::oldest_open_application_day(connection)?.unwrap_or_else(|| Local::now().date_naive().to_string())
        }
    };
    let since = NaiveDate::parse_from_str(&since, "%Y-%m-%d").unwrap_or_else(|_| Local::now().date_naive());
    Ok(Plan { settings, applications: KnownApplications::new(records::application_refs(connection)?), since })
}
