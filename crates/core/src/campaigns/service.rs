//! What the app and the CLI do with campaigns: edit them, rank stored jobs for them and learn
//! from feedback. Every change that moves a campaign's scores re-ranks its jobs before returning,
//! so the list the user sees next is already in the new order.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use crate::campaigns::matches::{self, FeedbackEntry, JobSelection, Match, MatchQuery, RankCounts, WeightsChange};
use crate::campaigns::model::{self, Campaign, CampaignInput};
use crate::ranking::{Feedback, Idf, Weights};
use crate::{CoreError, Jobhound, Store, time};

/// A campaign as `campaign status` and the UI's history show it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CampaignStatus {
    pub campaign: Campaign,
    /// Newest first.
    pub runs: Vec<crate::ingest::runs::RunRecord>,
    pub pending_webhooks: Vec<crate::alerts::webhook::PendingWebhook>,
}

/// Jobs ranked per write transaction when a whole campaign is ranked again; short transactions
/// let a fetch store its jobs in between.
const RANK_CHUNK: u32 = 2_000;

impl Jobhound {
    pub fn list_campaigns(&self) -> Result<Vec<Campaign>, CoreError> {
        self.store().read(model::list)
    }

    pub fn get_campaign(&self, id: i64) -> Result<Campaign, CoreError> {
        self.store().read(|connection| model::get(connection, id))
    }

    pub fn find_campaign(&self, name: &str) -> Result<Campaign, CoreError> {
        self.store().read(|connection| model::find_by_name(connection, name))
    }

    /// Creates the campaign and ranks every stored job for it.
    pub fn create_campaign(&self, input: &CampaignInput) -> Result<Campaign, CoreError> {
        let campaign = self.store().write(|tx| model::create(tx, input, &time::now_rfc3339()))?;
        rank_all(self.store(), campaign.id, Utc::now())?;
        Ok(campaign)
    }

    /// Replaces what the campaign wants (its weights become the ones the user set) and ranks again.
    pub fn update_campaign(&self, id: i64, input: &CampaignInput) -> Result<Campaign, CoreError> {
        let campaign = self.store().write(|tx| model::update(tx, id, input, &time::now_rfc3339()))?;
        rank_all(self.store(), id, Utc::now())?;
        Ok(campaign)
    }

    /// The user's own weights for the campaign; what was learned before is replaced.
    pub fn set_campaign_weights(&self, id: i64, weights: Weights) -> Result<Campaign, CoreError> {
        let mut input = self.get_campaign(id)?.settings;
        input.profile.weights = weights;
        self.update_campaign(id, &input)
    }

    pub fn duplicate_campaign(&self, id: i64) -> Result<Campaign, CoreError> {
        let campaign = self.store().write(|tx| model::duplicate(tx, id, &time::now_rfc3339()))?;
        rank_all(self.store(), campaign.id, Utc::now())?;
        Ok(campaign)
    }

    /// Deletes the campaign, its matches and feedback; the jobs stay.
    pub fn delete_campaign(&self, id: i64) -> Result<(), CoreError> {
        self.store().write(|tx| model::delete(tx, id))
    }

    pub fn set_campaign_active(&self, id: i64, active: bool) -> Result<Campaign, CoreError> {
        self.store().write(|tx| {
            model::set_active(tx, id, active, &time::now_rfc3339())?;
            model::get(tx, id)
        })
    }

    /// Scores every stored job for the campaign again.
    pub fn rank_campaign(&self, id: i64) -> Result<RankCounts, CoreError> {
        rank_all(self.store(), id, Utc::now())
    }

    pub fn campaign_matches(&self, id: i64, query: &MatchQuery) -> Result<Vec<Match>, CoreError> {
        self.store().read(|connection| {
            model::get(connection, id)?;
            matches::list_matches(connection, id, query)
        })
    }

    /// Learns from what the user thinks of a matched job, then ranks the campaign again.
    pub fn give_feedback(&self, campaign_id: i64, job_id: i64, kind: Feedback) -> Result<WeightsChange, CoreError> {
        let change =
            self.store().write(|tx| matches::record_feedback(tx, campaign_id, job_id, kind, &time::now_rfc3339()))?;
        rank_all(self.store(), campaign_id, Utc::now())?;
        Ok(change)
    }

