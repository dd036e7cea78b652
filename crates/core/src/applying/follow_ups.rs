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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{Arc, Mutex};

    use jobhound_sources::{SourceKind, parse};

    use super::{FollowUpReminder, remind_due};
    use crate::Jobhound;
    use crate::alerts::digests::{Digest, NotificationSink};
    use crate::applying::applications::{ApplicationStatus, ApplicationUpdate};
    use crate::ingest::write::ingest;
    use crate::store::secrets::MemorySecrets;

    const GREENHOUSE: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");

    fn open() -> (tempfile::TempDir, Jobhound) {
        let dir = tempfile::tempdir().unwrap();
        let app = Jobhound::open(dir.path()).unwrap().with_secrets(Arc::new(MemorySecrets::default()));
        let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
        app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-20T10:00:00Z")).unwrap();
        (dir, app)
    }

    fn job_id(app: &Jobhound, title: &str) -> i64 {
        app.store()
            .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?))
            .unwrap()
    }

    #[derive(Default)]
    struct Recorder(Mutex<Vec<String>>);

    impl NotificationSink for Recorder {
        fn show(&self, digest: &Digest) -> Result<(), String> {
            self.0.lock().unwrap().push(digest.title());
            Ok(())
        }

        fn remind(&self, reminder: &FollowUpReminder) -> Result<(), String> {
            self.0.lock().unwrap().push(format!("{} | {}", reminder.title(), reminder.body()));
            Ok(())
        }
    }

    #[test]
    fn a_follow_up_reminds_once_on_its_date_and_again_for_a_new_date() {
        let (_dir, app) = open();
        let job = job_id(&app, "Account Executive, Majors");
        let id = app.set_application_status(job, ApplicationStatus::Applied, false).unwrap().summary.id;
        let update = |date: &str| ApplicationUpdate { follow_up_on: Some(date.into()), ..Default::default() };
        app.update_application(id, &update("2026-12-01")).unwrap();
        let sink = Recorder::default();

        assert_eq!(
            remind_due(app.store(), &sink, "2026-11-30", &|why| panic!("{why}")).unwrap(),
            0,
            "not before its day"
        );
        assert_eq!(remind_due(app.store(), &sink, "2026-12-01", &|why| panic!("{why}")).unwrap(), 1);
        assert_eq!(remind_due(app.store(), &sink, "2026-12-02", &|why| panic!("{why}")).unwrap(), 0, "once");
        assert_eq!(
            sink.0.lock().unwrap().as_slice(),
            [
                "Follow up: Account Executive, Majors at Vercel | You planned to follow up on this application on 2026-12-01."
            ]
        );
        app.update_application(id, &update("2026-12-08")).unwrap();
        assert_eq!(
            remind_due(app.store(), &sink, "2026-12-08", &|why| panic!("{why}")).unwrap(),
            1,
            "a new date reminds again"
        );

        // Closed applications and turned-off notifications are not reminded.
        app.update_application(id, &update("2026-12-15")).unwrap();
        let mut settings = app.app_settings().unwrap();
        settings.notifications = false;
        app.set_app_settings(&settings).unwrap();
        assert_eq!(remind_due(app.store(), &sink, "2026-12-15", &|why| panic!("{why}")).unwrap(), 0);
        settings.notifications = true;
        app.set_app_settings(&settings).unwrap();
        app.set_application_status(job, ApplicationStatus::Rejected, false).unwrap();
        assert_eq!(remind_due(app.store(), &sink, "2026-12-15", &|why| panic!("{why}")).unwrap(), 0);
    }
}
