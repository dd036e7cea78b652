//! Campaigns: saved searches with what they want (a ranking profile), the sources they run, when
//! they run and when they may notify.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::ranking::{Profile, Weights};
use crate::store::json_column;

pub const MIN_INTERVAL_MINUTES: u32 = 60;
pub const MAX_INTERVAL_MINUTES: u32 = 7 * 24 * 60;

/// What the user fills in to create or edit a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignInput {
    pub name: String,
    /// Keywords, filters, preferences and the weights the user set.
    pub profile: Profile,
    /// The resume whose text ranks jobs; when set, `resume_text` is that resume's text.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub resume_id: Option<i64>,
    pub resume_text: String,
    /// Watched sources this campaign runs.
    pub source_ids: Vec<i64>,
    pub interval_minutes: u32,
    pub notify_threshold: u8,
    /// Local "HH:MM"; both or neither.
    pub quiet_start: Option<String>,
    pub quiet_end: Option<String>,
    pub webhook_url: Option<String>,
    pub active: bool,
}

impl Default for CampaignInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            profile: Profile::default(),
            resume_id: None,
            resume_text: String::new(),
            source_ids: Vec::new(),
            interval_minutes: 360,
            notify_threshold: 70,
            quiet_start: None,
            quiet_end: None,
            webhook_url: None,
            active: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Campaign {
    pub id: i64,
    /// What the user set; `settings.profile.weights` are the current, possibly learned, weights.
    #[serde(flatten)]
    pub settings: CampaignInput,
    /// The weights the user set, restored by a reset.
    pub base_weights: Weights,
    pub next_run_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

fn invalid(field: &'static str, message: impl Into<String>) -> CoreError {
    CoreError::InvalidField { field, message: message.into() }
}

fn is_clock(text: &str) -> bool {
    let Some((hours, minutes)) = text.split_once(':') else { return false };
    hours.len() == 2
        && minutes.len() == 2
        && hours.parse::<u8>().is_ok_and(|h| h < 24)
        && minutes.parse::<u8>().is_ok_and(|m| m < 60)
}

/// Checks every field a person types, naming the first one that is wrong.
pub fn validate(input: &CampaignInput) -> Result<(), CoreError> {
    if input.name.trim().is_empty() {
        return Err(invalid("name", "Give the campaign a name."));
    }
    if input.name.trim().chars().count() > 100 {
        return Err(invalid("name", "Keep the name under 100 characters."));
    }
    if !(MIN_INTERVAL_MINUTES..=MAX_INTERVAL_MINUTES).contains(&input.interval_minutes) {
        return Err(invalid("interval_minutes", "Run it between once an hour and once a week."));
    }
    if input.notify_threshold > 100 {
        return Err(invalid("notify_threshold", "The threshold is a score from 0 to 100."));
    }
    match (&input.quiet_start, &input.quiet_end) {
        (None, None) => {}
        (Some(start), Some(end)) if is_clock(start) && is_clock(end) => {
            if start == end {
                return Err(invalid("quiet_end", "Quiet hours need to end at a different time than they start."));
            }
        }
        (Some(start), _) if !is_clock(start) => return Err(invalid("quiet_start", "Use a time like 22:00.")),
        (_, Some(end)) if !is_clock(end) => return Err(invalid("quiet_end", "Use a time like 07:00.")),
        _ => return Err(invalid("quiet_end", "Give both a start and an end for quiet hours.")),
    }
    if let Some(url) = input.webhook_url.as_deref().filter(|url| !url.trim().is_empty()) {
        let parsed = url::Url::parse(url.trim()).map_err(|_| invalid("webhook_url", "This is not a web address."))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(invalid("webhook_url", "Webhooks are http or https addresses."));
        }
    }
    if let Some(floor) = input.profile.salary_floor {
        if !(floor.is_finite() && floor >= 0.0) {
            return Err(invalid("salary_floor", "The salary floor is a yearly amount of 0 or more."));
        }
        if input.profile.salary_currency.as_deref().is_none_or(|code| code.len() != 3) {
            return Err(invalid("salary_currency", "Say which currency the salary floor is in (e.g. EUR)."));
        }
    }
    let words = input.profile.keywords.iter().chain(&input.profile.excluded_keywords);
    if words.clone().any(|word| word.trim().is_empty()) {
        return Err(invalid("keywords", "Remove the empty keyword."));
    }
    if let Some(word) = input.profile.keywords.iter().find(|word| {
        input.profile.excluded_keywords.iter().any(|excluded| excluded.trim().eq_ignore_ascii_case(word.trim()))
    }) {
        return Err(invalid("excluded_keywords", format!("\"{}\" is both wanted and excluded.", word.trim())));
    }
    Ok(())
}

