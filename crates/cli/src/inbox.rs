//! `jobhound-cli inbox`: replies from employers.

use std::path::Path;

use jobhound_inbox::{classify as classify_message, read_message};
use serde_json::json;

use crate::commands::Failure;
use crate::output::{json_line, line};

/// `{"status", "confidence", "evidence"}` for one `.eml` file.
pub fn classify(file: &Path, json: bool) -> Result<(), Failure> {
    let raw =
        std::fs::read(file).map_err(|error| Failure::input(format!("cannot read {}: {error}", file.display())))?;
    let message = read_message(&raw).map_err(|error| Failure::input(format!("{}: {error}", file.display())))?;
    let read = classify_message(&message);
    if json {
        return json_line(&json!({"status": read.status, "confidence": read.confidence, "evidence": read.evidence}));
    }
    line(&format!("{} ({:.0}% sure): {}", read.status.as_str(), read.confidence * 100.0, read.evidence))
}
