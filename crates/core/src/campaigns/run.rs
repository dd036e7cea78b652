//! One run of a campaign: fetch each of its sources, store and rank what they list, and
//! say how it went as it goes. Each source commits on its own, so a cancelled run, or a process
//! killed mid-run, keeps every source it finished.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use futures_util::{StreamExt, stream};
use serde::Serialize;
use tokio_util::sync::CancellationToken;
use ts_rs::TS;

use crate::app::blocking;
use crate::campaigns::model::{self, Campaign};
use crate::ingest::runs::{self, RunStatus, SourceOutcome};
use crate::ingest::watched::{self, WatchedSource};
use crate::{CoreError, Jobhound, time};

/// Source kinds fetched at the same time within one run.
const PARALLEL_KINDS: usize = 3;

/// How one source of a run went.
enum SourceResult {
    Fetched {
        jobs_seen: u32,
        new_jobs: u32,
        new_matches: u32,
    },
    /// "NAME: why", for the report.
    Failed(String),
    Cancelled,
}

/// What a run reports while it works, for a progress bar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RunEvent {
    /// Waiting for a free slot (runs are limited app-wide).
    Queued {
        campaign_id: i64,
    },
    Started {
        campaign_id: i64,
        run_id: i64,
        sources: u32,
    },
    SourceStarted {
        campaign_id: i64,
        run_id: i64,
        index: u32,
        source: String,
    },
    SourceFinished {
        campaign_id: i64,
        run_id: i64,
        index: u32,
        source: String,
        jobs_seen: u32,
        new_jobs: u32,
        error: Option<String>,
    },
    Finished {
        campaign_id: i64,
        report: RunReport,
    },
}

/// How a run ended; `campaign run --json` prints its counts and errors.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RunReport {
    pub run_id: i64,
    pub campaign_id: i64,
    pub status: RunStatus,
    pub jobs_seen: u32,
    pub new_jobs: u32,
    /// Jobs that newly passed this campaign's filters.
    pub new_matches: u32,
    /// One line per source that failed or was skipped, naming it.
    pub errors: Vec<String>,
    pub duration_ms: u32,
}

