//! Digest webhooks: one JSON POST per digest that Slack (`text`), Discord (`content`) and ntfy
//! (`topic`, `title`, `message`, posted to the server's root) all read. Digests wait in an outbox
//! until delivered; failures are retried with growing gaps and their error is shown, never dropped.

use chrono::{DateTime, Duration, Utc};
use jobhound_sources::HttpClient;
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::alerts::digests::Digest;
use crate::{CoreError, Store, time};

/// Where to POST and what, for a campaign's webhook URL.
pub fn request_for(url: &str, digest: &Digest) -> (String, String) {
    let lines: Vec<String> = digest
        .top
        .iter()
        .map(|found| {
            let why = found.reasons.first().map(|reason| format!(" - {reason}")).unwrap_or_default();
            format!("{} at {} ({}){why}", found.title, found.company, found.score)
        })
        .collect();
    let message = lines.join("\n");
    let text = format!("{}\n{message}", digest.title());
    let (target, topic) = ntfy_topic(url).unwrap_or_else(|| (url.to_string(), String::new()));
    let mut body = json!({
        "text": text,
        "content": text.chars().take(2000).collect::<String>(),
        "title": digest.title(),
        "message": message,
        "campaign": digest.campaign,
        "count": digest.count,
        "matches": digest.top,
    });
    if !topic.is_empty() {
        body["topic"] = json!(topic);
    }
    (target, body.to_string())
}

/// ntfy takes JSON only at its root with the topic inside: `https://ntfy.sh/jobs` becomes a POST
/// to `https://ntfy.sh/` with `"topic": "jobs"`. Other URLs are used as given.
fn ntfy_topic(url: &str) -> Option<(String, String)> {
    let parsed = url::Url::parse(url).ok()?;
    if !parsed.host_str()?.contains("ntfy") {
        return None;
    }
    let segments: Vec<&str> = parsed.path_segments()?.filter(|segment| !segment.is_empty()).collect();
    let [topic] = segments.as_slice() else { return None };
    let mut root = parsed.clone();
    root.set_path("/");
    Some((root.to_string(), (*topic).to_string()))
}

pub fn enqueue(tx: &Transaction<'_>, campaign_id: i64, url: &str, digest: &Digest, now: &str) -> Result<(), CoreError> {
    let (target, body) = request_for(url, digest);
    tx.execute(
        "INSERT INTO webhook_outbox (campaign_id, url, body, next_try_at, created_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![campaign_id, target, body, now],
    )?;
    Ok(())
}

/// The gap before the next try after `attempts` failures: 1 min, 5 min, 30 min, then every 2 h.
fn backoff(attempts: u32) -> Duration {
    match attempts {
        0 | 1 => Duration::minutes(1),
        2 => Duration::minutes(5),
        3 => Duration::minutes(30),
        _ => Duration::hours(2),
    }
}

/// POSTs every digest that is due; returns how many were delivered.
pub async fn deliver_due(store: &Store, http: &HttpClient, now: DateTime<Utc>) -> Result<u32, CoreError> {
    // Digests wait in the outbox until the person has seen where a restored backup sends them.
    if store.read(crate::your_data::destinations::unconfirmed)? {
        return Ok(0);
    }
    let stamp = time::to_rfc3339(now);
    let due: Vec<(i64, String, String, u32)> = store.read(|connection| {
        let mut statement = connection.prepare_cached(
            "SELECT id, url, body, attempts FROM webhook_outbox
             WHERE delivered_at IS NULL AND next_try_at <= ?1 ORDER BY id LIMIT 20",
        )?;
        let rows = statement.query_map([&stamp], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    })?;
    let mut delivered = 0;
    for (id, url, body, attempts) in due {
        let result = http.post_json(&url, &body, "the campaign's webhook").await;
        store.write(|tx| match &result {
            Ok(()) => {
                tx.execute("UPDATE webhook_outbox SET delivered_at = ?2, last_error = NULL WHERE id = ?1", params![id, stamp])?;
                Ok(())
            }
            Err(error) => {
                let next = time::to_rfc3339(now + backoff(attempts + 1));
                tx.execute(
                    "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?2, next_try_at = ?3 WHERE id = ?1",
                    params![id, error.to_string(), next],
                )?;
                Ok(())
            }
        })?;
        if result.is_ok() {
            delivered += 1;
        } else if let Err(error) = &result {
            tracing::warn!("webhook delivery failed, will retry: {error}");
        }
    }
    Ok(delivered)
}

/// A campaign's webhook digests that have not arrived yet, for its status.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PendingWebhook {
    pub attempts: u32,
    pub last_error: Option<String>,
    pub next_try_at: String,
    pub created_at: String,
}

pub fn pending(connection: &Connection, campaign_id: i64) -> Result<Vec<PendingWebhook>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT attempts, last_error, next_try_at, created_at FROM webhook_outbox
         WHERE campaign_id = ?1 AND delivered_at IS NULL ORDER BY id",
    )?;
    let rows = statement.query_map([campaign_id], |row| {
        Ok(PendingWebhook {
            attempts: row.get(0)?,
            last_error: row.get(1)?,
            next_try_at: row.get(2)?,
            created_at: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alerts::digests::DigestMatch;

    fn digest() -> Digest {
        Digest {
            campaign_id: 1,
            campaign: "Rust".into(),
            count: 4,
            top: vec![DigestMatch {
                job_id: 9,
                title: "Rust Engineer".into(),
                company: "Acme".into(),
                score: 88,
                reasons: vec!["keywords: title: rust".into()],
            }],
        }
    }

    #[test]
    fn one_body_is_read_by_slack_discord_and_ntfy() {
        let (url, body) = request_for("https://hooks.slack.com/services/T/B/X", &digest());
        assert_eq!(url, "https://hooks.slack.com/services/T/B/X");
        let body: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        let text = "Rust: 4 new matches\nRust Engineer at Acme (88) - keywords: title: rust";
        assert_eq!(body["text"], text, "Slack");
        assert_eq!(body["content"], text, "Discord");
        assert!(body.get("topic").is_none());

        let (url, body) = request_for("https://ntfy.sh/my-jobs", &digest());
        assert_eq!(url, "https://ntfy.sh/", "ntfy takes JSON at its root");
        let body: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        assert_eq!((body["topic"].as_str(), body["title"].as_str()), (Some("my-jobs"), Some("Rust: 4 new matches")));
        assert_eq!(body["matches"][0]["score"], 88);
    }

    #[test]
    fn retries_spread_out() {
        assert!(backoff(1) < backoff(2) && backoff(2) < backoff(3) && backoff(3) < backoff(4));
        assert_eq!(backoff(9), Duration::hours(2));
    }
}
