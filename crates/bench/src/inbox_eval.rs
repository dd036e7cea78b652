//! The inbox's rules on labelled messages (`jobhound-cli eval inbox`): a folder of `.eml` files
//! named `<status>-<anything>.eml`, each classified and compared with its name.

use std::path::Path;

use jobhound_inbox::{MailStatus, classify, read_message};
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct InboxScore {
    pub messages: usize,
    pub correct: usize,
    /// A rejection read as an offer or the reverse: the mistake that must never happen.
    pub rejection_offer_swaps: usize,
    /// "FILE: labelled X, read as Y (evidence)", for a person to read.
    pub mistakes: Vec<String>,
}

impl InboxScore {
    pub fn accuracy(&self) -> f64 {
        if self.messages == 0 { 0.0 } else { self.correct as f64 / self.messages as f64 }
    }
}

/// Scores every `<status>-*.eml` in `dir`; a file whose name starts with no known status, or that
/// is not an email, is an error naming it.
pub fn evaluate(dir: &Path) -> Result<InboxScore, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
        .collect();
    files.sort();
    let mut score = InboxScore::default();
    for path in files {
        let name = path.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
        let label = name
            .split('-')
            .next()
            .and_then(MailStatus::parse)
            .ok_or_else(|| format!("{name}: the name does not start with a status (received, rejected, …)"))?;
        let raw = std::fs::read(&path).map_err(|error| format!("{name}: {error}"))?;
        let message = read_message(&raw).map_err(|error| format!("{name}: {error}"))?;
        let read = classify(&message);
        score.messages += 1;
        if read.status == label {
            score.correct += 1;
            continue;
        }
        if matches!(
            (label, read.status),
            (MailStatus::Rejected, MailStatus::Offer) | (MailStatus::Offer, MailStatus::Rejected)
        ) {
            score.rejection_offer_swaps += 1;
        }
        score.mistakes.push(format!(
            "{name}: labelled {}, read as {} ({})",
            label.as_str(),
            read.status.as_str(),
            read.evidence
        ));
    }
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled set (assets/eval/inbox, made by scripts/make-inbox-eval.py) meets the issue's
    /// bar without a model: at least 60 messages, accuracy 0.9, no rejection read as an offer or
    /// the reverse.
    #[test]
    fn the_bundled_set_meets_the_bar() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/eval/inbox");
        let score = evaluate(&dir).unwrap();
        assert!(score.messages >= 60, "{} messages", score.messages);
        assert!(score.accuracy() >= 0.9, "accuracy {:.3}: {:#?}", score.accuracy(), score.mistakes);
        assert_eq!(score.rejection_offer_swaps, 0, "{:#?}", score.mistakes);
    }

    #[test]
    fn a_mislabelled_message_is_a_mistake_and_a_bad_name_an_error() {
        let dir = std::env::temp_dir().join(format!("jobhound-inbox-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mail = "From: a@b.example\r\nSubject: Offer\r\n\r\nWe are pleased to offer you the job.\r\n";
        std::fs::write(dir.join("rejected-1.eml"), mail).unwrap();
        let score = evaluate(&dir).unwrap();
        assert_eq!((score.messages, score.correct, score.rejection_offer_swaps), (1, 0, 1));
        std::fs::write(dir.join("maybe-2.eml"), mail).unwrap();
        assert!(evaluate(&dir).unwrap_err().contains("maybe-2.eml"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
