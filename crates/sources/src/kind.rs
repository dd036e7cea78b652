//! Every source kind Jobhound knows, by the name stored with its postings.

use std::fmt;
use std::str::FromStr;

use crate::SourceError;

/// Every kind of job source Jobhound can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SourceKind {
    Greenhouse,
    Lever,
    Ashby,
    Workable,
    Smartrecruiters,
    Recruitee,
    Remoteok,
    Remotive,
    Arbeitnow,
    Himalayas,
    Themuse,
    Adzuna,
    Usajobs,
    Jsearch,
    Hackernews,
    Rss,
    Jsonld,
    Linkedin,
    /// Rows of a JobSpy CSV, imported from a file.
    Jobspy,
    /// Rows of a JobFunnel master CSV, imported from a file.
    Jobfunnel,
}

impl SourceKind {
    pub const ALL: &'static [SourceKind] = &[
        SourceKind::Greenhouse,
        SourceKind::Lever,
        SourceKind::Ashby,
        SourceKind::Workable,
        SourceKind::Smartrecruiters,
        SourceKind::Recruitee,
        SourceKind::Remoteok,
        SourceKind::Remotive,
        SourceKind::Arbeitnow,
        SourceKind::Himalayas,
        SourceKind::Themuse,
        SourceKind::Adzuna,
        SourceKind::Usajobs,
        SourceKind::Jsearch,
        SourceKind::Hackernews,
        SourceKind::Rss,
        SourceKind::Jsonld,
        SourceKind::Linkedin,
    ];

    /// Files from other tools, read like sources but imported, never watched.
    pub const IMPORTS: &'static [SourceKind] = &[SourceKind::Jobspy, SourceKind::Jobfunnel];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Greenhouse => "greenhouse",
            SourceKind::Lever => "lever",
            SourceKind::Ashby => "ashby",
            SourceKind::Workable => "workable",
            SourceKind::Smartrecruiters => "smartrecruiters",
            SourceKind::Recruitee => "recruitee",
            SourceKind::Remoteok => "remoteok",
            SourceKind::Remotive => "remotive",
            SourceKind::Arbeitnow => "arbeitnow",
            SourceKind::Himalayas => "himalayas",
            SourceKind::Themuse => "themuse",
            SourceKind::Adzuna => "adzuna",
            SourceKind::Usajobs => "usajobs",
            SourceKind::Jsearch => "jsearch",
            SourceKind::Hackernews => "hackernews",
            SourceKind::Rss => "rss",
            SourceKind::Jsonld => "jsonld",
            SourceKind::Linkedin => "linkedin",
            SourceKind::Jobspy => "jobspy",
            SourceKind::Jobfunnel => "jobfunnel",
        }
    }

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
