//! When two postings are one job: the same job on several boards, reposted, or copied by an agency.
//!
//! Rules, in order: the same canonical apply link (tracking parameters stripped) is the same job;
//! otherwise titles must match once normalized, locations must be compatible, and descriptions
//! must be near-identical (SimHash over word shingles) — loosely for the same employer, tightly
//! when the company differs (an agency's copy). Same title in another city, or for another team
//! (a different description), stays apart.

use std::borrow::Cow;
use std::collections::BTreeSet;

use jobhound_sources::WorkMode;

use crate::normalize::lowered;

/// Bits that may differ between two descriptions of the same employer's same job.
pub const SAME_COMPANY_DISTANCE: u32 = 12;
/// Bits that may differ when the companies differ: an agency copy keeps the text nearly verbatim
/// (on the labelled set, agency copies with a footer reach 8 bits; an agency's own half-rewritten
/// text starts at 10, unrelated texts at 21).
pub const OTHER_COMPANY_DISTANCE: u32 = 8;
/// Descriptions shorter than this say too little to compare.
const MIN_DESCRIPTION_WORDS: usize = 25;

/// What dedup compares, computed once per job.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupKey {
    pub title_key: String,
    pub company_key: String,
    pub canonical_url: Option<String>,
    pub places: BTreeSet<String>,
    pub remote: Option<WorkMode>,
    pub simhash: Option<u64>,
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
        Self {
            title_key: title_key(title),
            company_key: company_key(company),
            canonical_url: apply_url.and_then(canonical_url).filter(|url| is_specific(url)),
            places: locations.iter().map(|place| place_key(place)).filter(|place| !place.is_empty()).collect(),
            remote,
            simhash: simhash(description_text),
        }
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
    if let (Some(left), Some(right)) = (&a.canonical_url, &b.canonical_url)
        && left == right
    {
        return true;
    }
    if a.title_key.is_empty() || a.title_key != b.title_key || !places_compatible(a, b) {
        return false;
    }
    let distance = match (a.simhash, b.simhash) {
        (Some(left), Some(right)) => Some((left ^ right).count_ones()),
        _ => None,
    };
    if !a.company_key.is_empty() && a.company_key == b.company_key {
        // Same employer, same title, same place: one job unless the texts say two teams.
        distance.is_none_or(|bits| bits <= SAME_COMPANY_DISTANCE)
    } else {
        distance.is_some_and(|bits| bits <= OTHER_COMPANY_DISTANCE)
    }
}

fn places_compatible(a: &DedupKey, b: &DedupKey) -> bool {
    if a.places.is_empty() || b.places.is_empty() {
        // A job without a stated place matches one with a place only in the same work mode.
        return a.remote.is_none() || b.remote.is_none() || a.remote == b.remote;
    }
    !a.places.is_disjoint(&b.places)
}

/// "Senior Software Engineer (m/w/d)" and "Sr. software engineer – Remote" compare equal.
pub fn title_key(title: &str) -> String {
    let mut without_brackets = String::with_capacity(title.len());
    let mut depth = 0;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ if depth == 0 => without_brackets.push(c),
            _ => {}
        }
    }
    let lower = without_brackets.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|word| !word.is_empty())
        .map(|word| match word {
            "sr" => "senior",
            "jr" => "junior",
            "eng" | "engr" => "engineer",
            "dev" => "developer",
            "mgr" => "manager",
            "swe" => "software engineer",
            other => other,
        })
        .collect();
    // Trailing work-mode or gender markers: "- Remote", "m/w/d", "f/m/x".
    while words.last().is_some_and(|word| {
        matches!(*word, "remote" | "hybrid" | "onsite" | "m" | "w" | "d" | "f" | "x" | "mwd" | "fmx")
    }) {
        words.pop();
    }
    words.join(" ")
}

const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "se",
    "oy",
    "ab",
    "as",
    "asa",
    "srl",
    "spa",
    "pty",
    "kk",
    "kg",
    "ug",
    "group",
    "holdings",
    "io",
    "com",
    "ai",
    "app",
    "hq",
];

/// "Vercel, Inc.", "Vercel Inc" and "vercel.com" compare equal.
pub fn company_key(company: &str) -> String {
    let lower = company.to_lowercase();
    let mut words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric() && c != '&').filter(|word| !word.is_empty()).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|word| COMPANY_SUFFIXES.contains(word)) {
        words.pop();
    }
    words.join("")
}

fn place_key(place: &str) -> String {
    // The first part of "Berlin, Germany" names the place; countries alone stay as they are.
    let first = place.split([',', '/', '·', '|']).next().unwrap_or_default();
    first.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Query parameters that track a click rather than name a page.
fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "gh_src"
                | "source"
                | "src"
                | "ref"
                | "referrer"
                | "refid"
                | "trk"
                | "trackingid"
                | "lever-source"
                | "lever-origin"
                | "fbclid"
                | "gclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "_hsenc"
                | "_hsmi"
                | "campaign"
                | "medium"
                | "from"
                | "position"
                | "pagenum"
                | "sid"
                | "iis"
                | "iisn"
                | "source_id"
        )
}

