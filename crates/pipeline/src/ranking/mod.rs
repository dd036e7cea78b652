//! Scores a job 0-100 for a campaign from explainable factors, each with its points and evidence,
//! and learns the campaign's weights from what the user does with jobs.

mod learn;
pub(crate) mod similarity;

pub use learn::{Feedback, learn};
pub use similarity::{Idf, cosine_similarity};

use chrono::{DateTime, Utc};
use jobhound_sources::{EmploymentType, WorkMode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dedup::company_key;
use crate::normalize::Seniority;

/// The factors, in the order of [`Weights::values`].
pub const FACTORS: [&str; 9] =
    ["keywords", "skills", "resume", "location", "salary", "seniority", "employment_type", "recency", "company"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RemotePreference {
    /// Anything, remote or not.
    Any,
    /// Only remote jobs; others are filtered out.
    RemoteOnly,
    /// Remote or hybrid.
    RemoteOrHybrid,
    /// Jobs in the wanted locations, any mode.
    InPerson,
}

/// How much each factor counts; learned per campaign, editable, resettable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Weights {
    pub keywords: f64,
    pub skills: f64,
    pub resume: f64,
    pub location: f64,
    pub salary: f64,
    pub seniority: f64,
    pub employment_type: f64,
    pub recency: f64,
    pub company: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            keywords: 3.0,
            skills: 2.5,
            resume: 2.0,
            location: 2.0,
            salary: 1.5,
            seniority: 1.5,
            employment_type: 1.0,
            recency: 1.0,
            company: 0.5,
        }
    }
}

impl Weights {
    pub fn values(&self) -> [f64; 9] {
        [
            self.keywords,
            self.skills,
            self.resume,
            self.location,
            self.salary,
            self.seniority,
            self.employment_type,
            self.recency,
            self.company,
        ]
    }

    pub fn from_values(values: [f64; 9]) -> Self {
        let [keywords, skills, resume, location, salary, seniority, employment_type, recency, company] = values;
        Self { keywords, skills, resume, location, salary, seniority, employment_type, recency, company }
    }
}

/// What a campaign wants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Profile {
    pub keywords: Vec<String>,
    pub excluded_keywords: Vec<String>,
    /// Cities, regions or ISO country codes.
    pub locations: Vec<String>,
    pub remote: RemotePreference,
    /// Yearly pay the job must reach, in `salary_currency`.
    pub salary_floor: Option<f64>,
    pub salary_currency: Option<String>,
    pub seniority: Vec<Seniority>,
    pub employment_types: Vec<EmploymentType>,
    pub skills: Vec<String>,
    pub liked_companies: Vec<String>,
    pub blocked_companies: Vec<String>,
    pub weights: Weights,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            keywords: Vec::new(),
            excluded_keywords: Vec::new(),
            locations: Vec::new(),
            remote: RemotePreference::Any,
            salary_floor: None,
            salary_currency: None,
            seniority: Vec::new(),
            employment_types: Vec::new(),
            skills: Vec::new(),
            liked_companies: Vec::new(),
            blocked_companies: Vec::new(),
            weights: Weights::default(),
        }
    }
}

/// The facts about a job that ranking reads.
#[derive(Debug, Clone, Default)]
pub struct JobFacts<'a> {
    pub title: &'a str,
    pub company: &'a str,
    pub description_text: &'a str,
    pub skills: &'a [String],
    pub locations: &'a [String],
    pub countries: &'a [String],
    pub remote: Option<WorkMode>,
    pub yearly_salary: Option<(Option<f64>, Option<f64>)>,
    pub salary_currency: Option<&'a str>,
    pub seniority: Option<Seniority>,
    pub employment_type: Option<EmploymentType>,
    pub posted_at: Option<DateTime<Utc>>,
}

/// One factor's contribution: `value` in 0..=1, `points` out of the score's 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Factor {
    pub name: String,
    pub value: f64,
    pub points: f64,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ranked {
    pub score: u8,
    pub factors: Vec<Factor>,
    /// Why a hard filter dropped the job, if one did (the score is then 0).
    pub filtered: Option<String>,
}

impl Ranked {
    /// The form stored in `matches.explanation`: the same fields as arrays in declaration order
    /// (`[score, [[name, value, points, evidence], ...], filtered]`), which the derived
    /// `Deserialize` reads like the named form older rows hold, at about half the bytes.
    pub fn to_stored_json(&self) -> serde_json::Result<String> {
        let factors: Vec<(&str, f64, f64, &str)> = self
            .factors
            .iter()
            .map(|factor| (factor.name.as_str(), factor.value, factor.points, factor.evidence.as_str()))
            .collect();
        serde_json::to_string(&(self.score, factors, &self.filtered))
    }