pub fn create(tx: &Transaction<'_>, input: &CampaignInput, now: &str) -> Result<Campaign, CoreError> {
    validate(input)?;
    let input = &with_resume_text(tx, input)?;
    ensure_name_free(tx, input.name.trim(), None)?;
    tx.execute(
        "INSERT INTO campaigns (name, profile, base_weights, resume_text, interval_minutes, notify_threshold,
             quiet_start, quiet_end, webhook_url, active, updated_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params_from_iter(stored_values(input, now)?),
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("UPDATE campaigns SET resume_id = ?2 WHERE id = ?1", params![id, input.resume_id])?;
    set_sources(tx, id, &input.source_ids)?;
    get(tx, id)
}

/// The input with the chosen resume's text in place of whatever text it carried.
fn with_resume_text(tx: &Transaction<'_>, input: &CampaignInput) -> Result<CampaignInput, CoreError> {
    let mut input = input.clone();
    if let Some(resume_id) = input.resume_id {
        input.resume_text = tx
            .query_row("SELECT text FROM documents WHERE id = ?1 AND kind = 'resume'", [resume_id], |row| row.get(0))
            .optional()?
            .ok_or_else(|| invalid("resume_id", "That resume was deleted; choose another."))?;
    }
    Ok(input)
}

/// Replaces what the campaign wants. The weights given become both the current and the base
/// weights: editing them is the user saying what they want.
pub fn update(tx: &Transaction<'_>, id: i64, input: &CampaignInput, now: &str) -> Result<Campaign, CoreError> {
    validate(input)?;
    let input = &with_resume_text(tx, input)?;
    let before = get(tx, id)?;
    ensure_name_free(tx, input.name.trim(), Some(id))?;
    if before.settings.interval_minutes != input.interval_minutes {
        // A shorter interval takes effect now, not after the old, longer wait.
        if let Ok(now) = chrono::DateTime::parse_from_rfc3339(now) {
            let sooner = now.with_timezone(&chrono::Utc) + chrono::Duration::minutes(i64::from(input.interval_minutes));
            let sooner = crate::time::to_rfc3339(sooner);
            tx.execute(
                "UPDATE campaigns SET next_run_at = ?2 WHERE id = ?1 AND next_run_at > ?2",
                params![id, sooner],
            )?;
        }
    }
    let mut values = stored_values(input, now)?;
    values.push(Value::Integer(id));
    tx.execute(
        "UPDATE campaigns SET name = ?1, profile = ?2, base_weights = ?3, resume_text = ?4, interval_minutes = ?5,
             notify_threshold = ?6, quiet_start = ?7, quiet_end = ?8, webhook_url = ?9, active = ?10, updated_at = ?11
         WHERE id = ?12",
        params_from_iter(values),
    )?;
    tx.execute("UPDATE campaigns SET resume_id = ?2 WHERE id = ?1", params![id, input.resume_id])?;
    set_sources(tx, id, &input.source_ids)?;
    get(tx, id)
}

/// The stored columns of `input` in the order both statements above number them (?1 to ?11).
fn stored_values(input: &CampaignInput, now: &str) -> Result<Vec<Value>, CoreError> {
    let text = |value: Option<&str>| value.map_or(Value::Null, |text| Value::Text(text.to_string()));
    Ok(vec![
        Value::Text(input.name.trim().to_string()),
        Value::Text(serde_json::to_string(&input.profile)?),
        Value::Text(serde_json::to_string(&input.profile.weights)?),
        Value::Text(input.resume_text.clone()),
        Value::Integer(i64::from(input.interval_minutes)),
        Value::Integer(i64::from(input.notify_threshold)),
        text(input.quiet_start.as_deref()),
        text(input.quiet_end.as_deref()),
        text(input.webhook_url.as_deref().map(str::trim).filter(|url| !url.is_empty())),
        Value::Integer(i64::from(input.active)),
        Value::Text(now.to_string()),
    ])
}

/// A copy named "NAME (copy)", paused so it does not run twice before the user changes it.
pub fn duplicate(tx: &Transaction<'_>, id: i64, now: &str) -> Result<Campaign, CoreError> {
    let original = get(tx, id)?.settings;
    let mut name = format!("{} (copy)", original.name);
    let mut n = 2;
    while name_taken(tx, &name, None)? {
        name = format!("{} (copy {n})", original.name);
        n += 1;
    }
    create(tx, &CampaignInput { name, active: false, ..original }, now)
}

/// Deletes the campaign with its matches and feedback. Jobs stay (saved and applied ones included).
pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<(), CoreError> {
    if tx.execute("DELETE FROM campaigns WHERE id = ?1", [id])? == 0 {
        return Err(CoreError::NotFound(format!("campaign {id}")));
    }
    Ok(())
}

pub fn set_active(tx: &Transaction<'_>, id: i64, active: bool, now: &str) -> Result<(), CoreError> {
    if tx.execute("UPDATE campaigns SET active = ?2, updated_at = ?3 WHERE id = ?1", params![id, active, now])? == 0 {
        return Err(CoreError::NotFound(format!("campaign {id}")));
    }
    Ok(())
}

const COLUMNS: &str = "id, name, profile, base_weights, resume_text, interval_minutes, notify_threshold, quiet_start,
     quiet_end, webhook_url, active, next_run_at, created_at, updated_at, resume_id";

pub fn get(connection: &Connection, id: i64) -> Result<Campaign, CoreError> {
    let campaign = connection
        .query_row(&format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("campaign {id}")))?;
    with_sources(connection, campaign)
}

