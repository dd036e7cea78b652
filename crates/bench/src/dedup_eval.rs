//! `jobhound-cli eval dedup`: how the duplicate rules do on labelled pairs of jobs (precision,
//! recall, and the pairs judged wrongly).

use jobhound_core::dedup::{DedupKey, is_duplicate};
use jobhound_core::parse_output::ParsedJob;

/// One labelled pair of an evaluation set (a line of `eval dedup --pairs`).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct LabelledPair {
    pub a: ParsedJob,
    pub b: ParsedJob,
    pub duplicate: bool,
    /// What variation produced the pair, for reports.
    #[serde(default)]
    pub kind: Option<String>,
}

/// How the rules did on a labelled set.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Evaluation {
    pub pairs: u32,
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
    pub true_negatives: u32,
    /// The pairs judged wrongly, with their kind, for inspection.
    pub mistakes: Vec<String>,
}

impl Evaluation {
    pub fn precision(&self) -> f64 {
        let judged = self.true_positives + self.false_positives;
        if judged == 0 { 1.0 } else { f64::from(self.true_positives) / f64::from(judged) }
    }

    pub fn recall(&self) -> f64 {
        let actual = self.true_positives + self.false_negatives;
        if actual == 0 { 1.0 } else { f64::from(self.true_positives) / f64::from(actual) }
    }
}

/// Judges every pair and counts the outcomes.
pub fn evaluate<'a>(pairs: impl IntoIterator<Item = &'a LabelledPair>) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for (index, pair) in pairs.into_iter().enumerate() {
        evaluation.pairs += 1;
        let judged = is_duplicate(&DedupKey::from(&pair.a), &DedupKey::from(&pair.b));
        match (judged, pair.duplicate) {
            (true, true) => evaluation.true_positives += 1,
            (true, false) => evaluation.false_positives += 1,
            (false, true) => evaluation.false_negatives += 1,
            (false, false) => evaluation.true_negatives += 1,
        }
        if judged != pair.duplicate {
            let title = |job: &ParsedJob| job.title.clone().unwrap_or_default();
            evaluation.mistakes.push(format!(
                "pair {} ({}): labelled {}, judged {}: '{}' vs '{}'",
                index + 1,
                pair.kind.as_deref().unwrap_or("unlabelled"),
                if pair.duplicate { "duplicate" } else { "distinct" },
                if judged { "duplicate" } else { "distinct" },
                title(&pair.a),
                title(&pair.b)
            ));
        }
    }
    evaluation
}
