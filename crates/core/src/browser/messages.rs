//! What the "Save to Jobhound" extension may ask the host: `save` a page's posting as a job, and
//! `track` a job it just saved (put it on the applications board, as the person clicked).

use serde::Deserialize;
use serde_json::{Value, json};

use crate::applying::Actor;
use crate::browser::native_messaging::AnswerFields;
use crate::{CoreError, Jobhound};

#[derive(Deserialize)]
struct Kind {
    #[serde(rename = "type")]
    kind: String,
}

/// `{"type": "track", "job_id": N}`: nothing else is read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrackMessage {
    #[serde(rename = "type")]
    _kind: String,
    job_id: i64,
}

fn refused(reason: impl Into<String>) -> CoreError {
    CoreError::InvalidInput(reason.into())
}

fn fields(value: Value) -> AnswerFields {
    match value {
        Value::Object(map) => map,
        _ => AnswerFields::new(),
    }
}

impl Jobhound {
    /// Does what one message from the extension asks and returns what to answer it.
    pub fn answer_browser_message(&self, body: &[u8]) -> Result<AnswerFields, CoreError> {
        let kind: Kind =
            serde_json::from_slice(body).map_err(|error| refused(format!("it is not a message: {error}")))?;
        match kind.kind.as_str() {
            "save" => {
                let saved = self.save_from_browser(body)?;
                Ok(fields(json!({"job_id": saved.job_id, "new_job": saved.new_job})))
            }
            "track" => {
                let message: TrackMessage = serde_json::from_slice(body)
                    .map_err(|error| refused(format!("it is not a track message: {error}")))?;
                let (application, added) = self.save_to_applications(message.job_id, Actor::You)?;
                Ok(fields(json!({
                    "application_id": application.summary.id,
                    "status": application.summary.status,
                    "new_application": added,
                })))
            }
            other => Err(refused(format!("unknown message type \"{}\"", other.chars().take(40).collect::<String>()))),
        }
    }
}
