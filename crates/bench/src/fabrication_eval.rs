//! The fabrication check on labelled tailored resumes (`jobhound-cli eval fabrication`): each pair
//! names the inventions planted in its tailored text, and a violation the check reports counts as
//! found when its words and an invention's overlap (one contains the other).

use jobhound_core::resume::{Violation, check_fabrication};
use serde::{Deserialize, Serialize};

/// One line of an evaluation set.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TailoredPair {
    pub original: String,
    pub tailored: String,
    #[serde(default)]
    pub notes: String,
    /// The exact phrases of the tailored text that state what the original does not (for a
    /// dropped bullet, the original bullet's words).
    pub inventions: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FabricationScore {
    pub pairs: usize,
    pub inventions: usize,
    pub found: usize,
    pub violations: usize,
    pub false_alarms: usize,
    /// "pair N: missed 'X'" and "pair N: false alarm 'Y' (kind)", for a person to read.
    pub mistakes: Vec<String>,
}

impl FabricationScore {
    /// Share of the reported violations that are inventions (1 when none were reported).
    pub fn precision(&self) -> f64 {
        if self.violations == 0 { 1.0 } else { (self.violations - self.false_alarms) as f64 / self.violations as f64 }
    }

    /// Share of the inventions the check reported (1 when there were none).
    pub fn recall(&self) -> f64 {
        if self.inventions == 0 { 1.0 } else { self.found as f64 / self.inventions as f64 }
    }
}

fn same_words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn overlaps(violation: &Violation, invention: &str) -> bool {
    let (reported, planted) = (same_words(&violation.text), same_words(invention));
    !reported.is_empty() && (reported.contains(&planted) || planted.contains(&reported))
}

pub fn evaluate(pairs: &[TailoredPair]) -> FabricationScore {
    let mut score = FabricationScore { pairs: pairs.len(), ..FabricationScore::default() };
    for (number, pair) in (1..).zip(pairs) {
        let violations = check_fabrication(&pair.original, &pair.tailored, &pair.notes);
        score.inventions += pair.inventions.len();
        score.violations += violations.len();
        for invention in &pair.inventions {
            if violations.iter().any(|violation| overlaps(violation, invention)) {
                score.found += 1;
            } else {
                score.mistakes.push(format!("pair {number}: missed '{invention}'"));
            }
        }
        for violation in &violations {
            if !pair.inventions.iter().any(|invention| overlaps(violation, invention)) {
                score.false_alarms += 1;
                score.mistakes.push(format!(
                    "pair {number}: false alarm '{}' ({:?}: {})",
                    violation.text, violation.kind, violation.reason
                ));
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled set (assets/eval/fabrication-pairs.jsonl, made by
    /// scripts/make-fabrication-eval.py) meets the bar: at least 95% of the inventions
    /// found, at most 5% false alarms, on at least 30 pairs.
    #[test]
    fn the_bundled_set_meets_the_bar() {
        let pairs: Vec<TailoredPair> = include_str!("../../../assets/eval/fabrication-pairs.jsonl")
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let score = evaluate(&pairs);
        assert!(score.pairs >= 30, "{} pairs", score.pairs);
        assert!(score.recall() >= 0.95, "recall {:.3}: {:#?}", score.recall(), score.mistakes);
        assert!(score.precision() >= 0.95, "precision {:.3}: {:#?}", score.precision(), score.mistakes);
    }

    #[test]
    fn a_missed_invention_and_a_false_alarm_are_both_counted() {
        let pair = TailoredPair {
            original: "Engineer, Acme | 2019 - 2021\n- Built the billing service".into(),
            tailored: "Engineer, Acme | 2019 - 2021\n- Built the billing service for 40 clients".into(),
            notes: String::new(),
            inventions: vec!["Globex".into()],
        };
        let score = evaluate(&[pair]);
        assert_eq!((score.found, score.inventions, score.violations, score.false_alarms), (0, 1, 1, 1));
        assert_eq!((score.precision(), score.recall()), (0.0, 0.0));
    }
}