/// The apply link with tracking removed, host lower-cased, `www.`, trailing `/apply` and slashes
/// dropped, and the remaining parameters sorted.
pub fn canonical_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut path = parsed.path().trim_end_matches('/').to_string();
    for suffix in ["/apply", "/application"] {
        if let Some(stripped) = path.strip_suffix(suffix) {
            path = stripped.to_string();
        }
    }
    let mut params: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(name, _)| !is_tracking(name))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    params.sort();
    let query = if params.is_empty() {
        String::new()
    } else {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        serializer.extend_pairs(params);
        format!("?{}", serializer.finish())
    };
    Some(format!("{host}{path}{query}"))
}

/// A link that names one job rather than a careers home page many jobs share.
fn is_specific(canonical: &str) -> bool {
    let (path_part, query) = canonical.split_once('?').unwrap_or((canonical, ""));
    let segments = path_part.split('/').skip(1).filter(|segment| !segment.is_empty()).count();
    segments >= 2 || query.contains('=') && segments >= 1
}

/// 64-bit SimHash over word 3-shingles; `None` for texts too short to compare. Stored hashes are
/// compared with new ones, so the result must never change for a given text.
pub fn simhash(text: &str) -> Option<u64> {
    let words: Vec<Cow<'_, str>> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(lowered).collect();
    if words.len() < MIN_DESCRIPTION_WORDS {
        return None;
    }
    // How many shingles set each bit; a bit of the result is set where most shingles set it.
    let mut ones = [0u32; 64];
    let mut shingles = 0u32;
    for shingle in words.windows(3) {
        let hash = fnv1a(shingle);
        for (bit, count) in ones.iter_mut().enumerate() {
            *count += (hash >> bit & 1) as u32;
        }
        shingles += 1;
    }
    Some(
        ones.iter()
            .enumerate()
            .fold(0u64, |acc, (bit, &count)| if 2 * count > shingles { acc | 1 << bit } else { acc }),
    )
}

fn fnv1a(words: &[Cow<'_, str>]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for byte in word.bytes().chain([b' ']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_companies_compare_without_noise() {
        assert_eq!(title_key("Senior Software Engineer (m/w/d)"), "senior software engineer");
        assert_eq!(title_key("Sr. Software Engineer - Remote"), "senior software engineer");
        assert_eq!(title_key("Fullstack SWE"), "fullstack software engineer");
        assert_eq!(company_key("Vercel, Inc."), "vercel");
        assert_eq!(company_key("The Vercel Company GmbH"), "vercel");
        assert_eq!(company_key("Modash.io"), "modash");
        assert_eq!(company_key("Group"), "group", "a name is never emptied");
    }

    #[test]
    fn tracking_is_stripped_from_links() {
        assert_eq!(
            canonical_url("https://www.Example.com/jobs/123/apply/?utm_source=x&gh_src=abc&lang=en").as_deref(),
            Some("example.com/jobs/123?lang=en")
        );
        assert_eq!(
            canonical_url("https://jobs.lever.co/spotify/2193db3f/apply?lever-source=LinkedIn").as_deref(),
            Some("jobs.lever.co/spotify/2193db3f")
        );
        assert!(!is_specific("modash.io"));
        assert!(is_specific("jobs.lever.co/spotify/2193db3f"));
    }

    /// SimHash as first written (and stored since): every later version must agree with it.
    fn simhash_as_stored(text: &str) -> Option<u64> {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
        if words.len() < MIN_DESCRIPTION_WORDS {
            return None;
        }
        let mut weights = [0i32; 64];
        for shingle in words.windows(3) {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in shingle.iter().flat_map(|word| word.bytes().chain([b' '])) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            hash ^= hash >> 33;
            hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
            hash ^= hash >> 33;
            for (bit, weight) in weights.iter_mut().enumerate() {
                *weight += if hash >> bit & 1 == 1 { 1 } else { -1 };
            }
        }
        Some(weights.iter().enumerate().fold(0u64, |acc, (bit, weight)| if *weight > 0 { acc | 1 << bit } else { acc }))
    }

    #[test]
    fn simhash_is_the_hash_stored_before() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded");
        let mut texts: Vec<String> = vec![
            "Ünïcode ÉCOLE straße İstanbul ΣΊΣΥΦΟΣ naïve café one two three four five six seven eight nine ten".into(),
            "UPPER lower MiXeD 123 4th x86_64 C++ C# .NET Node.js k8s and more words to make it long enough".into(),
        ];
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let body = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            texts.extend(body.split("\\n").map(str::to_string));
            texts.push(body);
        }
        let compared = texts.iter().filter(|text| simhash_as_stored(text).is_some()).count();
        assert!(compared > 40, "{compared} texts long enough to hash");
        for text in &texts {
            assert_eq!(simhash(text), simhash_as_stored(text), "{text}");
        }
    }

    #[test]
    fn simhash_tells_near_copies_from_other_texts() {
        let base = "We are looking for a senior engineer to build our payments platform. You will design APIs, \
                    own services end to end, mentor others and work closely with product and design on a small team.";
        let edited = format!("{base} Apply today.");
        let other = "Join our marketing team to run campaigns across channels, write copy, analyse results and \
                     report to the head of growth on acquisition, retention and brand awareness every single week.";
        let distance = |a: &str, b: &str| (simhash(a).unwrap_or(0) ^ simhash(b).unwrap_or(0)).count_ones();
        assert!(distance(base, &edited) <= SAME_COMPANY_DISTANCE, "{}", distance(base, &edited));
        assert!(distance(base, other) > SAME_COMPANY_DISTANCE, "{}", distance(base, other));
        assert_eq!(simhash("too short"), None);
    }
}
