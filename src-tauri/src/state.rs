//! The shell's state: core's services (or why they could not start), the scheduler, letters and
//! tailored resumes in progress.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use jobhound_llm::CancellationToken;

use jobhound_core::campaigns::Scheduler;
use jobhound_core::{ErrorCode, ErrorPayload, Jobhound, store};

/// What the model is writing for a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Writing {
    Letter,
    TailoredResume,
}

/// The core services, or why they could not start (for example a database from a newer version);
/// the window still opens and shows that message instead of vanishing.
pub struct AppState {
    core: Result<Arc<Jobhound>, ErrorPayload>,
    /// Started once the window exists (its events go to the window).
    scheduler: OnceLock<Arc<Scheduler>>,
    /// Letters and tailored resumes being written, by what and for which job, so the window can
    /// cancel one.
    generations: Mutex<HashMap<(Writing, i64), CancellationToken>>,
    /// Files dropped on the window, the only paths the resume import takes from the webview.
    pub dropped: crate::dropped_files::DroppedFiles,
}

impl AppState {
    pub fn open(data_dir: Option<&Path>) -> Self {
        let core =
            store::resolve_data_dir(data_dir).and_then(|dir| Jobhound::open(&dir)).map(Arc::new).map_err(|error| {
                tracing::error!("cannot open Jobhound's data: {error}");
                ErrorPayload::from(&error)
            });
        Self { core, scheduler: OnceLock::new(), generations: Mutex::default(), dropped: Default::default() }
    }

    pub fn core(&self) -> Result<Arc<Jobhound>, ErrorPayload> {
        self.core.clone()
    }

    /// A new letter (or tailoring) for the job replaces (and cancels) one still being written.
    pub fn start_generation(&self, writing: Writing, job_id: i64, cancel: CancellationToken) {
        if let Ok(mut generations) = self.generations.lock()
            && let Some(previous) = generations.insert((writing, job_id), cancel)
        {
            previous.cancel();
        }
    }

    pub fn finish_generation(&self, writing: Writing, job_id: i64) {
        if let Ok(mut generations) = self.generations.lock() {
            generations.remove(&(writing, job_id));
        }
    }

    pub fn cancel_generation(&self, writing: Writing, job_id: i64) -> bool {
        let token = self.generations.lock().ok().and_then(|mut generations| generations.remove(&(writing, job_id)));
        token.map(|token| token.cancel()).is_some()
    }

    pub fn set_scheduler(&self, scheduler: Arc<Scheduler>) {
        if self.scheduler.set(scheduler).is_err() {
            tracing::warn!("the scheduler was started twice; keeping the first");
        }
    }

    pub fn scheduler(&self) -> Result<Arc<Scheduler>, ErrorPayload> {
        self.core()?;
        self.scheduler.get().cloned().ok_or_else(|| ErrorPayload {
            code: ErrorCode::NotReady,
            message: "Jobhound is still starting; try again in a moment.".into(),
            field: None,
        })
    }
}
