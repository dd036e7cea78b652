//! Writing results: one line of text for people, or one JSON object per line with `--json`.

use std::io::Write;

use serde::Serialize;

use crate::commands::Failure;

/// Prints `value` as one line of JSON.
pub fn json_line(value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string(value).map_err(|error| Failure::internal(error.to_string()))?;
    line(&text)
}

pub fn line(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    match writeln!(stdout, "{text}") {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|error| Failure::internal(error.to_string())),
    }
}
