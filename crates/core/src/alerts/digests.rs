//! Telling the user about new matches: one digest per campaign with how many and the best three,
//! shown as an OS notification (through a [`NotificationSink`]) and posted to the campaign's
//! webhook. A job is announced once; quiet hours hold digests until they end.

use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::campaigns::model::{self, Campaign};
use crate::ranking::Ranked;
use crate::store::json_column;
use crate::{CoreError, alerts::webhook, store::settings};

/// Setting: "false" turns OS notifications off (digests still reach webhooks).
pub const NOTIFICATIONS_ENABLED: &str = "notifications.enabled";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DigestMatch {
    pub job_id: i64,
    pub title: String,
    pub company: String,
    pub score: u8,
    /// The factors that gave it most of its points, e.g. "keywords: title: rust".
    pub reasons: Vec<String>,
}

/// New matches of one campaign, as one notification says them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Digest {
    pub campaign_id: i64,
    pub campaign: String,
    /// New matches at or above the campaign's threshold.
    pub count: u32,
    /// The best three.
    pub top: Vec<DigestMatch>,
}

impl Digest {
    pub fn title(&self) -> String {
        let matches = if self.count == 1 { "match" } else { "matches" };
        format!("{}: {} new {matches}", self.campaign, self.count)
    }

    /// "Rust Engineer at Acme (87)" per line.
    pub fn body(&self) -> String {
        self.top
            .iter()
            .map(|found| format!("{} at {} ({})", found.title, found.company, found.score))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Where OS notifications go: notify-rust in the app, a recorder in tests.
pub trait NotificationSink: Send + Sync {
    /// Shows the digest; an error says why it could not be shown (no notification service).
    fn show(&self, digest: &Digest) -> Result<(), String>;
    /// Shows a follow-up reminder; clicking it should open the application.
    fn remind(&self, reminder: &crate::applying::follow_ups::FollowUpReminder) -> Result<(), String>;
}

/// True while `local` is inside quiet hours from `start` to `end` (which may wrap past midnight).
pub fn in_quiet_hours(start: Option<&str>, end: Option<&str>, local: NaiveTime) -> bool {
    let parse = |text: Option<&str>| text.and_then(|text| NaiveTime::parse_from_str(text, "%H:%M").ok());
    let (Some(start), Some(end)) = (parse(start), parse(end)) else { return false };
    if start <= end { start <= local && local < end } else { local >= start || local < end }
}

/// The digests due now: for each campaign outside its quiet hours, the matches fetching found
/// that reach its threshold and that no campaign has announced yet. Each comes with the jobs it
/// covers, to be marked once it is sent.
pub fn due_digests(connection: &Connection, local: NaiveTime) -> Result<Vec<(Digest, Vec<i64>)>, CoreError> {
    let mut due = Vec::new();
    for campaign in model::list(connection)? {
        let quiet =
            in_quiet_hours(campaign.settings.quiet_start.as_deref(), campaign.settings.quiet_end.as_deref(), local);
        if quiet {
            continue;
        }
        if let Some(found) = digest_of(connection, &campaign)? {
            due.push(found);
        }
    }
    Ok(due)
}

fn digest_of(connection: &Connection, campaign: &Campaign) -> Result<Option<(Digest, Vec<i64>)>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT m.job_id, j.title, j.company, m.score, m.explanation
         FROM matches m JOIN jobs j ON j.id = m.job_id
         WHERE m.campaign_id = ?1 AND m.notified_at IS NULL AND m.silent = 0
           AND m.filtered IS NULL AND m.hidden = 0 AND m.score >= ?2
           AND NOT EXISTS (SELECT 1 FROM matches other WHERE other.job_id = m.job_id
                           AND other.notified_at IS NOT NULL AND other.silent = 0)
         ORDER BY m.score DESC, m.job_id DESC",
    )?;
    let rows = statement.query_map(params![campaign.id, campaign.settings.notify_threshold], |row| {
        let explanation: Ranked = json_column(row, 4)?;
        Ok(DigestMatch {
            job_id: row.get(0)?,
            title: row.get(1)?,
            company: row.get(2)?,
            score: row.get(3)?,
            reasons: top_reasons(&explanation),
        })
    })?;
    let found: Vec<DigestMatch> = rows.collect::<Result<_, _>>()?;
    if found.is_empty() {
        return Ok(None);
    }
    let jobs = found.iter().map(|found| found.job_id).collect();
    let digest = Digest {
        campaign_id: campaign.id,
        campaign: campaign.settings.name.clone(),
        count: u32::try_from(found.len()).unwrap_or(u32::MAX),
        top: found.into_iter().take(3).collect(),
    };
    Ok(Some((digest, jobs)))
}

fn top_reasons(explanation: &Ranked) -> Vec<String> {
    let mut factors: Vec<_> = explanation.factors.iter().filter(|factor| factor.points > 0.0).collect();
    factors.sort_by(|a, b| b.points.total_cmp(&a.points));
    factors.iter().take(3).map(|factor| format!("{}: {}", factor.name, factor.evidence)).collect()
}

/// Marks the jobs a digest covered, so they are never announced again.
pub fn mark_announced(tx: &Transaction<'_>, campaign_id: i64, jobs: &[i64], now: &str) -> Result<(), CoreError> {
    let mut statement = tx.prepare_cached(
        "UPDATE matches SET notified_at = ?3 WHERE campaign_id = ?1 AND job_id = ?2 AND notified_at IS NULL",
    )?;
    for job in jobs {
        statement.execute(params![campaign_id, job, now])?;
    }
    Ok(())
}

/// Sends every due digest: to the sink unless notifications are off, into the webhook outbox
/// when the campaign has one. Returns the digests sent. A sink that fails (no notification
/// service) is reported through `on_sink_error` and does not stop the rest.
pub fn announce_due(
    store: &crate::Store,
    sink: &dyn NotificationSink,
    local: NaiveTime,
    now: DateTime<Utc>,
    on_sink_error: &dyn Fn(&str),
) -> Result<Vec<Digest>, CoreError> {
    let (due, enabled) =
        store.read(|connection| Ok((due_digests(connection, local)?, settings::notifications_enabled(connection)?)))?;
    let stamp = crate::time::to_rfc3339(now);
    let mut sent = Vec::new();
    for (digest, jobs) in due {
        if enabled && let Err(why) = sink.show(&digest) {
            on_sink_error(&why);
        }
        store.write(|tx| {
            let campaign = model::get(tx, digest.campaign_id)?;
            if let Some(url) = campaign.settings.webhook_url.as_deref() {
                webhook::enqueue(tx, digest.campaign_id, url, &digest, &stamp)?;
            }
            mark_announced(tx, digest.campaign_id, &jobs, &stamp)
        })?;
        sent.push(digest);
    }
    Ok(sent)
}