pub fn find_by_name(connection: &Connection, name: &str) -> Result<Campaign, CoreError> {
    let id: i64 = connection
        .query_row("SELECT id FROM campaigns WHERE name = ?1 COLLATE NOCASE", [name.trim()], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("a campaign named \"{}\"", name.trim())))?;
    get(connection, id)
}

pub fn list(connection: &Connection) -> Result<Vec<Campaign>, CoreError> {
    let mut statement = connection.prepare(&format!("SELECT {COLUMNS} FROM campaigns ORDER BY name COLLATE NOCASE"))?;
    let campaigns = statement.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    campaigns.into_iter().map(|campaign| with_sources(connection, campaign)).collect()
}

/// When the scheduler should start the campaign next.
pub fn set_next_run(tx: &Transaction<'_>, id: i64, at: &str) -> Result<(), CoreError> {
    tx.execute("UPDATE campaigns SET next_run_at = ?2 WHERE id = ?1", params![id, at])?;
    Ok(())
}

/// Stores learned (or reset) weights as the campaign's current ones.
pub(crate) fn store_weights(tx: &Transaction<'_>, id: i64, weights: &Weights, now: &str) -> Result<(), CoreError> {
    let mut campaign = get(tx, id)?;
    campaign.settings.profile.weights = weights.clone();
    tx.execute(
        "UPDATE campaigns SET profile = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, serde_json::to_string(&campaign.settings.profile)?, now],
    )?;
    Ok(())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Campaign> {
    Ok(Campaign {
        id: row.get(0)?,
        settings: CampaignInput {
            name: row.get(1)?,
            profile: json_column(row, 2)?,
            resume_id: row.get(14)?,
            resume_text: row.get(4)?,
            source_ids: Vec::new(),
            interval_minutes: row.get(5)?,
            notify_threshold: row.get(6)?,
            quiet_start: row.get(7)?,
            quiet_end: row.get(8)?,
            webhook_url: row.get(9)?,
            active: row.get(10)?,
        },
        base_weights: json_column(row, 3)?,
        next_run_at: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
    })
}

fn with_sources(connection: &Connection, mut campaign: Campaign) -> Result<Campaign, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT watched_source_id FROM campaign_sources WHERE campaign_id = ?1 ORDER BY watched_source_id",
    )?;
    campaign.settings.source_ids = statement.query_map([campaign.id], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(campaign)
}

fn set_sources(tx: &Transaction<'_>, id: i64, source_ids: &[i64]) -> Result<(), CoreError> {
    tx.execute("DELETE FROM campaign_sources WHERE campaign_id = ?1", [id])?;
    for source_id in source_ids {
        let known: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM watched_sources WHERE id = ?1)", [source_id], |row| row.get(0))?;
        if !known {
            return Err(invalid("source_ids", format!("Source {source_id} is not watched any more; pick it again.")));
        }
        tx.execute(
            "INSERT OR IGNORE INTO campaign_sources (campaign_id, watched_source_id) VALUES (?1, ?2)",
            params![id, source_id],
        )?;
    }
    Ok(())
}

fn name_taken(connection: &Connection, name: &str, except: Option<i64>) -> Result<bool, CoreError> {
    Ok(connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM campaigns WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2)",
        params![name, except],
        |row| row.get(0),
    )?)
}

fn ensure_name_free(connection: &Connection, name: &str, except: Option<i64>) -> Result<(), CoreError> {
    if name_taken(connection, name, except)? {
        return Err(invalid("name", format!("A campaign named \"{name}\" already exists.")));
    }
    Ok(())
}
