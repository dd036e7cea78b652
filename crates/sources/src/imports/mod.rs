//! CSV files written by other job-search tools, and jobs saved from the browser, read as postings so they go through the same
//! pipeline (normalize, merge duplicates, rank) as fetched ones. They are imported from a file;
//! there is nothing to fetch.

pub mod browser;
pub mod jobfunnel;
pub mod jobspy;

use serde_json::{Map, Value};

use crate::source::{BoxFuture, FetchOutcome};
use crate::{SourceError, SourceKind};

/// One CSV row by column name; every value as text, as the file has it.
pub(crate) struct Row(Map<String, Value>);

impl Row {
    /// The trimmed value of `column`, `None` when missing, empty or a pandas "nan".
    pub fn get(&self, column: &str) -> Option<&str> {
        self.0.get(column).and_then(Value::as_str).map(str::trim).filter(|value| {
            !value.is_empty() && !value.eq_ignore_ascii_case("nan") && !value.eq_ignore_ascii_case("none")
        })
    }

    pub fn number(&self, column: &str) -> Option<f64> {
        self.get(column).and_then(|value| value.replace(',', "").parse().ok())
    }

    pub fn into_payload(self) -> Value {
        Value::Object(self.0)
    }
}

/// Reads every row of a CSV whose header must include `required` columns (the file's tool is
/// named in the refusal). A UTF-8 byte-order mark (pandas' `utf-8-sig`) is skipped.
pub(crate) fn read_rows(body: &[u8], tool: &str, required: &[&str]) -> Result<Vec<Row>, SourceError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let malformed = |reason: String| SourceError::Malformed { what: format!("the {tool} CSV"), reason };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .map_err(|error| malformed(format!("no header row ({error})")))?
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<&str> = required.iter().copied().filter(|column| !header.iter().any(|h| h == column)).collect();
    if !missing.is_empty() {
        return Err(malformed(format!(
            "it has no {} column{}; is it a {tool} file?",
            missing.join(", "),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|error| malformed(format!("row {} cannot be read ({error})", index + 2)))?;
        let fields =
            header.iter().zip(record.iter()).map(|(name, value)| (name.clone(), Value::String(value.to_string())));
        rows.push(Row(fields.collect()));
    }
    Ok(rows)
}

pub(crate) fn not_fetchable(kind: SourceKind) -> SourceError {
    SourceError::BadParam {
        kind: kind.display_name(),
        input: String::new(),
        hint: "this is a file to import, not a board to watch: use Import on the Jobs page or `jobhound-cli import`",
    }
}

pub(crate) fn no_fetch<'a>(kind: SourceKind) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
    Box::pin(async move { Err(not_fetchable(kind)) })
}