    pub fn values(&self) -> [f64; 9] {
        let mut values = [0.0; 9];
        for (slot, name) in values.iter_mut().zip(FACTORS) {
            *slot = self.factors.iter().find(|factor| factor.name == name).map_or(0.0, |factor| factor.value);
        }
        values
    }
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(&needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A job's text as ranking compares it, computed once per job however many campaigns rank it.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    title: String,
    text: String,
    company: String,
}

impl Lowered {
    pub fn of(job: &JobFacts<'_>) -> Self {
        Self {
            title: job.title.to_lowercase(),
            text: job.description_text.to_lowercase(),
            company: company_key(job.company),
        }
    }
}

/// Scores `job` for `profile`. `resume` is the campaign's resume as a TF-IDF vector (see
/// [`Idf::vector`]); `now` fixes recency for reproducible results.
pub fn rank(
    profile: &Profile,
    job: &JobFacts<'_>,
    resume: Option<&similarity::Vector>,
    idf: &Idf,
    now: DateTime<Utc>,
) -> Ranked {
    rank_lowered(profile, job, &Lowered::of(job), resume, idf, now)
}

/// [`rank`] with the job's [`Lowered`] text already computed.
pub fn rank_lowered(
    profile: &Profile,
    job: &JobFacts<'_>,
    lowered: &Lowered,
    resume: Option<&similarity::Vector>,
    idf: &Idf,
    now: DateTime<Utc>,
) -> Ranked {
    let Lowered { title, text, company } = lowered;
    if let Some(word) =
        profile.excluded_keywords.iter().find(|word| contains_word(title, word) || contains_word(text, word))
    {
        return filtered(format!("mentions the excluded word \"{}\"", word.trim()));
    }
    if profile.blocked_companies.iter().any(|blocked| company_key(blocked) == *company) {
        return filtered(format!("{} is on your blocked list", job.company));
    }
    if profile.remote == RemotePreference::RemoteOnly && matches!(job.remote, Some(WorkMode::Onsite | WorkMode::Hybrid))
    {
        return filtered(format!("not remote ({})", job.remote.map_or("", WorkMode::as_str)));
    }

    let mut factors = vec![
        keywords_factor(profile, title, text),
        skills_factor(profile, job),
        resume_factor(resume, job, idf),
        location_factor(profile, job),
        salary_factor(profile, job),
        seniority_factor(profile, job),
        employment_factor(profile, job),
        recency_factor(job, now),
        company_factor(profile, company),
    ];

    let weights = profile.weights.values();
    let total: f64 = weights.iter().map(|weight| weight.max(0.0)).sum::<f64>().max(f64::EPSILON);
    for (factor, weight) in factors.iter_mut().zip(weights) {
        factor.points = (factor.value * weight.max(0.0) / total * 100.0 * 10.0).round() / 10.0;
    }
    let score = factors.iter().map(|factor| factor.points).sum::<f64>().round().clamp(0.0, 100.0);
    Ranked { score: score as u8, factors, filtered: None }
}

fn filtered(reason: String) -> Ranked {
    Ranked { score: 0, factors: Vec::new(), filtered: Some(reason) }
}

fn factor(name: &str, value: f64, evidence: String) -> Factor {
    Factor { name: name.to_string(), value: value.clamp(0.0, 1.0), points: 0.0, evidence }
}

fn keywords_factor(profile: &Profile, title: &str, text: &str) -> Factor {
    if profile.keywords.is_empty() {
        return factor("keywords", 0.5, "no keywords set".into());
    }
    let mut in_title = Vec::new();
    let mut in_text = Vec::new();
    for keyword in &profile.keywords {
        if contains_word(title, keyword) {
            in_title.push(keyword.trim().to_string());
        } else if contains_word(text, keyword) {
            in_text.push(keyword.trim().to_string());
        }
    }
    // A keyword in the title counts fully, one only in the text counts half.
    let value = (in_title.len() as f64 + 0.5 * in_text.len() as f64) / profile.keywords.len() as f64;
    let evidence = match (in_title.is_empty(), in_text.is_empty()) {
        (true, true) => "none of your keywords".to_string(),
        _ => format!("title: {}; text: {}", list(&in_title), list(&in_text)),
    };
    factor("keywords", value, evidence)
}

fn list(words: &[String]) -> String {
    if words.is_empty() { "-".into() } else { words.join(", ") }
}

fn skills_factor(profile: &Profile, job: &JobFacts<'_>) -> Factor {
    if profile.skills.is_empty() {
        return factor("skills", 0.5, "no skills set".into());
    }
    let matched: Vec<String> = profile
        .skills
        .iter()
        .filter(|wanted| job.skills.iter().any(|skill| skill.eq_ignore_ascii_case(wanted)))
        .cloned()
        .collect();
    let value = matched.len() as f64 / profile.skills.len() as f64;
    factor("skills", value, format!("{} of {} skills: {}", matched.len(), profile.skills.len(), list(&matched)))
}

fn resume_factor(resume: Option<&similarity::Vector>, job: &JobFacts<'_>, idf: &Idf) -> Factor {
    let Some(resume) = resume else {
        return factor("resume", 0.5, "no resume attached".into());
    };
    let job_vector = idf.vector(&format!("{} {}", job.title, job.description_text));
    let similarity = cosine_similarity(resume, &job_vector);
    // Cosine similarities between a resume and a job ad rarely pass 0.5; scale so 0.5 is full.
    let shared = similarity::top_shared_terms(resume, &job_vector, 5);
    factor("resume", similarity * 2.0, format!("similarity {:.2}; shared: {}", similarity, list(&shared)))
}

fn location_factor(profile: &Profile, job: &JobFacts<'_>) -> Factor {
    let remote = job.remote == Some(WorkMode::Remote);
    let wanted_place = profile.locations.iter().find(|wanted| {
        let wanted_lower = wanted.trim().to_lowercase();
        job.countries.iter().any(|code| code.eq_ignore_ascii_case(wanted.trim()))
            || job.locations.iter().any(|place| contains_word(&place.to_lowercase(), &wanted_lower))
    });
    let (value, evidence) = match (&profile.remote, remote, wanted_place) {
        (RemotePreference::RemoteOnly | RemotePreference::RemoteOrHybrid, true, _) => {
            (1.0, "remote, as you want".to_string())
        }
        (RemotePreference::RemoteOrHybrid, false, Some(place)) if job.remote == Some(WorkMode::Hybrid) => {
            (0.8, format!("hybrid in {place}"))
        }
        (_, _, Some(place)) => (1.0, format!("in {place}")),
        (RemotePreference::Any, true, None) => (0.8, "remote".to_string()),
        (_, _, None) if profile.locations.is_empty() => (0.5, "no locations set".to_string()),
        (_, _, None) if job.locations.is_empty() && job.remote.is_none() => (0.3, "location not stated".to_string()),
        _ => (0.0, format!("{} is not where you want to work", job.locations.join(" · "))),
    };
    factor("location", value, evidence)
}

fn salary_factor(profile: &Profile, job: &JobFacts<'_>) -> Factor {
    let Some(floor) = profile.salary_floor else {
        return factor("salary", 0.5, "no salary floor set".into());
    };
    let Some((min, max)) = job.yearly_salary else {
        return factor("salary", 0.4, "pay not stated".into());
    };
    let same_currency = match (&profile.salary_currency, job.salary_currency) {
        (Some(wanted), Some(offered)) => wanted.eq_ignore_ascii_case(offered),
        _ => true,
    };
    let currency = job.salary_currency.unwrap_or("");
    if !same_currency {
        return factor("salary", 0.4, format!("pay in {currency}, floor in another currency"));
    }
    let top = max.or(min).unwrap_or(0.0);
    let bottom = min.or(max).unwrap_or(0.0);
    let (value, relation) = if bottom >= floor {
        (1.0, "at or above")
    } else if top >= floor {
        (0.75, "range reaches")
    } else {
        ((top / floor).powi(4), "below")
    };
    factor("salary", value, format!("{currency} {bottom:.0}-{top:.0} a year {relation} your floor of {floor:.0}"))
}

fn seniority_factor(profile: &Profile, job: &JobFacts<'_>) -> Factor {
    if profile.seniority.is_empty() {
        return factor("seniority", 0.5, "no seniority set".into());
    }
    let Some(level) = job.seniority else {
        return factor("seniority", 0.5, "level not stated".into());
    };
    let rank = |level: Seniority| level as i32;
    let distance = profile.seniority.iter().map(|wanted| (rank(*wanted) - rank(level)).abs()).min().unwrap_or(9);
    let value = match distance {
        0 => 1.0,
        1 => 0.5,
        _ => 0.0,
    };
    factor("seniority", value, format!("{} ({} level away from what you want)", level.as_str(), distance))
}

fn employment_factor(profile: &Profile, job: &JobFacts<'_>) -> Factor {
    if profile.employment_types.is_empty() {
        return factor("employment_type", 0.5, "no employment type set".into());
    }
    match job.employment_type {
        Some(kind) if profile.employment_types.contains(&kind) => factor("employment_type", 1.0, kind.as_str().into()),
        Some(kind) => factor("employment_type", 0.0, format!("{} is not what you want", kind.as_str())),
        None => factor("employment_type", 0.5, "not stated".into()),
    }
}

fn recency_factor(job: &JobFacts<'_>, now: DateTime<Utc>) -> Factor {
    let Some(posted) = job.posted_at else {
        return factor("recency", 0.3, "posting date unknown".into());
    };
    let days = (now - posted).num_days().max(0) as f64;
    // Full for a week, then falling to nothing at two months.
    let value = if days <= 7.0 { 1.0 } else { (1.0 - (days - 7.0) / 53.0).max(0.0) };
    factor("recency", value, format!("posted {days:.0} days ago"))
}

fn company_factor(profile: &Profile, company: &str) -> Factor {
    if profile.liked_companies.iter().any(|liked| company_key(liked) == company) {
        factor("company", 1.0, "a company you like".into())
    } else {
        factor("company", 0.0, "no preference".into())
    }
}

#[cfg(test)]
mod tests;
