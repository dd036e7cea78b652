//! Fetching a watched source and storing what it lists, for a manual refresh or as one source of
//! a campaign's run. Each source commits on its own, so a run cut short keeps every source it
//! finished.

use std::sync::Arc;
use std::time::Instant;

use jobhound_sources::recipe::RecipeUpdate;
use jobhound_sources::{FetchContext, FetchLimits, SourceCategory, SourceError};

use crate::app::{blocking, ensure_enabled, ensure_not_too_soon};
use crate::campaigns::service::rank_for_active_campaigns;
use crate::ingest::recipes;
use crate::ingest::runs::{self, RunStatus, SourceOutcome};
use crate::ingest::watched::{self, FetchReport, WatchedSource};
use crate::ingest::write::{ingest_prepared, prepare_postings};
use crate::{CoreError, Jobhound, store::secrets, time};

impl Jobhound {
    /// Fetches a watched source and stores what it lists. A failure is recorded in the source's
    /// health and the run history, and returned; nothing stored before is touched. A fetch the
    /// source's terms do not allow yet, or a source the user has not turned on, is refused
    /// without being recorded as a failure.
    pub async fn refresh_source(&self, id: i64) -> Result<FetchReport, CoreError> {
        let store = Arc::clone(&self.store);
        let source = blocking(move || store.read(|connection| watched::get(connection, id))).await?;
        self.check_may_fetch(&source).await?;
        let store = Arc::clone(&self.store);
        let started_at = time::now_rfc3339();
        let run_id = blocking(move || store.write(|tx| runs::start(tx, "manual", None, &started_at))).await?;
        let report = self.fetch_into_run(&source, run_id, None, &[]).await;
        let status = if report.is_ok() { RunStatus::Ok } else { RunStatus::Failed };
        let store = Arc::clone(&self.store);
        blocking(move || store.write(|tx| runs::finish(tx, run_id, status, 0, None, &time::now_rfc3339()))).await?;
        report
    }

    /// Refuses a source the user has not turned on, or one whose terms do not allow another
    /// fetch yet.
    pub(crate) async fn check_may_fetch(&self, source: &WatchedSource) -> Result<(), CoreError> {
        let store = Arc::clone(&self.store);
        let kind = source.kind;
        let latest = blocking(move || {
            store.read(|connection| {
                ensure_enabled(connection, kind)?;
                watched::latest_success(connection, kind)
            })
        })
        .await?;
        ensure_not_too_soon(source, latest.as_deref())
    }

