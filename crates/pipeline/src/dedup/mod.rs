//! When two postings are one job: the same job on several boards, reposted, cut short by an
//! aggregator, or copied by an agency.
//!
//! Rules, in order: the same canonical apply link (tracking parameters stripped) is the same job;
//! otherwise the titles must match once retyping is undone ([`title`]), the places must be
//! compatible ([`place`]), and the descriptions must be one text ([`text`]): near-identical as a
//! whole (SimHash), or one the opening of the other (a copy cut to its first paragraphs,
//! rewrapped, or wrapped in a board's boilerplate). Loosely for the same employer, tightly when
//! the company differs (an agency's copy). The same title in another city, for another team, or
//! at another level stays apart.

mod company;
mod link;
mod place;
mod text;
mod title;

pub use company::company_key;
pub use link::canonical_url;
pub use place::{Places, places_compatible};
pub use text::{TextPrint, simhash};
pub use title::{TitleKeys, title_keys};

use jobhound_sources::WorkMode;

/// Bits that may differ between two descriptions of the same employer's same job.
pub const SAME_COMPANY_DISTANCE: u32 = 12;
/// Bits that may differ when the companies differ: an agency copy keeps the text nearly verbatim
/// (on the labelled set, agency copies with a footer reach 8 bits; an agency's own half-rewritten
/// text starts at 10, unrelated texts at 21).
pub const OTHER_COMPANY_DISTANCE: u32 = 8;
/// The share of the shorter text found in the longer that makes them one text for the same
/// employer, title and place: a copy cut short keeps all of it, a repost with a sentence changed
/// most; another job of the same title there shares little but the company's standard lines.
const SAME_COMPANY_CONTAINMENT: f64 = 0.6;
/// The share of the shorter text found at the start of the longer that makes another company's
/// copy (cut short, rewrapped or wrapped in boilerplate) the same text; it must also be long
/// enough to say something.
const OTHER_COMPANY_OVERLAP: f64 = 0.9;
const OTHER_COMPANY_MIN_WORDS: usize = 20;
/// Below this many words a text is compared by nothing but its title and place.
const MIN_COMPARED_WORDS: usize = 8;

/// What dedup compares, computed once per job.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupKey {
    pub title: TitleKeys,
    pub company_key: String,
    pub canonical_url: Option<String>,
    pub places: Places,
    pub remote: Option<WorkMode>,
    pub text: TextPrint,
}

impl DedupKey {
    pub fn new(
        title: &str,
        company: &str,
        locations: &[String],
        remote: Option<WorkMode>,
        apply_url: Option<&str>,
        description_text: &str,
    ) -> Self {
        let places = Places::new(locations);
        Self {
            title: title_keys(title, &places),
            company_key: company_key(company),
            canonical_url: apply_url.and_then(canonical_url).filter(|url| link::is_specific(url)),
            places,
            remote,
            text: TextPrint::new(description_text),
        }
    }

    /// The key a job is found by in the store: its primary title key.
    pub fn title_key(&self) -> &str {
        &self.title.primary
    }
}

impl From<&crate::parse_output::ParsedJob> for DedupKey {
    fn from(job: &crate::parse_output::ParsedJob) -> Self {
        DedupKey::new(
            job.title.as_deref().unwrap_or_default(),
            job.company.as_deref().unwrap_or_default(),
            &job.locations,
            job.remote,
            job.apply_url.as_deref().or(job.url.as_deref()),
            &job.description_text,
        )
    }
}

/// Whether `a` and `b` are the same job.
pub fn is_duplicate(a: &DedupKey, b: &DedupKey) -> bool {
    match verdict_before_texts(a, b) {
        Verdict::Duplicate => true,
        Verdict::Distinct => false,
        Verdict::CompareTexts => texts_match(a, b),
    }
}

/// What the keys decide before the texts are compared word by word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Duplicate,
    Distinct,
    /// The titles and places match, but the SimHashes alone do not make the texts one.
    CompareTexts,
}

/// Decides from the links, titles, places and SimHashes alone, so a store can hold its jobs' texts
/// back until a pair needs them ([`texts_match`]); most candidates are settled here.
pub fn verdict_before_texts(a: &DedupKey, b: &DedupKey) -> Verdict {
    if let (Some(left), Some(right)) = (&a.canonical_url, &b.canonical_url)
        && left == right
    {
        return Verdict::Duplicate;
    }
    if !a.title.matches(&b.title) || !places_compatible(&a.places, a.remote, &b.places, b.remote) {
        return Verdict::Distinct;
    }
    let distance = a.text.distance(&b.text);
    let close_enough = if same_company(a, b) {
        // Same employer, same title, same place: one job unless the texts say two teams.
        distance.is_none_or(|bits| bits <= SAME_COMPANY_DISTANCE)
    } else {
        distance.is_some_and(|bits| bits <= OTHER_COMPANY_DISTANCE)
    };
    if close_enough { Verdict::Duplicate } else { Verdict::CompareTexts }
}

/// Whether two texts the SimHash kept apart are one text after all: for the same employer, most of
/// the shorter is in the longer (a repost with a sentence changed, a copy cut short); for another
/// company, the shorter is the longer's opening (an agency's cut or wrapped copy).
pub fn texts_match(a: &DedupKey, b: &DedupKey) -> bool {
    if same_company(a, b) {
        a.text
            .containment(&b.text)
            .is_none_or(|(share, words)| words < MIN_COMPARED_WORDS || share >= SAME_COMPANY_CONTAINMENT)
    } else {
        a.text
            .opening_overlap(&b.text)
            .is_some_and(|(share, words)| words >= OTHER_COMPANY_MIN_WORDS && share >= OTHER_COMPANY_OVERLAP)
    }
}

fn same_company(a: &DedupKey, b: &DedupKey) -> bool {
    !a.company_key.is_empty() && a.company_key == b.company_key
}

#[cfg(test)]
mod tests;
