//! Application tracking as the app and the CLI call it.

use chrono::Utc;

use crate::applying::applications::{
    self, Actor, ApplicationDetail, ApplicationQuery, ApplicationStatus, ApplicationSummary, ApplicationUpdate,
    ContactInput,
};
use crate::campaigns::service::rank_all;
use crate::ranking::Feedback;
use crate::{CoreError, Jobhound, time};

impl Jobhound {
    pub fn list_applications(&self, query: &ApplicationQuery) -> Result<Vec<ApplicationSummary>, CoreError> {
        self.store().read(|connection| applications::list(connection, query))
    }

    pub fn application(&self, id: i64) -> Result<ApplicationDetail, CoreError> {
        self.store().read(|connection| applications::get(connection, id))
    }

    pub fn application_for_job(&self, job_id: i64) -> Result<Option<ApplicationDetail>, CoreError> {
        self.store().read(|connection| match applications::id_for_job(connection, job_id)? {
            Some(id) => applications::get(connection, id).map(Some),
            None => Ok(None),
        })
    }

    /// Applications sent in the last 60 days to the job's company for a similar title.
    pub fn recent_similar_applications(&self, job_id: i64) -> Result<Vec<ApplicationSummary>, CoreError> {
        self.store().read(|connection| applications::similar_recent(connection, job_id, Utc::now()))
    }

    /// Moves the job's application (creating it) to `status`. Marking a job applied while a
    /// similar application to the same company is recent fails with `recently_applied` unless
    /// `confirmed`. Applying and being rejected teach the campaigns that ranked the job.
    pub fn set_application_status(
        &self,
        job_id: i64,
        status: ApplicationStatus,
        confirmed: bool,
    ) -> Result<ApplicationDetail, CoreError> {
        self.set_application_status_by(job_id, status, confirmed, Actor::You)
    }

    /// [`Self::set_application_status`], saying who made the change in the timeline.
    pub fn set_application_status_by(
        &self,
        job_id: i64,
        status: ApplicationStatus,
        confirmed: bool,
        actor: Actor,
    ) -> Result<ApplicationDetail, CoreError> {
        if status == ApplicationStatus::Applied && !confirmed {
            let earlier = self.recent_similar_applications(job_id)?;
            if let Some(first) = earlier.first() {
                let when = first.applied_at.as_deref().unwrap_or_default().get(..10).unwrap_or_default().to_string();
                return Err(CoreError::RecentlyApplied(format!(
                    "You already applied to {} for \"{}\" on {when} ({} similar application{} in the last {} days). Apply anyway?",
                    first.company,
                    first.title,
                    earlier.len(),
                    if earlier.len() == 1 { "" } else { "s" },
                    applications::RECENT_DAYS
                )));
            }
        }
        let now = time::now_rfc3339();
        let feedback = match status {
            ApplicationStatus::Applied => Some(Feedback::Applied),
            ApplicationStatus::Rejected => Some(Feedback::Rejected),
            _ => None,
        };
        let (id, taught) = self.store().write(|tx| {
            let before = applications::set_status(tx, job_id, status, &now, actor)?;
            let mut taught = Vec::new();
            if let Some(feedback) = feedback.filter(|_| before != Some(status)) {
                let mut statement = tx.prepare(
                    "SELECT m.campaign_id FROM matches m WHERE m.job_id = ?1 AND m.filtered IS NULL ORDER BY m.campaign_id",
                )?;
                let campaigns = statement.query_map([job_id], |row| row.get(0))?.collect::<Result<Vec<i64>, _>>()?;
                drop(statement);
                for campaign_id in campaigns {
                    crate::campaigns::matches::record_feedback(tx, campaign_id, job_id, feedback, &now)?;
                    taught.push(campaign_id);
                }
            }
            Ok((applications::id_for_job(tx, job_id)?.unwrap_or_default(), taught))
        })?;
        for campaign_id in taught {
            rank_all(self.store(), campaign_id, Utc::now())?;
        }
        self.application(id)
    }

    /// Puts the job on the board under Saved, or leaves its application where it is when it has
    /// one already (saving twice never moves an application back). The flag says which.
    pub fn save_to_applications(&self, job_id: i64, actor: Actor) -> Result<(ApplicationDetail, bool), CoreError> {
        match self.application_for_job(job_id)? {
            Some(existing) => Ok((existing, false)),
            None => Ok((self.set_application_status_by(job_id, ApplicationStatus::Saved, true, actor)?, true)),
        }
    }

    /// Adds a note to the application's timeline.
    pub fn add_application_note(&self, id: i64, note: &str, actor: Actor) -> Result<ApplicationDetail, CoreError> {
        self.store().write(|tx| applications::add_note(tx, id, note, actor, &time::now_rfc3339()))?;
        self.application(id)
    }

    pub fn update_application(&self, id: i64, update: &ApplicationUpdate) -> Result<ApplicationDetail, CoreError> {
        self.store().write(|tx| applications::update(tx, id, update, &time::now_rfc3339()))?;
        self.application(id)
    }

    /// Deletes the application and the stored copies of letters exported only for it.
    pub fn delete_application(&self, id: i64) -> Result<(), CoreError> {
        crate::your_data::forget::delete_application(self.store(), &self.data_dir, id).map(|_| ())
    }

    pub fn add_contact(&self, application_id: i64, contact: &ContactInput) -> Result<ApplicationDetail, CoreError> {
        self.store().write(|tx| applications::add_contact(tx, application_id, contact))?;
        self.application(application_id)
    }

    pub fn update_contact(&self, id: i64, contact: &ContactInput) -> Result<ApplicationDetail, CoreError> {
        let application_id = self.store().write(|tx| applications::update_contact(tx, id, contact))?;
        self.application(application_id)
    }

    pub fn remove_contact(&self, id: i64) -> Result<ApplicationDetail, CoreError> {
        let application_id = self.store().write(|tx| applications::remove_contact(tx, id))?;
        self.application(application_id)
    }
}
