//! Helpers shared by every parser.

use serde_json::Value;

use crate::SourceError;

/// An id that may be a JSON number or string.
pub(crate) fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
        _ => None,
    }
}

/// The typed view of a posting's payload, read in place: the payload itself is kept as the raw
/// record, so copying it first (as `from_value` needs) doubled the parse cost of a large board.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(payload: &Value) -> Result<T, String> {
    T::deserialize(payload).map_err(|error| error.to_string())
}

/// Parses each item leniently: an item that does not fit is skipped with a warning, so one odd
/// posting never hides the rest of a board.
pub(crate) fn parse_items<T>(
    source: &str,
    items: Vec<Value>,
    parse: impl Fn(Value) -> Result<Option<T>, String>,
) -> Vec<T> {
    let mut parsed = Vec::with_capacity(items.len());
    for item in items {
        match parse(item) {
            Ok(Some(posting)) => parsed.push(posting),
            Ok(None) => {}
            Err(reason) => tracing::warn!("skipping a {source} item: {reason}"),
        }
    }
    parsed
}

pub(crate) fn malformed(what: &str, error: impl std::fmt::Display) -> SourceError {
    SourceError::Malformed { what: format!("{what} response"), reason: error.to_string() }
}
