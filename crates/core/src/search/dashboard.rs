//! The search as a whole, for the dashboard's charts: new jobs per day per campaign, the skills
//! matching jobs ask for and how that changes, the pay of matches, the application funnel with
//! response rates per source and per resume, and each source's runs per day.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

/// Days shown, ending today (UTC).
pub const DAYS: i64 = 30;
/// Skills listed, most asked for first.
const TOP_SKILLS: usize = 15;
/// Width of a pay band, in the matches' own currency a year.
const PAY_BAND: f64 = 10_000.0;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Series {
    pub label: String,
    /// One value per day of [`Dashboard::days`].
    pub values: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SkillCount {
    pub skill: String,
    /// Matching jobs first seen in the last 30 days that ask for it.
    pub recent: u32,
    /// The same in the 30 days before, to show the trend.
    pub before: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PayBand {
    pub from: f64,
    pub to: f64,
    pub jobs: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FunnelStage {
    pub stage: String,
    /// Applications that ever reached this stage.
    pub applications: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ResponseRate {
    pub label: String,
    pub applied: u32,
    /// Of those, how many reached interviewing, an offer or acceptance.
    pub responded: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SourceHealthDay {
    pub source: String,
    pub ok: Vec<u32>,
    pub failed: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub days: Vec<String>,
    /// New jobs per day: every job first, then each campaign's matches at or above its notify threshold.
    pub new_jobs: Vec<Series>,
    pub top_skills: Vec<SkillCount>,
    pub pay_currency: Option<String>,
    pub pay_bands: Vec<PayBand>,
    pub funnel: Vec<FunnelStage>,
    pub by_source: Vec<ResponseRate>,
    pub by_resume: Vec<ResponseRate>,
    pub source_health: Vec<SourceHealthDay>,
}

pub fn dashboard(connection: &Connection, now: DateTime<Utc>) -> Result<Dashboard, CoreError> {
    let days: Vec<String> =
        (0..DAYS).rev().map(|back| (now - Duration::days(back)).format("%Y-%m-%d").to_string()).collect();
    let since = days.first().cloned().unwrap_or_default();
    let index: HashMap<&str, usize> = days.iter().enumerate().map(|(at, day)| (day.as_str(), at)).collect();
    let per_day = |rows: Vec<(String, u32)>| {
        let mut values = vec![0; days.len()];
        for (day, count) in rows {
            if let Some(&at) = index.get(day.as_str()) {
                values[at] += count;
            }
        }
        values
    };

    let mut new_jobs = vec![Series {
        label: "All jobs".into(),
        values: per_day(day_counts(
            connection,
            "SELECT substr(first_seen_at, 1, 10), COUNT(*) FROM jobs WHERE first_seen_at >= ?1 GROUP BY 1",
            &[&since],
        )?),
    }];
    let campaigns: Vec<(i64, String)> = connection
        .prepare("SELECT id, name FROM campaigns ORDER BY name COLLATE NOCASE")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, name) in campaigns {
        let values = per_day(day_counts(
            connection,
            "SELECT substr(j.first_seen_at, 1, 10), COUNT(*) FROM matches m JOIN jobs j ON j.id = m.job_id
             JOIN campaigns c ON c.id = m.campaign_id
             WHERE m.campaign_id = ?2 AND m.filtered IS NULL AND m.score >= c.notify_threshold
             AND j.first_seen_at >= ?1 GROUP BY 1",
            &[&since, &id],
        )?);
        new_jobs.push(Series { label: name, values });
    }

    let (pay_currency, pay_bands) = pay(connection)?;
    let (funnel, by_source, by_resume) = funnel(connection)?;
    Ok(Dashboard {
        top_skills: top_skills(connection, now)?,
        pay_currency,
        pay_bands,
        funnel,
        by_source,
        by_resume,
        source_health: source_health(connection, &since, &per_day)?,
        new_jobs,
        days,
    })
}

fn day_counts(
    connection: &Connection,
    sql: &str,
    values: &[&dyn rusqlite::ToSql],
) -> Result<Vec<(String, u32)>, CoreError> {
    Ok(connection.prepare(sql)?.query_map(values, |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?)
}

/// Jobs some campaign scored at or above its notify threshold: the ones it calls good matches.
const MATCHED: &str = "SELECT DISTINCT m.job_id FROM matches m JOIN campaigns c ON c.id = m.campaign_id \
     WHERE m.filtered IS NULL AND m.score >= c.notify_threshold";

fn top_skills(connection: &Connection, now: DateTime<Utc>) -> Result<Vec<SkillCount>, CoreError> {
    let recent = (now - Duration::days(DAYS)).to_rfc3339();
    let before = (now - Duration::days(2 * DAYS)).to_rfc3339();
    let rows: Vec<(String, String)> = connection
        .prepare(&format!("SELECT skills, first_seen_at FROM jobs WHERE id IN ({MATCHED}) AND first_seen_at >= ?1"))?
        .query_map([&before], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (skills, seen) in rows {
        let skills: Vec<String> = serde_json::from_str(&skills).unwrap_or_default();
        for skill in skills {
            let entry = counts.entry(skill).or_default();
            if seen >= recent {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut skills: Vec<SkillCount> =
        counts.into_iter().map(|(skill, (recent, before))| SkillCount { skill, recent, before }).collect();
    skills.sort_by(|a, b| b.recent.cmp(&a.recent).then(b.before.cmp(&a.before)).then(a.skill.cmp(&b.skill)));
    skills.truncate(TOP_SKILLS);
    Ok(skills)
}

/// Pay of matched jobs (the middle of each range, a year) in their most common currency: mixing
/// currencies in one chart would mislead.
fn pay(connection: &Connection) -> Result<(Option<String>, Vec<PayBand>), CoreError> {
    let currency: Option<String> = connection
        .query_row(
            &format!(
                "SELECT salary_currency FROM jobs WHERE id IN ({MATCHED}) AND salary_currency IS NOT NULL
                 AND COALESCE(salary_yearly_min, salary_yearly_max) IS NOT NULL
                 GROUP BY salary_currency ORDER BY COUNT(*) DESC LIMIT 1"
            ),
            [],
            |row| row.get(0),
        )
        .ok();
    let Some(currency) = currency else { return Ok((None, Vec::new())) };
    let middles: Vec<f64> = connection
        .prepare(&format!(
            "SELECT (COALESCE(salary_yearly_min, salary_yearly_max) + COALESCE(salary_yearly_max, salary_yearly_min)) / 2
             FROM jobs WHERE id IN ({MATCHED}) AND salary_currency = ?1
             AND COALESCE(salary_yearly_min, salary_yearly_max) IS NOT NULL"
        ))?
        .query_map([&currency], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut bands: BTreeMap<i64, u32> = BTreeMap::new();
    for middle in middles {
        *bands.entry((middle / PAY_BAND).floor() as i64).or_default() += 1;
    }
    let bands = bands
        .into_iter()
        .map(|(band, jobs)| PayBand { from: band as f64 * PAY_BAND, to: (band + 1) as f64 * PAY_BAND, jobs })
        .collect();
    Ok((Some(currency), bands))
}

const STAGES: [(&str, &str); 4] = [
    ("saved", "'saved','preparing','applied','interviewing','offer','accepted','rejected','withdrawn','archived'"),
    ("applied", "'applied','interviewing','offer','accepted'"),
    ("interviewing", "'interviewing','offer','accepted'"),
    ("offer", "'offer','accepted'"),
];

/// Applications that ever reached `statuses` (by their timeline, so a later rejection still counts).
fn reached(statuses: &str) -> String {
    format!("EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.to_status IN ({statuses}))")
}

/// The funnel's stages, then response rates by source and by resume.
type Funnel = (Vec<FunnelStage>, Vec<ResponseRate>, Vec<ResponseRate>);

fn funnel(connection: &Connection) -> Result<Funnel, CoreError> {
    let mut stages = Vec::new();
    for (stage, statuses) in STAGES {
        let applications: u32 = connection.query_row(
            &format!("SELECT COUNT(*) FROM applications a WHERE {}", reached(statuses)),
            [],
            |row| row.get(0),
        )?;
        stages.push(FunnelStage { stage: stage.into(), applications });
    }
    let applied = reached(STAGES[1].1);
    let responded = reached(STAGES[2].1);
    let rates = |label: &str, join: &str| -> Result<Vec<ResponseRate>, CoreError> {
        let sql = format!(
            "SELECT {label} AS label, COUNT(*), SUM({responded}) FROM applications a {join} WHERE {applied}
             GROUP BY label ORDER BY COUNT(*) DESC, label IS NULL, label"
        );
        Ok(connection
            .prepare(&sql)?
            .query_map([], |row| {
                Ok(ResponseRate {
                    label: row.get::<_, Option<String>>(0)?.unwrap_or_else(|| "not recorded".into()),
                    applied: row.get(1)?,
                    responded: row.get::<_, Option<u32>>(2)?.unwrap_or(0),
                })
            })?
            .collect::<Result<_, _>>()?)
    };
    // A job seen on several boards counts for the board it was first seen on.
    let by_source = rates(
        "(SELECT jp.source FROM job_postings jp WHERE jp.job_id = a.job_id ORDER BY jp.first_seen_at, jp.posting_id LIMIT 1)",
        "",
    )?;
    let by_resume = rates("d.name", "LEFT JOIN documents d ON d.id = a.resume_id")?;
    Ok((stages, by_source, by_resume))
}

fn source_health(
    connection: &Connection,
    since: &str,
    per_day: &dyn Fn(Vec<(String, u32)>) -> Vec<u32>,
) -> Result<Vec<SourceHealthDay>, CoreError> {
    let rows: Vec<(String, String, u32, u32)> = connection
        .prepare(
            "SELECT rs.source, substr(r.started_at, 1, 10),
                    SUM(rs.error_kind IS NULL), SUM(rs.error_kind IS NOT NULL)
             FROM run_sources rs JOIN runs r ON r.id = rs.run_id
             WHERE r.started_at >= ?1 GROUP BY 1, 2",
        )?
        .query_map([since], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<Result<_, _>>()?;
    type DayCounts = Vec<(String, u32)>;
    let mut by_source: BTreeMap<String, (DayCounts, DayCounts)> = BTreeMap::new();
    for (source, day, ok, failed) in rows {
        let entry = by_source.entry(source).or_default();
        entry.0.push((day.clone(), ok));
        entry.1.push((day, failed));
    }
    Ok(by_source
        .into_iter()
        .map(|(source, (ok, failed))| SourceHealthDay { source, ok: per_day(ok), failed: per_day(failed) })
        .collect())
}
