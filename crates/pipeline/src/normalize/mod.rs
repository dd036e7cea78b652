//! Turns a source's [`ParsedPosting`] into the fields of a canonical job.

mod country;
mod html;
mod location;
mod seniority;
mod skills;
mod text_facts;

pub use country::countries_in;
pub use html::{html_to_text, is_safe_link, sanitize_html, sanitized_html_to_text};
pub use location::{split_work_mode, work_mode_from_text};
pub use seniority::Seniority;
pub use skills::{Skill, SkillMatcher, skill_matcher};
pub use text_facts::{
    employment_type_from_description, employment_type_from_title, salary_from_text, work_mode_from_description,
};

use chrono::Datelike;
use jobhound_sources::{EmploymentType, ParsedPosting, Salary, WorkMode};

/// A posting's fields as Jobhound stores and shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalizedJob {
    pub title: Option<String>,
    pub company: Option<String>,
    pub locations: Vec<String>,
    pub remote: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub salary: Option<Salary>,
    pub posted_at: Option<String>,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    pub description_html: String,
    pub description_text: String,
    pub skills: Vec<String>,
    pub seniority: Option<Seniority>,
    /// ISO 3166-1 alpha-2 codes of the countries the locations name.
    pub countries: Vec<String>,
    /// A fault that keeps the posting from becoming a job, found while normalizing.
    pub problem: Option<Rejection>,
}

const MAX_DESCRIPTION_BYTES: usize = 1024 * 1024;

/// Why a posting could not become a job. The raw posting is kept either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    NoTitle,
    NoCompany,
    /// Posted before job boards existed or more than two days in the future.
    AbsurdDate,
    /// A description over a megabyte is a broken page, not a job ad.
    HugeDescription,
}

impl Rejection {
    pub fn as_str(&self) -> &'static str {
        match self {
            Rejection::NoTitle => "no title",
            Rejection::NoCompany => "no company",
            Rejection::AbsurdDate => "absurd posting date",
            Rejection::HugeDescription => "description over 1 MB",
        }
    }
}

impl NormalizedJob {
    /// Why this cannot be stored as a job, if it cannot.
    pub fn rejection(&self) -> Option<Rejection> {
        if self.title.is_none() {
            Some(Rejection::NoTitle)
        } else if self.company.is_none() {
            Some(Rejection::NoCompany)
        } else {
            self.problem.clone()
        }
    }
}

/// Normalizes `posting`; `fallback_company` names the employer when the source lists a single
/// company's board but leaves the name out of each post. Unknown fields stay `None`.
pub fn normalize(posting: &ParsedPosting, fallback_company: Option<&str>) -> NormalizedJob {
    let clean = |text: Option<&str>| text.map(collapse_whitespace).filter(|text| !text.is_empty());
    let title = clean(posting.title.as_deref());
    let company = clean(posting.company.as_deref()).or_else(|| clean(fallback_company));

    let mut text_mode = None;
    let mut locations = Vec::new();
    for raw in &posting.locations {
        let (mode, place) = split_work_mode(raw);
        text_mode = text_mode.or(mode);
        if let Some(place) = place
            && !locations.contains(&place)
        {
            locations.push(place);
        }
    }
    // A runaway description is neither sanitized nor indexed: it is kept raw and flagged.
    let oversized = posting.description_html.as_ref().is_some_and(|html| html.len() > MAX_DESCRIPTION_BYTES);
    let description_html = match &posting.description_html {
        Some(html) if !oversized => sanitize_html(html),
        _ => String::new(),
    };
    let absurd_date = posting
        .posted_at
        .is_some_and(|posted| posted.year() < 1995 || posted > chrono::Utc::now() + chrono::Duration::days(2));
    let problem = if oversized {
        Some(Rejection::HugeDescription)
    } else if absurd_date {
        Some(Rejection::AbsurdDate)
    } else {
        None
    };
    let description_text = sanitized_html_to_text(&description_html);
    // Structured fields first, then location labels, then what the title and text say.
    let remote = posting.work_mode.or(text_mode).or_else(|| work_mode_from_description(&description_text));
    let employment_type = posting
        .employment_type
        .or_else(|| title.as_deref().and_then(employment_type_from_title))
        .or_else(|| employment_type_from_description(&description_text));
    let salary = posting.salary.clone().or_else(|| salary_from_text(&description_text));
    let seniority =
        title.as_deref().and_then(Seniority::from_title).or_else(|| Seniority::from_text(&description_text));
    let mut countries: Vec<String> = Vec::new();
    for code in posting.locations.iter().flat_map(|raw| countries_in(raw)) {
        if !countries.contains(&code) {
            countries.push(code);
        }
    }
    // The employer's own name is not a skill the job asks for ("About Vercel" in a Vercel job).
    let skills: Vec<String> = skill_matcher()
        .find(&format!("{}\n{description_text}", title.as_deref().unwrap_or_default()))
        .into_iter()
        .filter(|skill| company.as_deref().is_none_or(|company| !company.eq_ignore_ascii_case(skill)))
        .collect();

    NormalizedJob {
        title,
        company,
        locations,
        remote,
        employment_type,
        salary,
        posted_at: posting.posted_at.map(crate::time::to_rfc3339),
        url: posting.url.clone(),
        apply_url: posting.apply_url.clone().or_else(|| posting.url.clone()),
        description_html,
        description_text,
        skills,
        seniority,
        countries,
        problem,
    }
}

/// `word.to_lowercase()`, borrowed when that changes nothing: most words of a description are
/// already lower-case ASCII, and copying each one was a large part of reading a description.
pub(crate) fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