impl Jobhound {
    /// Runs the campaign now: every source it watches, one after another, unless `cancel` fires.
    /// `now` (the scheduler's clock) sets when it runs next: one interval from now, however many
    /// runs a sleeping computer missed.
    pub async fn run_campaign(
        &self,
        campaign_id: i64,
        trigger: &str,
        now: DateTime<Utc>,
        cancel: &CancellationToken,
        progress: &(dyn Fn(RunEvent) + Send + Sync),
    ) -> Result<RunReport, CoreError> {
        let clock = Instant::now();
        let store = Arc::clone(&self.store);
        let (campaign, sources) =
            blocking(move || store.read(|connection| campaign_sources(connection, campaign_id))).await?;
        if sources.is_empty() {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" has no sources to run: choose boards or feeds in its settings",
                campaign.settings.name
            )));
        }
        let store = Arc::clone(&self.store);
        let trigger = trigger.to_string();
        let next_run = time::to_rfc3339(now + Duration::minutes(i64::from(campaign.settings.interval_minutes)));
        let run_id = blocking(move || {
            store.write(|tx| {
                model::set_next_run(tx, campaign_id, &next_run)?;
                runs::start(tx, &trigger, Some(campaign_id), &time::now_rfc3339())
            })
        })
        .await?;
        let count = u32::try_from(sources.len()).unwrap_or(u32::MAX);
        progress(RunEvent::Started { campaign_id, run_id, sources: count });

        let mut report = RunReport {
            run_id,
            campaign_id,
            status: RunStatus::Ok,
            jobs_seen: 0,
            new_jobs: 0,
            new_matches: 0,
            errors: Vec::new(),
            duration_ms: 0,
        };
        // Sources of different kinds fetch side by side (each host keeps its own pace); sources of
        // one kind go one after another, so a source whose terms limit how often it is asked is
        // never asked twice at once.
        let mut by_kind: Vec<Vec<(u32, &WatchedSource)>> = Vec::new();
        for (index, source) in (0..).zip(&sources) {
            match by_kind.iter_mut().find(|group| group[0].1.kind == source.kind) {
                Some(group) => group.push((index, source)),
                None => by_kind.push(vec![(index, source)]),
            }
        }
        let mut groups = Vec::new();
        for group in by_kind {
            groups.push(self.fetch_group(
                group,
                campaign_id,
                &campaign.settings.profile.keywords,
                run_id,
                cancel,
                progress,
            ));
        }
        let outcomes: Vec<Vec<SourceResult>> = stream::iter(groups).buffer_unordered(PARALLEL_KINDS).collect().await;
        let mut failed = 0;
        let mut cancelled = false;
        for outcome in outcomes.into_iter().flatten() {
            match outcome {
                SourceResult::Fetched { jobs_seen, new_jobs, new_matches } => {
                    report.jobs_seen += jobs_seen;
                    report.new_jobs += new_jobs;
                    report.new_matches += new_matches;
                }
                SourceResult::Failed(line) => {
                    failed += 1;
                    report.errors.push(line);
                }
                SourceResult::Cancelled => cancelled = true,
            }
        }

        report.status = if cancelled {
            RunStatus::Cancelled
        } else if failed == sources.len() {
            RunStatus::Failed
        } else if failed > 0 {
            RunStatus::Partial
        } else {
            RunStatus::Ok
        };
        report.duration_ms = u32::try_from(clock.elapsed().as_millis()).unwrap_or(u32::MAX);
        let store = Arc::clone(&self.store);
        let (status, new_matches) = (report.status, report.new_matches);
        let summary = cancelled.then_some("cancelled; the sources it finished are kept");
        blocking(move || {
            store.write(|tx| runs::finish(tx, run_id, status, new_matches, summary, &time::now_rfc3339()))
        })
        .await?;
        progress(RunEvent::Finished { campaign_id, report: report.clone() });
        Ok(report)
    }

    /// Fetches one kind's sources in turn, telling `progress` as each starts and ends.
    async fn fetch_group(
        &self,
        group: Vec<(u32, &WatchedSource)>,
        campaign_id: i64,
        words: &[String],
        run_id: i64,
        cancel: &CancellationToken,
        progress: &(dyn Fn(RunEvent) + Send + Sync),
    ) -> Vec<SourceResult> {
        let mut results = Vec::new();
        for (index, source) in group {
            if cancel.is_cancelled() {
                results.push(SourceResult::Cancelled);
                break;
            }
            let name = source.description.clone();
            progress(RunEvent::SourceStarted { campaign_id, run_id, index, source: name.clone() });
            let result = match self.check_may_fetch(source).await {
                Ok(()) => tokio::select! {
                    result = self.fetch_into_run(source, run_id, Some(campaign_id), words) => result,
                    () = cancel.cancelled() => {
                        results.push(SourceResult::Cancelled);
                        break;
                    }
                },
                Err(refused) => self.record_skipped(source, run_id, &refused).await.and(Err(refused)),
            };
            let (jobs_seen, new_jobs, error) = match result {
                Ok(fetched) => {
                    results.push(SourceResult::Fetched {
                        jobs_seen: fetched.seen,
                        new_jobs: fetched.new_jobs,
                        new_matches: fetched.campaign_new_matches,
                    });
                    (fetched.seen, fetched.new_jobs, None)
                }
                Err(error) => {
                    results.push(SourceResult::Failed(format!("{name}: {error}")));
                    (0, 0, Some(error.to_string()))
                }
            };
            progress(RunEvent::SourceFinished { campaign_id, run_id, index, source: name, jobs_seen, new_jobs, error });
        }
        results
    }

    /// A source the run may not fetch now (its terms' pace, or not turned on) is listed in the
    /// run with the reason, without counting against the source's health.
    async fn record_skipped(&self, source: &WatchedSource, run_id: i64, why: &CoreError) -> Result<(), CoreError> {
        let store = Arc::clone(&self.store);
        let (id, kind, param, message) = (source.id, source.kind, source.param.clone(), why.to_string());
        blocking(move || {
            store.write(|tx| {
                runs::record_source(
                    tx,
                    run_id,
                    &SourceOutcome {
                        watched_source_id: Some(id),
                        source: kind.as_str(),
                        param: &param,
                        seen: 0,
                        new_jobs: 0,
                        updated: 0,
                        error_kind: Some("skipped"),
                        error_message: Some(format!("skipped: {message}")),
                        duration_ms: 0,
                    },
                )
            })
        })
        .await
    }
}

fn campaign_sources(
    connection: &rusqlite::Connection,
    campaign_id: i64,
) -> Result<(Campaign, Vec<WatchedSource>), CoreError> {
    let campaign = model::get(connection, campaign_id)?;
    let mut sources = Vec::new();
    for id in &campaign.settings.source_ids {
        match watched::get(connection, *id) {
            Ok(source) => sources.push(source),
            Err(CoreError::NotFound(_)) => {} // removed since; the campaign just runs the rest
            Err(error) => return Err(error),
        }
    }
    Ok((campaign, sources))
}
