//! Every source kind Jobhound knows, by the name stored with its postings.

use std::fmt;
use std::str::FromStr;

use crate::SourceError;

// The enum, its list and its stored names are declared from the one list in registry.rs.
use crate::SourceKind;

impl SourceKind {
    pub fn display_name(self) -> &'static str {
        self.info().name
    }

    /// The public API root of the source's main host, replaced in tests and for mirrors by
    /// `JOBHOUND_BASE_URL_<KIND>`. Feeds and pages are fetched from the URL the user gave.
    pub fn default_base_url(self) -> &'static str {
        self.info().base_url
    }

    pub fn base_url_env_var(self) -> String {
        format!("JOBHOUND_BASE_URL_{}", self.as_str().to_ascii_uppercase())
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SourceKind {
    type Err = SourceError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let wanted = name.trim().to_ascii_lowercase();
        SourceKind::ALL
            .iter()
            .chain(SourceKind::IMPORTS)
            .copied()
            .find(|kind| kind.as_str() == wanted)
            .ok_or_else(|| SourceError::UnknownKind(name.to_string()))
    }
}