    /// Takes the campaign's latest feedback back (weights and a hidden job return), then ranks again.
    pub fn undo_feedback(&self, feedback_id: i64) -> Result<Campaign, CoreError> {
        let campaign_id = self.store().write(|tx| {
            let campaign_id = feedback_campaign(tx, feedback_id)?;
            matches::undo_feedback(tx, feedback_id, &time::now_rfc3339())?;
            Ok(campaign_id)
        })?;
        rank_all(self.store(), campaign_id, Utc::now())?;
        self.get_campaign(campaign_id)
    }

    /// Forgets what the campaign learned, then ranks again.
    pub fn reset_campaign_weights(&self, id: i64) -> Result<Campaign, CoreError> {
        self.store().write(|tx| matches::reset_weights(tx, id, &time::now_rfc3339()))?;
        rank_all(self.store(), id, Utc::now())?;
        self.get_campaign(id)
    }

    /// The campaign with its next run, latest runs and webhook digests still waiting.
    pub fn campaign_status(&self, id: i64, runs: u32) -> Result<CampaignStatus, CoreError> {
        self.store().read(|connection| {
            Ok(CampaignStatus {
                campaign: model::get(connection, id)?,
                runs: crate::ingest::runs::history(connection, id, runs)?,
                pending_webhooks: crate::alerts::webhook::pending(connection, id)?,
            })
        })
    }

    pub fn feedback_history(&self, campaign_id: i64, limit: u32) -> Result<Vec<FeedbackEntry>, CoreError> {
        self.store().read(|connection| {
            model::get(connection, campaign_id)?;
            matches::feedback_history(connection, campaign_id, limit)
        })
    }
}

fn feedback_campaign(tx: &Transaction<'_>, feedback_id: i64) -> Result<i64, CoreError> {
    use rusqlite::OptionalExtension;
    tx.query_row("SELECT campaign_id FROM feedback WHERE id = ?1", [feedback_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("feedback {feedback_id}")))
}

/// Ranks every stored job for one campaign, a chunk per transaction so memory stays flat however
/// many jobs are stored.
pub fn rank_all(store: &Store, campaign_id: i64, now: DateTime<Utc>) -> Result<RankCounts, CoreError> {
    let (campaign, idf) = store.read(|connection| {
        let campaign = model::get(connection, campaign_id)?;
        let idf = idf_for(connection, std::slice::from_ref(&campaign))?;
        Ok((campaign, idf))
    })?;
    let mut total = RankCounts::default();
    let mut after = 0;
    loop {
        let jobs = store
            .read(|connection| matches::load_jobs(connection, JobSelection::Chunk { after, limit: RANK_CHUNK }))?;
        let Some(last) = jobs.last() else { break };
        after = last.id;
        let counts = store.write(|tx| matches::rank_into_matches(tx, &campaign, &jobs, &idf, false, now))?;
        total.add(counts);
    }
    Ok(total)
}

/// Ranks jobs a fetch just stored or changed for every active campaign (and `also`, a paused
/// campaign the user ran by hand), inside the fetch's transaction so a job is never stored without
/// its scores. New matches are news: they are announced once.
pub fn rank_for_active_campaigns(
    tx: &Transaction<'_>,
    job_ids: &[i64],
    also: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, RankCounts)>, CoreError> {
    if job_ids.is_empty() {
        return Ok(Vec::new());
    }
    let chosen: Vec<Campaign> =
        model::list(tx)?.into_iter().filter(|campaign| campaign.settings.active || Some(campaign.id) == also).collect();
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let idf = idf_for(tx, &chosen)?;
    let mut counts: Vec<(i64, RankCounts)> =
        chosen.iter().map(|campaign| (campaign.id, RankCounts::default())).collect();
    for ids in job_ids.chunks(RANK_CHUNK as usize) {
        let jobs = matches::load_jobs(tx, JobSelection::Ids(ids))?;
        for (campaign, (_, total)) in chosen.iter().zip(&mut counts) {
            total.add(matches::rank_into_matches(tx, campaign, &jobs, &idf, true, now)?);
        }
    }
    Ok(counts)
}

/// Word rarity is only read by the resume factor: campaigns without a resume skip building it.
fn idf_for(connection: &rusqlite::Connection, campaigns: &[Campaign]) -> Result<Arc<Idf>, CoreError> {
    if campaigns.iter().any(|campaign| !campaign.settings.resume_text.trim().is_empty()) {
        matches::reference_idf(connection)
    } else {
        Ok(Arc::default())
    }
}
