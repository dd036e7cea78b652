//! `jobhound-cli eval dedup`, `eval fabrication` and `eval inbox`: how duplicate merging, the
//! tailored-resume fabrication check and the inbox's rules do on labelled data.

use std::path::Path;

use jobhound_bench::dedup_eval::{LabelledPair, evaluate};
use jobhound_bench::fabrication_eval::{self, TailoredPair};

use crate::commands::Failure;
use crate::output::{json_line, line};

/// Built by scripts/make-dedup-eval.py from the recorded payloads.
const BUNDLED: &str = include_str!("../../../assets/eval/dedup-pairs.jsonl");
/// Built by scripts/make-fabrication-eval.py from public resumes and tailored versions of them.
const BUNDLED_TAILORED: &str = include_str!("../../../assets/eval/fabrication-pairs.jsonl");

/// The JSON lines of `pairs_file`, or of the bundled set.
fn read_pairs<T: serde::de::DeserializeOwned>(pairs_file: Option<&Path>, bundled: &str) -> Result<Vec<T>, Failure> {
    let text = match pairs_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|error| Failure::input(format!("cannot read {}: {error}", path.display())))?,
        None => bundled.to_string(),
    };
    let mut pairs = Vec::new();
    for (number, row) in text.lines().enumerate().filter(|(_, row)| !row.trim().is_empty()) {
        let pair: T = serde_json::from_str(row)
            .map_err(|error| Failure::input(format!("line {}: not a labelled pair ({error})", number + 1)))?;
        pairs.push(pair);
    }
    if pairs.is_empty() {
        return Err(Failure::input("no labelled pairs to evaluate"));
    }
    Ok(pairs)
}

/// Prints the mistakes, then `precision P recall R pairs N` as the last line.
pub fn fabrication(pairs_file: Option<&Path>, json: bool) -> Result<(), Failure> {
    let pairs: Vec<TailoredPair> = read_pairs(pairs_file, BUNDLED_TAILORED)?;
    let score = fabrication_eval::evaluate(&pairs);
    if json {
        return json_line(&serde_json::json!({
            "precision": score.precision(),
            "recall": score.recall(),
            "pairs": score.pairs,
            "inventions": score.inventions,
            "found": score.found,
            "violations": score.violations,
            "false_alarms": score.false_alarms,
            "mistakes": score.mistakes,
        }));
    }
    for mistake in &score.mistakes {
        line(mistake)?;
    }
    line(&format!(
        "{} of {} inventions found; {} of {} violations were false alarms",
        score.found, score.inventions, score.false_alarms, score.violations
    ))?;
    line(&format!("precision {:.4} recall {:.4} pairs {}", score.precision(), score.recall(), score.pairs))
}

/// Prints the mistakes, then `accuracy A messages N` as the last line.
pub fn inbox(dir: Option<&Path>, json: bool) -> Result<(), Failure> {
    // The bundled set is read from the source tree this CLI was built from.
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/eval/inbox");
    let dir = dir.unwrap_or(&bundled);
    if !dir.is_dir() {
        return Err(Failure::input(format!("{} is not a folder of .eml files; pass --dir", dir.display())));
    }
    let score = jobhound_bench::inbox_eval::evaluate(dir).map_err(Failure::input)?;
    if score.messages == 0 {
        return Err(Failure::input(format!("no .eml files in {}", dir.display())));
    }
    if json {
        return json_line(&serde_json::json!({
            "accuracy": score.accuracy(),
            "messages": score.messages,
            "correct": score.correct,
            "rejection_offer_swaps": score.rejection_offer_swaps,
            "mistakes": score.mistakes,
        }));
    }
    for mistake in &score.mistakes {
        line(mistake)?;
    }
    if score.rejection_offer_swaps > 0 {
        line(&format!("{} rejections and offers read as each other", score.rejection_offer_swaps))?;
    }
    line(&format!("accuracy {:.4} messages {}", score.accuracy(), score.messages))
}

pub fn dedup(pairs_file: Option<&Path>, json: bool) -> Result<(), Failure> {
    let pairs: Vec<LabelledPair> = read_pairs(pairs_file, BUNDLED)?;
    let evaluation = evaluate(&pairs);
    let overall = &evaluation.overall;
    if json {
        let categories: serde_json::Map<String, serde_json::Value> = evaluation
            .by_kind
            .iter()
            .map(|(kind, counts)| {
                let recall = (counts.duplicates() > 0).then(|| counts.recall());
                (kind.clone(), serde_json::json!({"pairs": counts.pairs, "precision": counts.precision(), "recall": recall, "counts": counts}))
            })
            .collect();
        return json_line(&serde_json::json!({
            "precision": overall.precision(),
            "recall": overall.recall(),
            "pairs": overall.pairs,
            "true_positives": overall.true_positives,
            "false_positives": overall.false_positives,
            "false_negatives": overall.false_negatives,
            "true_negatives": overall.true_negatives,
            "categories": categories,
            "missed_without_text": evaluation.missed_without_text,
            "mistakes": evaluation.mistakes,
        }));
    }
    for mistake in evaluation.mistakes.iter().take(25) {
        line(mistake)?;
    }
    if evaluation.mistakes.len() > 25 {
        line(&format!("... and {} more (--json lists them all)", evaluation.mistakes.len() - 25))?;
    }
    let width = evaluation.by_kind.keys().map(|kind| kind.chars().count()).max().unwrap_or(0).max(4);
    line(&format!("{:width$}  pairs  precision  recall", "kind"))?;
    for (kind, counts) in &evaluation.by_kind {
        // A kind of only distinct pairs has no recall; its false positives show in its precision.
        let recall = if counts.duplicates() > 0 { format!("{:.4}", counts.recall()) } else { "-".to_string() };
        line(&format!("{kind:width$}  {:5}  {:9.4}  {recall:>6}", counts.pairs, counts.precision()))?;
    }
    line(&format!("duplicates missed with no text on one side to compare: {}", evaluation.missed_without_text))?;
    line(&format!(
        "true positives {}, false positives {}, false negatives {}, true negatives {}",
        overall.true_positives, overall.false_positives, overall.false_negatives, overall.true_negatives
    ))?;
    line(&format!("precision {:.4} recall {:.4} pairs {}", overall.precision(), overall.recall(), overall.pairs))
}
