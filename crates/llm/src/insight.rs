//! The "quick read" of a job: the model's JSON answer parsed into a summary, the skills asked for,
//! those the resume shows and those it lacks.

use serde::{Deserialize, Serialize};

use crate::LlmError;

/// A model's quick read of a job against the resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insight {
    pub summary: String,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub fits: Vec<String>,
    #[serde(default)]
    pub missing: Vec<String>,
}

/// The JSON object in a model's answer; models often wrap it in a code fence or a sentence.
pub fn parse_insight(answer: &str) -> Result<Insight, LlmError> {
    let start = answer.find('{');
    let end = answer.rfind('}');
    let (Some(start), Some(end)) = (start, end) else {
        return Err(LlmError::BadResponse("the answer had no JSON object in it".into()));
    };
    if end < start {
        return Err(LlmError::BadResponse("the answer had no JSON object in it".into()));
    }
    let mut insight: Insight = serde_json::from_str(&answer[start..=end]).map_err(|error| {
        LlmError::BadResponse(format!("the JSON in the answer did not have the expected keys: {error}"))
    })?;
    if insight.summary.trim().is_empty() {
        return Err(LlmError::BadResponse("the answer had no summary".into()));
    }
    let tidy = |items: &mut Vec<String>, max: usize| {
        items.retain(|item| !item.trim().is_empty());
        items.truncate(max);
    };
    tidy(&mut insight.skills, 12);
    tidy(&mut insight.fits, 5);
    tidy(&mut insight.missing, 5);
    Ok(insight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_inside_a_code_fence() {
        let answer = "Here you go:\n```json\n{\"summary\": \"A Rust role. Remote.\", \"skills\": [\"Rust\", \"\"], \"fits\": [\"parsers\"]}\n```";
        let insight = parse_insight(answer).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(insight.skills, vec!["Rust"]);
        assert!(insight.missing.is_empty());
    }

    #[test]
    fn refuses_prose_and_missing_summary() {
        assert!(parse_insight("I think it fits well").is_err());
        assert!(parse_insight("{\"summary\": \"\"}").is_err());
    }
}