    /// Fetches `source` and stores what it lists as part of run `run_id`, ranking what changed
    /// for the active campaigns (and `campaign`, when a paused one is run by hand). A company
    /// board searched on its own site asks for `campaign_words` only (see `FetchContext`). The outcome,
    /// failure included, is recorded in the run and the source's health.
    pub(crate) async fn fetch_into_run(
        &self,
        source: &WatchedSource,
        run_id: i64,
        campaign: Option<i64>,
        campaign_words: &[String],
    ) -> Result<FetchReport, CoreError> {
        let store = Arc::clone(&self.store);
        let kind = source.kind;
        let known_ids = blocking(move || store.read(|connection| watched::known_ids(connection, kind))).await?;
        let store = Arc::clone(&self.store);
        let source_id = source.id;
        let recipe = blocking(move || store.read(|connection| recipes::current(connection, source_id))).await?;
        let clock = Instant::now();
        let fetched = match secrets::credentials_for(self.secrets.as_ref(), source.kind) {
            Ok(credentials) => {
                let context = FetchContext {
                    http: &self.http,
                    endpoints: &self.endpoints,
                    credentials: &credentials,
                    limits: FetchLimits::default(),
                    known_ids: Some(&known_ids),
                    recipe: recipe.as_ref().map(|stored| &stored.recipe),
                    campaign_words,
                };
                match jobhound_sources::fetch(source.kind, context, &source.param).await {
                    // A careers page no recipe of the finder's reads: the person's model may write one.
                    Err(SourceError::NoRecipe { page, reason }) => match self.recipe_from_model(&source.param).await {
                        Ok(Some((written, model))) => {
                            let context = FetchContext { recipe: Some(&written), ..context };
                            jobhound_sources::fetch(source.kind, context, &source.param)
                                .await
                                .map_err(CoreError::Source)
                                .map(|mut fetched| {
                                    let healed = recipe.is_some();
                                    fetched.warnings.push(if healed {
                                        format!(
                                            "layout changed; recipe renewed on {} by {model}",
                                            chrono::Utc::now().format("%Y-%m-%d")
                                        )
                                    } else {
                                        format!("recipe written by {model}")
                                    });
                                    fetched.recipe = Some(RecipeUpdate { recipe: written.clone(), healed });
                                    fetched
                                })
                        }
                        Ok(None) => Err(CoreError::Source(SourceError::NoRecipe { page, reason })),
                        Err(model) => Err(CoreError::Source(SourceError::NoRecipe {
                            page,
                            reason: format!("{reason}; nor does the language model's ({model})"),
                        })),
                    },
                    other => other.map_err(CoreError::Source),
                }
            }
            Err(error) => Err(error),
        };
        let duration_ms = u32::try_from(clock.elapsed().as_millis()).unwrap_or(u32::MAX);

        let store = Arc::clone(&self.store);
        let source = source.clone();
        blocking(move || {
            let now = time::now_rfc3339();
            let mut outcome = SourceOutcome {
                watched_source_id: Some(source.id),
                source: source.kind.as_str(),
                param: &source.param,
                seen: 0,
                new_jobs: 0,
                updated: 0,
                error_kind: None,
                error_message: None,
                duration_ms,
            };
            let fetched = match fetched {
                Ok(fetched) => fetched,
                Err(error) => {
                    let (kind, message) = match &error {
                        CoreError::Source(source_error) => (source_error.kind().as_str(), error.to_string()),
                        other => ("keychain", other.to_string()),
                    };
                    store.write(|tx| {
                        watched::record_failure(tx, source.id, kind, &message, &now)?;
                        outcome.error_kind = Some(kind);
                        outcome.error_message = Some(message.clone());
                        runs::record_source(tx, run_id, &outcome)
                    })?;
                    return Err(error);
                }
            };
            let postings = &fetched.postings;
            // ATS boards and feeds list everything they have, so a job missing from a full
            // listing has closed; a keyword search proves nothing about jobs it did not return.
            let listing = if fetched.narrowed {
                watched::Listing::Narrowed
            } else if fetched.truncated || source.kind.info().category == SourceCategory::Board {
                watched::Listing::Partial
            } else {
                watched::Listing::Whole
            };
            let company = match source.kind.info().category {
                SourceCategory::Ats => postings.iter().find_map(|posting| posting.company.clone()),
                _ => None,
            };
            let fallback = company.clone().unwrap_or_else(|| source.name.clone());
            let ids: Vec<String> = postings.iter().map(|posting| posting.source_id.clone()).collect();
            let recipe_update = fetched.recipe.clone();
            // Normalized before taking the write lock, so other sources of the run keep writing.
            let prepared = store.read(|connection| prepare_postings(connection, fetched.postings, Some(&fallback)))?;
            let (counts, liveness, ranked) = store.write(|tx| {
                let reopened = watched::closed_among(tx, source.kind, &ids)?;
                let counts = ingest_prepared(tx, prepared, &now)?;
                if let Some(update) = &recipe_update {
                    recipes::store(
                        tx,
                        source.id,
                        &update.recipe,
                        recipes::Written::ByFetch { healed: update.healed },
                        &now,
                    )?;
                }
                let ranked = rank_for_active_campaigns(tx, &counts.changed_jobs, campaign, chrono::Utc::now())?;
                let mut liveness = watched::record_success(
                    tx,
                    &source,
                    &ids,
                    company.as_deref(),
                    &counts,
                    &fetched.warnings,
                    listing,
                    &now,
                )?;
                liveness.reopened = reopened;
                outcome.seen = counts.seen;
                outcome.new_jobs = counts.new_jobs;
                outcome.updated = counts.updated;
                runs::record_source(tx, run_id, &outcome)?;
                Ok((counts, liveness, ranked))
            })?;
            let source = store.read(|connection| watched::get(connection, source.id))?;
            Ok(FetchReport {
                source,
                seen: counts.seen,
                new_jobs: counts.new_jobs,
                updated: counts.updated,
                unchanged: counts.unchanged,
                flagged: counts.flagged,
                merged: counts.merged,
                closed: liveness.closed,
                reopened: liveness.reopened,
                new_matches: ranked.iter().map(|(_, counts)| counts.new_matches).sum(),
                campaign_new_matches: campaign
                    .and_then(|id| ranked.iter().find(|(campaign_id, _)| *campaign_id == id))
                    .map_or(0, |(_, counts)| counts.new_matches),
                warnings: fetched.warnings,
                healed: recipe_update.is_some_and(|update| update.healed),
                duration_ms,
            })
        })
        .await
    }
}
