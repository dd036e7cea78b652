//! Follow-up reminders: on an application's follow-up date, one OS notification.

use serde::Serialize;
use ts_rs::TS;

use crate::alerts::digests::NotificationSink;
use crate::{CoreError, Store, applying::applications, store::settings};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FollowUpReminder {
    pub application_id: i64,
    pub job_id: i64,
    pub title: String,
    pub company: String,
    pub follow_up_on: String,
}

impl FollowUpReminder {
    pub fn title(&self) -> String {
        format!("Follow up: {} at {}", self.title, self.company)
    }

    pub fn body(&self) -> String {
        format!("You planned to follow up on this application on {}.", self.follow_up_on)
    }
}

/// Shows every reminder due by `today` (local "YYYY-MM-DD") once. A reminder that cannot be shown
/// goes to `on_sink_error` and stays due; while notifications are off none is shown.
pub fn remind_due(
    store: &Store,
    sink: &dyn NotificationSink,
    today: &str,
    on_sink_error: &dyn Fn(&str),
) -> Result<u32, CoreError> {
    let (enabled, due) = store.read(|connection| {
        Ok((settings::notifications_enabled(connection)?, applications::due_follow_ups(connection, today)?))
    })?;
    if !enabled {
        return Ok(0);
    }
    let mut shown = 0;
    for application in due {
        let reminder = FollowUpReminder {
            application_id: application.id,
            job_id: application.job_id,
            title: application.title,
            company: application.company,
            follow_up_on: application.follow_up_on.unwrap_or_default(),
        };
        if let Err(why) = sink.remind(&reminder) {
            on_sink_error(&why);
            break;
        }
        store.write(|tx| applications::mark_reminded(tx, reminder.application_id))?;
        shown += 1;
    }
    Ok(shown)
}
