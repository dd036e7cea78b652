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
    pub fn info(self) -> SourceInfo {
        let ats = |name, base_url, param_example| SourceInfo {
            kind: self,
            name,
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
            politeness: Politeness::default(),
        };
        let board = |name, base_url, terms| SourceInfo {
            kind: self,
            name,
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
            politeness: Politeness::default(),
        };
        match self {
            SourceKind::Greenhouse => SourceInfo {
                // One list call plus a pay-range call per new job: a shorter gap keeps a first
                // fetch of a large board to seconds, not minutes.
                politeness: Politeness { min_interval: Duration::from_millis(200), ..Politeness::default() },
                ..ats("Greenhouse", "https://boards-api.greenhouse.io", "vercel")
            },
            SourceKind::Lever => SourceInfo {
                param_label: "Company site name or jobs.lever.co URL (eu:NAME for the EU host)",
                ..ats("Lever", "https://api.lever.co", "spotify")
            },
            SourceKind::Ashby => ats("Ashby", "https://api.ashbyhq.com", "linear"),
            SourceKind::Workable => SourceInfo {
                terms: "Workable's careers widget is not an official public API: polled slowly, stopped on 401/403/429.",
                politeness: Politeness {
                    min_interval: Duration::from_secs(2),
                    max_retries: 1,
                    stop_on_rate_limit: true,
                },
                ..ats("Workable", "https://apply.workable.com", "vortexa")
            },
            SourceKind::Smartrecruiters => ats("SmartRecruiters", "https://api.smartrecruiters.com", "Ubisoft2"),
            SourceKind::Recruitee => ats("Recruitee", "https://{slug}.recruitee.com", "channable"),
            SourceKind::Remoteok => SourceInfo {
                attribution: Some("Remote OK"),
                ..board(
                    "Remote OK",
                    "https://remoteok.com",
                    "Link back to the job on Remote OK and name Remote OK as the source; don't use its logo.",
                )
            },
            SourceKind::Remotive => SourceInfo {
                attribution: Some("Remotive"),
                min_refresh_minutes: 6 * 60,
                politeness: Politeness { min_interval: Duration::from_secs(30), ..Politeness::default() },
                ..board(
                    "Remotive",
                    "https://remotive.com",
                    "At most 4 requests a day; link back to Remotive and name it as the source; never re-publish its jobs.",
                )
            },
            SourceKind::Arbeitnow => SourceInfo {
                attribution: Some("Arbeitnow"),
                min_refresh_minutes: 60,
                ..board(
                    "Arbeitnow",
                    "https://www.arbeitnow.com",
                    "Free public API: don't abuse it (updated hourly); link back to Arbeitnow.",
                )
            },
            SourceKind::Himalayas => SourceInfo {
                attribution: Some("Himalayas"),
                ..board(
                    "Himalayas",
                    "https://himalayas.app",
                    "Link back to the job on Himalayas and name it as the source.",
                )
            },
            SourceKind::Themuse => SourceInfo {
                keys: &[KeySpec { name: "themuse_api_key", label: "The Muse API key (optional)", required: false }],
                ..board(
                    "The Muse",
                    "https://www.themuse.com",
                    "500 requests an hour without a key, 3600 with one; by using the API you accept The Muse's terms.",
                )
            },
            SourceKind::Adzuna => SourceInfo {
                keys: &[
                    KeySpec { name: "adzuna_app_id", label: "Adzuna app_id", required: true },
                    KeySpec { name: "adzuna_app_key", label: "Adzuna app_key", required: true },
                ],
                attribution: Some("Jobs by Adzuna"),
                param_label: "Keywords (optional: keywords=…&location=…&country=gb)",
                politeness: Politeness { min_interval: Duration::from_secs(3), ..Politeness::default() },
                ..board(
                    "Adzuna",
                    "https://api.adzuna.com",
                    "Free key from developer.adzuna.com; 25 requests a minute, 250 a day; show \"Jobs by Adzuna\".",
                )
            },
            SourceKind::Usajobs => SourceInfo {
                keys: &[
                    KeySpec { name: "usajobs_api_key", label: "USAJOBS Authorization-Key", required: true },
                    KeySpec { name: "usajobs_email", label: "Email registered with USAJOBS", required: true },
                ],
                ..board(
                    "USAJOBS",
                    "https://data.usajobs.gov",
                    "Free key from developer.usajobs.gov, sent with the email you registered; be modest.",
                )
            },
            SourceKind::Jsearch => SourceInfo {
                keys: &[KeySpec { name: "jsearch_api_key", label: "RapidAPI key for JSearch", required: true }],
                ..board(
                    "JSearch",
                    "https://jsearch.p.rapidapi.com",
                    "Paid per request through RapidAPI; each page costs quota on your plan.",
                )
            },
            SourceKind::Hackernews => SourceInfo {
                category: SourceCategory::Feed,
                param_label: "Thread id (empty for the latest \"Who is hiring?\")",
                param_example: "",
                attribution: Some("Hacker News"),
                ..board(
                    "Hacker News: Who is hiring?",
                    "https://hn.algolia.com",
                    "Algolia's HN API allows 10,000 requests an hour; posts belong to their authors.",
                )
            },
            SourceKind::Rss => SourceInfo {
                category: SourceCategory::Feed,
                param_label: "RSS or Atom feed URL",
                param_example: "https://weworkremotely.com/categories/remote-programming-jobs.rss",
                param_optional: false,
                min_refresh_minutes: 60,
                ..board("RSS / Atom feed", "", "Respect the feed's own terms; We Work Remotely refreshes hourly.")
            },
            SourceKind::Jsonld => SourceInfo {
                category: SourceCategory::Feed,
                param_label: "Job or careers page URL",
                param_example: "https://example.com/careers",
                param_optional: false,
                ..board("Careers page (schema.org JobPosting)", "", "Respect the site's terms and robots.txt.")
            },
            SourceKind::Linkedin => SourceInfo {
                opt_in_warning: Some(
                    "LinkedIn's User Agreement forbids scraping. Jobhound reads only the logged-out job search, slowly, and stops at the first refusal; turn it on only if you accept that risk.",
                ),
                attribution: Some("LinkedIn"),
                politeness: Politeness {
                    min_interval: Duration::from_secs(5),
                    max_retries: 0,
                    stop_on_rate_limit: true,
                },
                ..board(
                    "LinkedIn (guest search)",
                    "https://www.linkedin.com",
                    "Against LinkedIn's terms: off by default, a few pages at a time, stop on the first 429.",
                )
            },
            SourceKind::Jobspy => SourceInfo {
                category: SourceCategory::Import,
                param_label: "A CSV written by JobSpy",
                param_example: "jobs.csv",
                ..board("JobSpy import", "", "Imported from your own file.")
            },
            SourceKind::Jobfunnel => SourceInfo {
                category: SourceCategory::Import,
                param_label: "JobFunnel's master CSV",
                param_example: "master.csv",
                ..board("JobFunnel import", "", "Imported from your own file.")
            },
        }
    }
}

/// Every source, in the order they are listed to the user.
pub fn all_sources() -> Vec<SourceInfo> {
    SourceKind::ALL.iter().map(|kind| kind.info()).collect()
}
