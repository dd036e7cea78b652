//! `Jobhound`: the services the desktop app and the CLI call. Database work is synchronous (callers
//! on an async runtime run it on a blocking thread); fetching is async.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use jobhound_sources::{Endpoints, HttpClient, HttpOptions, SourceError, SourceInfo, SourceKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ingest::liveness::{self, RecheckReport};
use crate::ingest::runs;
use crate::ingest::watched::{self, WatchedSource};
use crate::search::jobs::{self, JobDetail, JobPage, JobQuery};
use crate::store::secrets::{self, KeyStatus, SecretStore};
use crate::store::settings;
use crate::store::updates::{self, UpdateStatus};
use crate::your_data::demo::{self, DemoImport};
use crate::{CoreError, Store, store::paths, time};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub data_dir: String,
    pub database_path: String,
    pub schema_version: i64,
    pub job_count: u32,
    pub source_count: u32,
    /// The copy of the database taken before this start migrated it, if it did.
    pub migration_backup: Option<String>,
}

pub struct Jobhound {
    pub(crate) data_dir: PathBuf,
    pub(crate) store: Arc<Store>,
    pub(crate) http: HttpClient,
    pub(crate) endpoints: Endpoints,
    pub(crate) secrets: Arc<dyn SecretStore>,
    /// How resume text is read: by default in a child process of this very binary, whose `main`
    /// must call `jobhound_documents::serve_if_helper()` first (the app and the CLI do).
    pub(crate) extractor: jobhound_documents::Extractor,
    /// Held while the mailbox is checked: a check never runs twice at once.
    pub(crate) inbox_check: tokio::sync::Mutex<()>,
    /// Timeouts and extra trusted roots for the mail server (tests trust their own).
    pub(crate) inbox_options: jobhound_inbox::imap::ConnectOptions,
}

impl Jobhound {
    /// Opens the data dir (creating and migrating its database) with endpoints from the environment.
    pub fn open(data_dir: &Path) -> Result<Self, CoreError> {
        Self::open_with(data_dir, Endpoints::from_env(), HttpOptions::default())
    }

    pub fn open_with(data_dir: &Path, endpoints: Endpoints, http: HttpOptions) -> Result<Self, CoreError> {
        let store = Store::open(&paths::database_path(data_dir))?;
        store.write(crate::ingest::duplicates::rekey)?;
        store.write(|tx| runs::close_interrupted(tx, &time::now_rfc3339()))?;
        Ok(Self {
            data_dir: data_dir.to_path_buf(),
            store: Arc::new(store),
            http: HttpClient::new(http)?,
            endpoints,
            secrets: secrets::from_env(),
            extractor: jobhound_documents::Extractor::this_binary().unwrap_or_else(|error| {
                tracing::warn!("resumes will be read in this process: {error}");
                jobhound_documents::Extractor::InProcess
            }),
            inbox_check: tokio::sync::Mutex::new(()),
            inbox_options: jobhound_inbox::imap::ConnectOptions::default(),
        })
    }

    /// Reads resumes another way: tests of other things read known-good files in-process, or
    /// start their own binary as the reader.
    pub fn with_extractor(mut self, extractor: jobhound_documents::Extractor) -> Self {
        self.extractor = extractor;
        self
    }

    /// Replaces the OS keychain, e.g. with [`secrets::MemorySecrets`] in tests.
    pub fn with_secrets(mut self, secrets: Arc<dyn SecretStore>) -> Self {
        self.secrets = secrets;
        self
    }

