//! `jobhound-cli eval dedup`: how the duplicate rules do on labelled pairs of jobs (precision,
//! recall, overall and per kind of pair, and the pairs judged wrongly). A pair file may come from
//! any tool: a job's `source` is only a label of where it was seen, and fields Jobhound does not
//! read are ignored.

use std::collections::BTreeMap;

use jobhound_core::dedup::{DedupKey, is_duplicate};
use jobhound_sources::WorkMode;
use serde_json::Value;

/// One job of a labelled pair, as any tool may write it.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct LabelledJob {
    /// Where the job was seen: any board's name, Jobhound's or not.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub source_id: Option<Value>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    /// A list of places, or one place as text (`location`).
    #[serde(default, alias = "location")]
    pub locations: Option<Value>,
    /// `remote`, `hybrid` or `onsite`, or `true` for remote.
    #[serde(default)]
    pub remote: Option<Value>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub apply_url: Option<String>,
    #[serde(default, alias = "description")]
    pub description_text: Option<String>,
}

impl LabelledJob {
    pub fn key(&self) -> DedupKey {
        let locations: Vec<String> = match &self.locations {
            Some(Value::String(place)) => vec![place.clone()],
            Some(Value::Array(places)) => places.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let remote = match &self.remote {
            Some(Value::String(mode)) => WorkMode::parse(&mode.to_ascii_lowercase()),
            Some(Value::Bool(true)) => Some(WorkMode::Remote),
            _ => None,
        };
        DedupKey::new(
            self.title.as_deref().unwrap_or_default(),
            self.company.as_deref().unwrap_or_default(),
            &locations,
            remote,
            self.apply_url.as_deref().or(self.url.as_deref()),
            self.description_text.as_deref().unwrap_or_default(),
        )
    }
}

/// One labelled pair of an evaluation set (a line of `eval dedup --pairs`).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct LabelledPair {
    pub a: LabelledJob,
    pub b: LabelledJob,
    pub duplicate: bool,
    /// What variation produced the pair, for reports.
    #[serde(default)]
    pub kind: Option<String>,
}

/// How the rules did on some pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    pub pairs: u32,
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
    pub true_negatives: u32,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        let judged = self.true_positives + self.false_positives;
        if judged == 0 { 1.0 } else { f64::from(self.true_positives) / f64::from(judged) }
    }

    pub fn recall(&self) -> f64 {
        let actual = self.true_positives + self.false_negatives;
        if actual == 0 { 1.0 } else { f64::from(self.true_positives) / f64::from(actual) }
    }

    /// Pairs labelled duplicate: recall means nothing without any.
    pub fn duplicates(&self) -> u32 {
        self.true_positives + self.false_negatives
    }

    fn count(&mut self, judged: bool, labelled: bool) {
        self.pairs += 1;
        match (judged, labelled) {
            (true, true) => self.true_positives += 1,
            (true, false) => self.false_positives += 1,
            (false, true) => self.false_negatives += 1,
            (false, false) => self.true_negatives += 1,
        }
    }
}

/// How the rules did on a labelled set: overall, per kind of pair, and the pairs judged wrongly.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Evaluation {
    pub overall: Counts,
    pub by_kind: BTreeMap<String, Counts>,
    /// Duplicates missed where one job has no description: with a generic title, no rule can
    /// tell such a listing from another job of that title elsewhere.
    pub missed_without_text: u32,
    /// The pairs judged wrongly, with their kind, for inspection.
    pub mistakes: Vec<String>,
}

const UNLABELLED: &str = "unlabelled";

/// Judges every pair and counts the outcomes.
pub fn evaluate<'a>(pairs: impl IntoIterator<Item = &'a LabelledPair>) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for (index, pair) in pairs.into_iter().enumerate() {
        let judged = is_duplicate(&pair.a.key(), &pair.b.key());
        let kind = pair.kind.as_deref().unwrap_or(UNLABELLED);
        evaluation.overall.count(judged, pair.duplicate);
        evaluation.by_kind.entry(kind.to_string()).or_default().count(judged, pair.duplicate);
        let textless = |job: &LabelledJob| job.description_text.as_deref().is_none_or(|text| text.trim().is_empty());
        if pair.duplicate && !judged && (textless(&pair.a) || textless(&pair.b)) {
            evaluation.missed_without_text += 1;
        }
        if judged != pair.duplicate {
            let title = |job: &LabelledJob| job.title.clone().unwrap_or_default();
            evaluation.mistakes.push(format!(
                "pair {} ({kind}): labelled {}, judged {}: '{}' vs '{}'",
                index + 1,
                if pair.duplicate { "duplicate" } else { "distinct" },
                if judged { "duplicate" } else { "distinct" },
                title(&pair.a),
                title(&pair.b)
            ));
        }
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_board_name_and_other_tools_field_shapes_are_read() {
        let line = r#"{"a": {"source": "jobicy", "title": "Data Engineer", "company": "Acme", "location": "Berlin",
                          "remote": true, "description": "x", "salary": "whatever"},
                       "b": {"source": "some-board", "title": "DATA ENGINEER", "company": "Acme GmbH",
                          "locations": ["Berlin, Germany"], "remote": "Remote"},
                       "duplicate": true, "kind": "from another tool"}"#;
        let pair: LabelledPair = serde_json::from_str(line).unwrap();
        assert_eq!(pair.a.source.as_deref(), Some("jobicy"));
        let evaluation = evaluate([&pair]);
        assert_eq!(evaluation.overall.true_positives, 1, "{:?}", evaluation.mistakes);
        assert_eq!(evaluation.by_kind["from another tool"].recall(), 1.0);
    }

    #[test]
    fn counts_are_kept_per_kind() {
        let job = |title: &str| LabelledJob {
            title: Some(title.into()),
            company: Some("Acme".into()),
            ..LabelledJob::default()
        };
        let pairs = [
            LabelledPair { a: job("Engineer"), b: job("Engineer"), duplicate: true, kind: Some("same".into()) },
            LabelledPair { a: job("Engineer"), b: job("Designer"), duplicate: true, kind: Some("missed".into()) },
            LabelledPair { a: job("Engineer"), b: job("Designer"), duplicate: false, kind: None },
        ];
        let evaluation = evaluate(&pairs);
        assert_eq!(evaluation.overall.pairs, 3);
        assert_eq!(evaluation.overall.recall(), 0.5);
        assert_eq!(evaluation.by_kind["same"].recall(), 1.0);
        assert_eq!(evaluation.by_kind["missed"].recall(), 0.0);
        assert_eq!(evaluation.by_kind[UNLABELLED].true_negatives, 1);
        assert_eq!(evaluation.mistakes.len(), 1);
        assert_eq!(evaluation.missed_without_text, 1, "the missed pair has no text");
    }
}
