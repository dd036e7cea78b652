//! `jobhound-cli eval dedup`: precision and recall of duplicate merging on labelled pairs.

use std::path::Path;

use jobhound_bench::dedup_eval::{LabelledPair, evaluate};

use crate::commands::Failure;
use crate::output::{json_line, line};

/// Built by scripts/make-dedup-eval.py from the recorded payloads.
const BUNDLED: &str = include_str!("../../../assets/eval/dedup-pairs.jsonl");

pub fn dedup(pairs_file: Option<&Path>, json: bool) -> Result<(), Failure> {
    let text = match pairs_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|error| Failure::input(format!("cannot read {}: {error}", path.display())))?,
        None => BUNDLED.to_string(),
    };
    let mut pairs = Vec::new();
    for (number, row) in text.lines().enumerate().filter(|(_, row)| !row.trim().is_empty()) {
        let pair: LabelledPair = serde_json::from_str(row)
            .map_err(|error| Failure::input(format!("line {}: not a labelled pair ({error})", number + 1)))?;
        pairs.push(pair);
    }
    if pairs.is_empty() {
        return Err(Failure::input("no labelled pairs to evaluate"));
    }
    let evaluation = evaluate(&pairs);
    if json {
        return json_line(&serde_json::json!({
            "precision": evaluation.precision(),
            "recall": evaluation.recall(),
            "pairs": evaluation.pairs,
            "true_positives": evaluation.true_positives,
            "false_positives": evaluation.false_positives,
            "false_negatives": evaluation.false_negatives,
            "true_negatives": evaluation.true_negatives,
            "mistakes": evaluation.mistakes,
        }));
    }
    for mistake in evaluation.mistakes.iter().take(25) {
        line(mistake)?;
    }
    line(&format!(
        "true positives {}, false positives {}, false negatives {}, true negatives {}",
        evaluation.true_positives, evaluation.false_positives, evaluation.false_negatives, evaluation.true_negatives
    ))?;
    line(&format!(
        "precision {:.4} recall {:.4} pairs {}",
        evaluation.precision(),
        evaluation.recall(),
        evaluation.pairs
    ))
}