    /// Trusts more certificate authorities for the mail server, or waits another time (tests).
    pub fn with_inbox_options(mut self, options: jobhound_inbox::imap::ConnectOptions) -> Self {
        self.inbox_options = options;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The HTTP client every source and webhook shares (per-host pace and breaker hold app-wide).
    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    pub fn status(&self) -> Result<AppStatus, CoreError> {
        let (job_count, source_count) = self.store.read(|connection| {
            Ok(connection.query_row(
                "SELECT (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM watched_sources)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })?;
        let migration = self.store.migration_report();
        Ok(AppStatus {
            data_dir: self.data_dir.display().to_string(),
            database_path: self.store.path().display().to_string(),
            schema_version: migration.to_version,
            job_count,
            source_count,
            migration_backup: migration.backup.as_ref().map(|path| path.display().to_string()),
        })
    }

    pub fn list_jobs(&self, query: &JobQuery) -> Result<JobPage, CoreError> {
        self.store.read(|connection| jobs::list_jobs(connection, query))
    }

    pub fn get_job(&self, id: i64) -> Result<JobDetail, CoreError> {
        self.store.read(|connection| jobs::get_job(connection, id))
    }

    pub fn list_sources(&self) -> Result<Vec<WatchedSource>, CoreError> {
        self.store.read(watched::list)
    }

    /// Starts watching the board the user typed or pasted; adding one already watched returns it.
    pub fn add_source(&self, kind: SourceKind, input: &str) -> Result<WatchedSource, CoreError> {
        let param = watched::param_from_input(kind, input)?;
        self.store.read(|connection| ensure_enabled(connection, kind))?;
        let now = time::now_rfc3339();
        let id = self.store.write(|tx| watched::add(tx, kind, &param, &now))?;
        self.store.read(|connection| watched::get(connection, id))
    }

    /// One watched source, with the recipe that reads it when it is a careers page.
    pub fn source_with_recipe(
        &self,
        id: i64,
    ) -> Result<(WatchedSource, Option<crate::ingest::recipes::StoredRecipe>), CoreError> {
        self.store
            .read(|connection| Ok((watched::get(connection, id)?, crate::ingest::recipes::current(connection, id)?)))
    }

    pub fn remove_source(&self, id: i64) -> Result<(), CoreError> {
        self.store.write(|tx| watched::remove(tx, id))
    }

    pub fn import_demo(&self) -> Result<DemoImport, CoreError> {
        demo::import(&self.store)
    }

    /// Re-checks one job against the company board that listed it; used for jobs a person saved
    /// or applied to, whose board may not be watched any more.
    pub async fn recheck_job(&self, id: i64) -> Result<RecheckReport, CoreError> {
        let store = Arc::clone(&self.store);
        let postings = blocking(move || store.read(|connection| liveness::checkable_postings(connection, id))).await?;
        if postings.is_empty() {
            return Err(CoreError::InvalidInput(
                "this job did not come from a company board (Greenhouse, Lever, Ashby, SmartRecruiters), so Jobhound cannot re-check it; open its page to see whether it is still listed".into(),
            ));
        }
        let (still_open, checked) = liveness::still_listed(&self.http, &self.endpoints, &postings).await?;
        let store = Arc::clone(&self.store);
        let closed_at = blocking(move || {
            let now = time::now_rfc3339();
            store.write(|tx| liveness::record(tx, id, still_open, &now))
        })
        .await?;
        Ok(RecheckReport { job_id: id, still_open, checked, closed_at })
    }

    /// Every source kind with what it needs, whether its keys are set, and how the watched
    /// sources of that kind are doing.
    pub fn sources_overview(&self) -> Result<Vec<SourceOverview>, CoreError> {
        let (watched, linkedin_enabled) = self.store.read(|connection| {
            Ok((watched::list(connection)?, settings::get_bool(connection, settings::LINKEDIN_ENABLED)?))
        })?;
        Ok(SourceKind::ALL
            .iter()
            .map(|kind| {
                let mine: Vec<&WatchedSource> = watched.iter().filter(|source| source.kind == *kind).collect();
                let keys = secrets::key_statuses(self.secrets.as_ref(), *kind);
                let missing_keys: Vec<String> =
                    keys.iter().filter(|key| key.required && !key.is_set).map(|key| key.label.clone()).collect();
                SourceOverview {
                    info: kind.info(),
                    enabled: *kind != SourceKind::Linkedin || linkedin_enabled,
                    ready: missing_keys.is_empty(),
                    missing_keys,
                    keys,
                    watched: u32::try_from(mine.len()).unwrap_or(u32::MAX),
                    failing: u32::try_from(mine.iter().filter(|source| source.consecutive_failures > 0).count())
                        .unwrap_or(u32::MAX),
                }
            })
            .collect())
    }

    /// Works out which source a pasted careers URL belongs to and starts watching it.
    pub fn add_source_from_url(&self, input: &str) -> Result<WatchedSource, CoreError> {
        let (kind, param) = jobhound_sources::detect(input)?;
        self.add_source(kind, &param)
    }

    /// The boards behind a careers URL, best first, each with how it was found: the URL's own
    /// board, or what its page (or the careers page it links to) points at. Empty when none.
    pub async fn discover_sources(&self, input: &str) -> Result<Vec<jobhound_sources::Candidate>, CoreError> {
        Ok(jobhound_sources::discover(&self.http, input).await?)
    }

    /// Stores a source's API key in the keychain (an empty value removes it).
    pub fn set_source_key(&self, name: &str, value: &str) -> Result<(), CoreError> {
        if !secrets::is_known_key(name) {
            return Err(CoreError::InvalidInput(format!("'{name}' is not a source key Jobhound knows")));
        }
        if value.trim().is_empty() { self.secrets.delete(name) } else { self.secrets.set(name, value.trim()) }
    }

    pub fn app_settings(&self) -> Result<settings::AppSettings, CoreError> {
        self.store.read(settings::app_settings)
    }

    pub fn set_app_settings(&self, preferences: &settings::AppSettings) -> Result<(), CoreError> {
        self.store.write(|tx| settings::set_app_settings(tx, preferences))
    }

    /// Whether the app should look for a new version now (`store::updates::check_due`).
    pub fn update_check_due(&self, now: DateTime<Utc>, campaign_running: bool) -> Result<bool, CoreError> {
        self.store.read(|connection| {
            let automatic = updates::check_automatically(connection)?;
            Ok(updates::check_due(automatic, updates::last_checked(connection)?, now, campaign_running))
        })
    }

    /// Remembers that a check was made (found something or not), so the next waits a day.
    pub fn record_update_check(&self, at: DateTime<Utc>) -> Result<(), CoreError> {
        self.store.write(|tx| updates::record_check(tx, at))
    }

    pub fn update_status(&self, updater_built_in: bool, current_version: &str) -> Result<UpdateStatus, CoreError> {
        let last_checked = self.store.read(updates::last_checked)?.map(|at| at.to_rfc3339());
        Ok(UpdateStatus { updater_built_in, current_version: current_version.to_string(), last_checked })
    }

    /// Turns LinkedIn's guest search on or off; on only after the user has seen the warning.
    pub fn set_linkedin_enabled(&self, enabled: bool) -> Result<(), CoreError> {
        self.store.write(|tx| settings::set(tx, settings::LINKEDIN_ENABLED, if enabled { "true" } else { "false" }))
    }
}

/// One source kind as the Sources page and `jobhound-cli sources` show it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SourceOverview {
    pub info: SourceInfo,
    /// False only for opt-in sources the user has not turned on.
    pub enabled: bool,
    /// Every required key is set.
    pub ready: bool,
    pub missing_keys: Vec<String>,
    pub keys: Vec<KeyStatus>,
    pub watched: u32,
    pub failing: u32,
}

pub(crate) fn ensure_enabled(connection: &rusqlite::Connection, kind: SourceKind) -> Result<(), CoreError> {
    if kind == SourceKind::Linkedin && !settings::get_bool(connection, settings::LINKEDIN_ENABLED)? {
        return Err(CoreError::Source(SourceError::NotEnabled {
            source_name: kind.display_name(),
            reason: "LinkedIn's terms forbid scraping; turn it on in Sources only if you accept that".into(),
        }));
    }
    Ok(())
}

/// Sources whose terms limit how often they may be asked (Remotive: four times a day). The limit
/// is per source, whatever the search: `latest` is the last successful fetch of any of its searches.
pub(crate) fn ensure_not_too_soon(source: &WatchedSource, latest: Option<&str>) -> Result<(), CoreError> {
    let minutes = source.kind.info().min_refresh_minutes;
    let Some(last) = latest.and_then(|text| chrono::DateTime::parse_from_rfc3339(text).ok()) else {
        return Ok(());
    };
    let next = last.with_timezone(&chrono::Utc) + chrono::Duration::minutes(i64::from(minutes));
    if minutes > 0 && next > chrono::Utc::now() {
        return Err(CoreError::Source(SourceError::TooSoon {
            what: source.description.clone(),
            minutes,
            next: next.format("%H:%M UTC").to_string(),
        }));
    }
    Ok(())
}

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| CoreError::Internal(format!("background task: {error}")))?
}
