//! `Jobhound`: the services the desktop app and the CLI call. Database work is synchronous (callers
//! on an async runtime run it on a blocking thread); fetching is async.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use jobhound_sources::{Endpoints, HttpClient, HttpOptions, SourceKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::demo::{self, DemoImport};
use crate::ingest::ingest;
use crate::jobs::{self, JobDetail, JobPage, JobQuery};
use crate::runs::{self, SourceOutcome};
use crate::watched::{self, FetchReport, WatchedSource};
use crate::{CoreError, Store, paths, time};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
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
    data_dir: PathBuf,
    store: Arc<Store>,
    http: HttpClient,
    endpoints: Endpoints,
}

impl Jobhound {
    /// Opens the data dir (creating and migrating its database) with endpoints from the environment.
    pub fn open(data_dir: &Path) -> Result<Self, CoreError> {
        Self::open_with(data_dir, Endpoints::from_env(), HttpOptions::default())
    }

    pub fn open_with(data_dir: &Path, endpoints: Endpoints, http: HttpOptions) -> Result<Self, CoreError> {
        let store = Store::open(&paths::database_path(data_dir))?;
        Ok(Self { data_dir: data_dir.to_path_buf(), store: Arc::new(store), http: HttpClient::new(http)?, endpoints })
    }

    pub fn store(&self) -> &Store {
        &self.store
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
        let now = time::now_rfc3339();
        let id = self.store.write(|tx| watched::add(tx, kind, &param, &now))?;
        self.store.read(|connection| watched::get(connection, id))
    }

    pub fn remove_source(&self, id: i64) -> Result<(), CoreError> {
        self.store.write(|tx| watched::remove(tx, id))
    }

    pub fn import_demo(&self) -> Result<DemoImport, CoreError> {
        demo::import(&self.store)
    }

    /// Fetches a watched source and stores what it lists. A failure is recorded in the source's
    /// health and the run history, and returned; nothing stored before is touched.
    pub async fn refresh_source(&self, id: i64) -> Result<FetchReport, CoreError> {
        let store = Arc::clone(&self.store);
        let source = blocking(move || store.read(|connection| watched::get(connection, id))).await?;
        let started_at = time::now_rfc3339();
        let clock = Instant::now();
        let fetched = jobhound_sources::fetch(source.kind, &self.http, &self.endpoints, &source.param).await;
        let duration_ms = u32::try_from(clock.elapsed().as_millis()).unwrap_or(u32::MAX);

        let store = Arc::clone(&self.store);
        blocking(move || {
            let now = time::now_rfc3339();
            let kind = source.kind.as_str();
            match fetched {
                Ok(postings) => {
                    let company = postings.iter().find_map(|posting| posting.company.clone());
                    let fallback = company.clone().unwrap_or_else(|| source.name.clone());
                    let ids: Vec<String> = postings.iter().map(|posting| posting.source_id.clone()).collect();
                    let counts = store.write(|tx| {
                        let counts = ingest(tx, &postings, Some(&fallback), &now)?;
                        watched::record_success(tx, &source, &ids, company.as_deref(), &counts, &now)?;
                        let outcome = SourceOutcome {
                            watched_source_id: Some(source.id),
                            source: kind,
                            param: &source.param,
                            seen: counts.seen,
                            new_jobs: counts.new_jobs,
                            updated: counts.updated,
                            error_kind: None,
                            error_message: None,
                            duration_ms,
                        };
                        runs::record(tx, "manual", &started_at, &now, &outcome)?;
                        Ok(counts)
                    })?;
                    let source = store.read(|connection| watched::get(connection, source.id))?;
                    Ok(FetchReport {
                        source,
                        seen: counts.seen,
                        new_jobs: counts.new_jobs,
                        updated: counts.updated,
                        unchanged: counts.unchanged,
                        flagged: counts.flagged,
                        duration_ms,
                    })
                }
                Err(error) => {
                    store.write(|tx| {
                        watched::record_failure(tx, source.id, &error, &now)?;
                        let outcome = SourceOutcome {
                            watched_source_id: Some(source.id),
                            source: kind,
                            param: &source.param,
                            seen: 0,
                            new_jobs: 0,
                            updated: 0,
                            error_kind: Some(error.kind().as_str()),
                            error_message: Some(error.to_string()),
                            duration_ms,
                        };
                        runs::record(tx, "manual", &started_at, &now, &outcome)?;
                        Ok(())
                    })?;
                    Err(CoreError::Source(error))
                }
            }
        })
        .await
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| CoreError::Internal(format!("background task: {error}")))?
}
