//! The model's word on one email: the status it reads and the sentence it quotes for it.

use serde::Deserialize;

use crate::LlmError;

/// What the model answered, as written; the caller checks the status is one it knows and the
/// evidence is in the email.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MailReading {
    pub status: String,
    #[serde(default)]
    pub evidence: String,
}

/// The JSON object in the answer (models wrap it in fences or sentences).
pub fn parse_mail_reading(answer: &str) -> Result<MailReading, LlmError> {
    let (Some(start), Some(end)) = (answer.find('{'), answer.rfind('}')) else {
        return Err(LlmError::BadResponse("the answer had no JSON object in it".into()));
    };
    if end < start {
        return Err(LlmError::BadResponse("the answer had no JSON object in it".into()));
    }
    let mut reading: MailReading = serde_json::from_str(&answer[start..=end]).map_err(|error| {
        LlmError::BadResponse(format!("the JSON in the answer did not have the expected keys: {error}"))
    })?;
    reading.status = reading.status.trim().to_ascii_lowercase();
    reading.evidence = reading.evidence.trim().to_string();
    Ok(reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_status_and_evidence_inside_a_fence() {
        let reading = parse_mail_reading(
            "```json\n{\"status\": \" Rejected\", \"evidence\": \"We will keep your CV on file.\"}\n```",
        )
        .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(reading.status, "rejected");
        assert_eq!(reading.evidence, "We will keep your CV on file.");
        assert!(parse_mail_reading("It is a rejection.").is_err());
    }
}
