//! The person's side of the inbox: connecting a mailbox, and accepting, changing or dismissing
//! what a message proposes (a dismissal can be taken back).

use jobhound_inbox::imap::{Mailbox, MailboxSettings};

use crate::applying::applications::{self, ApplicationStatus};
use crate::inbox::records::{self, InboxMessage, Review};
use crate::inbox::settings::{self, InboxSettings, InboxSettingsView};
use crate::{CoreError, Jobhound, time};

impl Jobhound {
    pub fn inbox_settings(&self) -> Result<InboxSettingsView, CoreError> {
        self.store().read(|connection| settings::view(connection, self.secrets.as_ref()))
    }

    /// Saves where the mailbox is; with `password`, stores it in the keychain for that account.
    pub fn set_inbox_settings(
        &self,
        value: &InboxSettings,
        password: Option<&str>,
    ) -> Result<InboxSettingsView, CoreError> {
        settings::validate(value)?;
        if let Some(password) = password {
            settings::store_password(self.secrets.as_ref(), password, &value.mailbox)?;
        }
        self.store().write(|tx| settings::set(tx, value))?;
        self.inbox_settings()
    }

    /// Disconnects the mailbox: its password leaves the keychain and checks stop. The messages
    /// already matched stay with their applications.
    pub fn forget_inbox_password(&self) -> Result<InboxSettingsView, CoreError> {
        settings::delete_password(self.secrets.as_ref())?;
        self.inbox_settings()
    }

    /// Logs in with `mailbox` (and `password`, else the stored one for that account) and lists
    /// its folders, changing nothing.
    pub async fn test_inbox_connection(
        &self,
        mailbox: &MailboxSettings,
        password: Option<&str>,
    ) -> Result<Vec<String>, CoreError> {
        let password = match password.filter(|password| !password.is_empty()) {
            Some(password) => password.to_string(),
            None => settings::password_for(self.secrets.as_ref(), mailbox)?,
        };
        let mut connection = Mailbox::connect(mailbox, &password, self.inbox_connect_options()).await?;
        let folders = connection.folders().await;
        connection.logout().await;
        Ok(folders?)
    }

    /// Proposals waiting in "From your inbox", newest first.
    pub fn inbox_review(&self) -> Result<Vec<InboxMessage>, CoreError> {
        self.store().read(records::pending)
    }

    /// The messages matched to one application, oldest first.
    pub fn application_messages(&self, application_id: i64) -> Result<Vec<InboxMessage>, CoreError> {
        self.store().read(|connection| records::for_application(connection, application_id))
    }

    /// Moves the application as the message proposes (and to the interview's day, if it names one).
    pub fn accept_inbox_proposal(&self, id: i64) -> Result<InboxMessage, CoreError> {
        let message = self.pending_message(id)?;
        let status = message.proposed_status.ok_or_else(|| {
            CoreError::InvalidInput("this message proposes no change; choose a status instead".into())
        })?;
        self.move_application(&message, status)?;
        self.store().write(|tx| records::set_review(tx, id, Review::Accepted, None, &time::now_rfc3339()))?;
        self.store().read(|connection| records::get(connection, id))
    }

    /// Moves the application to another status than the one proposed.
    pub fn change_inbox_proposal(&self, id: i64, status: ApplicationStatus) -> Result<InboxMessage, CoreError> {
        let message = self.pending_message(id)?;
        self.move_application(&message, status)?;
        self.store().write(|tx| records::set_review(tx, id, Review::Changed, Some(status), &time::now_rfc3339()))?;
        self.store().read(|connection| records::get(connection, id))
    }

    /// Leaves the application as it is; the message stays in its timeline.
    pub fn dismiss_inbox_proposal(&self, id: i64) -> Result<InboxMessage, CoreError> {
        self.pending_message(id)?;
        self.store().write(|tx| records::set_review(tx, id, Review::Dismissed, None, &time::now_rfc3339()))?;
        self.store().read(|connection| records::get(connection, id))
    }

    /// Takes a dismissal back: the proposal waits for review again.
    pub fn reopen_inbox_proposal(&self, id: i64) -> Result<InboxMessage, CoreError> {
        let message = self.store().read(|connection| records::get(connection, id))?;
        if message.review != Review::Dismissed {
            return Err(CoreError::InvalidInput("only a dismissed proposal can be reviewed again".into()));
        }
        self.store().write(|tx| records::set_review(tx, id, Review::Pending, None, &time::now_rfc3339()))?;
        self.store().read(|connection| records::get(connection, id))
    }

    /// A proposal the person let apply itself.
    pub(crate) fn apply_proposal(&self, id: i64, status: ApplicationStatus) -> Result<(), CoreError> {
        let message = self.store().read(|connection| records::get(connection, id))?;
        self.move_application(&message, status)
    }

    fn pending_message(&self, id: i64) -> Result<InboxMessage, CoreError> {
        let message = self.store().read(|connection| records::get(connection, id))?;
        if message.review != Review::Pending {
            return Err(CoreError::InvalidInput("this proposal was already reviewed".into()));
        }
        Ok(message)
    }

    fn move_application(&self, message: &InboxMessage, status: ApplicationStatus) -> Result<(), CoreError> {
        // The message is the employer's word that the application went out; no "applied
        // recently" question for it.
        self.set_application_status(message.job_id, status, true)?;
        if let Some(day) = message.interview_on.as_deref().filter(|_| status == ApplicationStatus::Interviewing) {
            let application_id = message.application_id;
            self.store().write(|tx| applications::set_follow_up(tx, application_id, day, &time::now_rfc3339()))?;
        }
        Ok(())
    }
}

/// Whether the inbox is connected, enabled and not tried within `interval`. Asked on every tick:
/// the database answers first, and the keychain is asked only when a check would be due.
pub fn due(app: &Jobhound, now: chrono::DateTime<chrono::Utc>, interval: chrono::Duration) -> bool {
    let waiting = app.store().read(|connection| {
        let enabled = settings::get(connection)?.is_some_and(|settings| settings.enabled);
        let last = crate::store::settings::get(connection, settings::LAST_ATTEMPT_AT)?;
        Ok(enabled
            && last.as_deref().is_none_or(|last| {
                chrono::DateTime::parse_from_rfc3339(last)
                    .map_or(true, |last| now - last.with_timezone(&chrono::Utc) >= interval)
            }))
    });
    waiting.unwrap_or(false) && app.inbox_settings().is_ok_and(|view| view.password_set)
}
