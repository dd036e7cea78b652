//! The hosts Jobhound's data goes to besides the job boards: the writing assistant (the job, the
//! resume's text, notes and the API key) and each campaign's webhook. After a restore these come
//! from a file someone else may have made, so nothing is sent until the person has seen them.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::your_data::backup::DESTINATIONS_UNCONFIRMED;
use crate::{CoreError, applying::llm_settings, store::settings};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WebhookDestination {
    pub campaign_id: i64,
    pub campaign: String,
    pub url: String,
}

/// Where data goes, and whether a restore left these waiting for the person's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Destinations {
    pub assistant_base_url: String,
    pub webhooks: Vec<WebhookDestination>,
    pub unconfirmed: bool,
}

pub fn unconfirmed(connection: &Connection) -> Result<bool, CoreError> {
    settings::get_bool(connection, DESTINATIONS_UNCONFIRMED)
}

pub fn list(connection: &Connection) -> Result<Destinations, CoreError> {
    let mut statement = connection.prepare(
        "SELECT id, name, webhook_url FROM campaigns WHERE COALESCE(webhook_url, '') <> '' ORDER BY name, id",
    )?;
    let webhooks = statement
        .query_map([], |row| {
            Ok(WebhookDestination { campaign_id: row.get(0)?, campaign: row.get(1)?, url: row.get(2)? })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Destinations {
        assistant_base_url: llm_settings::get(connection)?.base_url,
        webhooks,
        unconfirmed: unconfirmed(connection)?,
    })
}

pub fn confirm(tx: &Transaction<'_>) -> Result<(), CoreError> {
    tx.execute("DELETE FROM settings WHERE key = ?1", [DESTINATIONS_UNCONFIRMED])?;
    Ok(())
}

/// Refuses to send while a restore's destinations wait for confirmation.
pub fn require_confirmed(connection: &Connection) -> Result<(), CoreError> {
    if !unconfirmed(connection)? {
        return Ok(());
    }
    let found = list(connection)?;
    let hooks = match found.webhooks.len() {
        0 => String::new(),
        1 => " and 1 campaign webhook".to_string(),
        n => format!(" and {n} campaign webhooks"),
    };
    Err(CoreError::DestinationsUnconfirmed(format!(
        "This data was restored from a backup. Confirm where Jobhound sends it (the writing assistant at {}{hooks}) \
         under Settings → Your data before anything is sent.",
        found.assistant_base_url
    )))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::Arc;

    use crate::Jobhound;
    use crate::alerts::digests::Digest;
    use crate::alerts::webhook;
    use crate::campaigns::model::CampaignInput;
    use crate::store::secrets::MemorySecrets;

    #[test]
    fn restored_webhooks_stay_queued_until_the_person_confirms_them() {
        let dir = tempfile::tempdir().unwrap();
        let app = Jobhound::open(&dir.path().join("data")).unwrap().with_secrets(Arc::new(MemorySecrets::default()));
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let hook = runtime.block_on(wiremock::MockServer::start());
        runtime.block_on(
            wiremock::Mock::given(wiremock::matchers::method("POST"))
                .respond_with(wiremock::ResponseTemplate::new(200))
                .mount(&hook),
        );
        let campaign = app
            .create_campaign(&CampaignInput {
                name: "Sales".into(),
                webhook_url: Some(format!("{}/hook", hook.uri())),
                ..Default::default()
            })
            .unwrap();
        let digest = Digest { campaign_id: campaign.id, campaign: "Sales".into(), count: 1, top: Vec::new() };
        app.store()
            .write(|tx| {
                webhook::enqueue(tx, campaign.id, &format!("{}/hook", hook.uri()), &digest, "2026-01-01T00:00:00Z")
            })
            .unwrap();
        let backup = dir.path().join("with-webhook.db");
        app.back_up(&backup).unwrap();

        assert!(app.restore(&backup).unwrap().destinations_to_confirm);
        let now = chrono::Utc::now();
        let sent = runtime.block_on(webhook::deliver_due(app.store(), app.http(), now)).unwrap();
        assert_eq!(sent, 0, "nothing is posted before the person allows it");
        assert!(runtime.block_on(hook.received_requests()).unwrap().is_empty());
        assert_eq!(app.destinations().unwrap().webhooks[0].campaign, "Sales");

        app.confirm_destinations().unwrap();
        let sent = runtime.block_on(webhook::deliver_due(app.store(), app.http(), now)).unwrap();
        assert_eq!(sent, 1, "the queued digest goes once allowed");
    }
}
