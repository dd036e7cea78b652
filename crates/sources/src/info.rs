//! What each source is, what the user gives it, what it needs and what its terms ask.

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::SourceKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceCategory {
    /// A company's applicant-tracking board, one company at a time.
    Ats,
    /// A job board searched by keywords.
    Board,
    /// A feed or page URL.
    Feed,
    /// A file written by another job-search tool, imported once.
    Import,
}

/// A secret a source needs, stored in the OS keychain under `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct KeySpec {
    pub name: &'static str,
    pub label: &'static str,
    pub required: bool,
}

/// How gently a source's host is treated: the gap between requests and whether a 429 is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Politeness {
    pub min_interval: Duration,
    pub max_retries: u32,
    /// Stop on the first 429 rather than waiting and retrying.
    pub stop_on_rate_limit: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SourceInfo {
    pub kind: SourceKind,
    pub name: &'static str,
    /// The short name shown beside each job, in filters and on the dashboard.
    pub label: &'static str,
    pub category: SourceCategory,
    /// What the user provides, e.g. "Board token or careers URL".
    pub param_label: &'static str,
    pub param_example: &'static str,
    /// Whether the parameter may be left empty (the whole board, or the latest thread).
    pub param_optional: bool,
    pub keys: &'static [KeySpec],
    /// The terms a user of this source should respect, in a sentence.
    pub terms: &'static str,
    /// Credit the source's terms require next to each of its jobs.
    pub attribution: Option<&'static str>,
    /// Off until the user turns it on, with this warning.
    pub opt_in_warning: Option<&'static str>,
    /// The shortest time between two fetches of one parameter that the source's terms allow.
    pub min_refresh_minutes: u32,
    #[serde(skip)]
    #[ts(skip)]
    pub base_url: &'static str,
    #[serde(skip)]
    #[ts(skip)]
    pub politeness: Politeness,
}

const NO_KEYS: &[KeySpec] = &[];

const ATS_TERMS: &str = "Public job board API of the company's applicant-tracking system; fetch a few times a day.";

impl SourceKind {
    /// The source's catalog entry, kept in the source's own file.
    pub fn info(self) -> SourceInfo {
        crate::registry::source(self).info()
    }
}

impl SourceInfo {
    /// A company's applicant-tracking board, the defaults every ATS shares.
    pub const fn ats(
        kind: SourceKind,
        name: &'static str,
        base_url: &'static str,
        param_example: &'static str,
    ) -> Self {
        SourceInfo {
            kind,
            name,
            label: name,
            category: SourceCategory::Ats,
            param_label: "Company board token or careers URL",
            param_example,
            param_optional: false,
            keys: NO_KEYS,
            terms: ATS_TERMS,
            attribution: None,
            opt_in_warning: None,
            min_refresh_minutes: 0,
            base_url,
            politeness: Politeness::DEFAULT,
        }
    }

    /// A job board searched by keywords, the defaults every board shares.
    pub const fn board(kind: SourceKind, name: &'static str, base_url: &'static str, terms: &'static str) -> Self {
        SourceInfo {
            kind,
            name,
            label: name,
            category: SourceCategory::Board,
            param_label: "Keywords (optional: keywords=…&location=…)",
            param_example: "rust developer",
            param_optional: true,
            keys: NO_KEYS,
            terms,
            attribution: None,
            opt_in_warning: None,
            min_refresh_minutes: 0,
            base_url,
            politeness: Politeness::DEFAULT,
        }
    }
}

/// Every source, in the order they are listed to the user.
pub fn all_sources() -> Vec<SourceInfo> {
    SourceKind::ALL.iter().map(|kind| kind.info()).collect()
}

#[cfg(test)]
mod tests {
    use crate::SourceKind;

    /// The UI's names and credits of sources, written beside the ts-rs bindings (the folder
    /// `TS_RS_EXPORT_DIR` names, set in .cargo/config.toml) so they are generated from each
    /// source's file, never kept by hand; scripts/test.sh fails when the file differs from the
    /// committed one.
    #[test]
    fn the_ui_source_names_are_written_from_each_source_info() {
        let entry = |kind: &SourceKind, text: &str| {
            format!("\t{}: {},\n", kind.as_str(), serde_json::to_string(text).unwrap_or_default())
        };
        let kinds: Vec<&SourceKind> = SourceKind::ALL.iter().chain(SourceKind::IMPORTS).collect();
        let names: String = kinds.iter().map(|kind| entry(kind, kind.info().label)).collect();
        let credits: String =
            kinds.iter().filter_map(|kind| kind.info().attribution.map(|credit| entry(kind, credit))).collect();
        let text = format!(
            "// Generated from each source's SourceInfo by a test in crates/sources/src/info.rs. Do not edit.\n\n\
             /** The short name of each source kind. */\n\
             export const SOURCE_NAMES: Record<string, string> = {{\n{names}}};\n\n\
             /** The words a source's terms ask for where its jobs are shown. */\n\
             export const SOURCE_CREDITS: Record<string, string> = {{\n{credits}}};\n"
        );
        assert!(text.contains("greenhouse: \"Greenhouse\"") && text.contains("adzuna: \"Jobs by Adzuna\""), "{text}");
        if let Some(dir) = std::env::var_os("TS_RS_EXPORT_DIR") {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(std::path::Path::new(&dir).join("sourceNames.ts"), text).unwrap();
        }
    }
}
