use std::fmt;
use std::str::FromStr;

use crate::SourceError;

/// Every kind of job source Jobhound can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Greenhouse,
}

impl SourceKind {
    pub const ALL: &'static [SourceKind] = &[SourceKind::Greenhouse];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Greenhouse => "greenhouse",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            SourceKind::Greenhouse => "Greenhouse",
        }
    }

    /// The public API root, replaced in tests and for mirrors by `JOBHOUND_BASE_URL_<KIND>`.
    pub fn default_base_url(self) -> &'static str {
        match self {
            SourceKind::Greenhouse => "https://boards-api.greenhouse.io",
        }
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
            .copied()
            .find(|kind| kind.as_str() == wanted)
            .ok_or_else(|| SourceError::UnknownKind(name.to_string()))
    }
}
