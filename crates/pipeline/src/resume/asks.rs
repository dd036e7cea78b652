//! What a posting asks for beyond skills, and how a resume answers it: a degree level, years of
//! experience (against the spans of the resume's dates), and certifications.

use chrono::Datelike;

/// Degree levels, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Degree {
    Bachelor,
    Master,
    Doctorate,
}

impl Degree {
    pub fn label(self) -> &'static str {
        match self {
            Degree::Bachelor => "Bachelor's degree",
            Degree::Master => "Master's degree",
            Degree::Doctorate => "PhD",
        }
    }
}

const DEGREE_WORDS: &[(&str, Degree)] = &[
    ("bachelor", Degree::Bachelor),
    ("bachelors", Degree::Bachelor),
    ("bsc", Degree::Bachelor),
    ("b.sc", Degree::Bachelor),
    ("b.s", Degree::Bachelor),
    ("b.a", Degree::Bachelor),
    ("b.eng", Degree::Bachelor),
    ("undergraduate", Degree::Bachelor),
    ("master", Degree::Master),
    ("masters", Degree::Master),
    ("msc", Degree::Master),
    ("m.sc", Degree::Master),
    ("m.s", Degree::Master),
    ("mba", Degree::Master),
    ("m.eng", Degree::Master),
    ("diplom", Degree::Master),
    ("phd", Degree::Doctorate),
    ("ph.d", Degree::Doctorate),
    ("doctorate", Degree::Doctorate),
    ("promotion", Degree::Doctorate),
];

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map(|token| token.trim_end_matches('.').replace(['\'', '’'], "").to_lowercase())
        .filter(|token| !token.is_empty())
}

/// The degree a line names, if any (the highest when it names several).
pub fn degree_in(line: &str) -> Option<Degree> {
    tokens(line).filter_map(|token| DEGREE_WORDS.iter().find(|(word, _)| *word == token).map(|(_, d)| *d)).max()
}

/// The lowest degree a posting's line asks for: "Bachelor's or Master's" asks for a Bachelor's.
pub fn degree_asked(line: &str) -> Option<Degree> {
    let lower = line.to_lowercase();
    let asks = ["degree", "studium", "abschluss", "bachelor", "master", "phd", "graduate"];
    if !asks.iter().any(|word| lower.contains(word)) {
        return None;
    }
    tokens(line).filter_map(|token| DEGREE_WORDS.iter().find(|(word, _)| *word == token).map(|(_, d)| *d)).min()
}

/// "5+ years", "at least 3 years", "3-5 years", "mindestens 4 Jahre": the years of experience a
/// line asks for (the lower bound of a range). Only when the line is about experience.
pub fn years_asked(line: &str) -> Option<u32> {
    let lower = line.to_lowercase();
    if !["experience", "erfahrung", "track record", "professional"].iter().any(|word| lower.contains(word)) {
        return None;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    for (index, word) in words.iter().enumerate() {
        let next = words.get(index + 1).copied().unwrap_or_default();
        let unit = |text: &str| text.starts_with("year") || text.starts_with("yrs") || text.starts_with("jahr");
        let number = word.trim_end_matches('+').split(['-', '–']).next().unwrap_or_default();
        if let Ok(years) = number.trim_start_matches('(').parse::<u32>() {
            let unit_here =
                unit(next) || word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '+').starts_with("year");
            if unit_here && (1..=30).contains(&years) {
                return Some(years);
            }
        }
    }
    None
}

/// A span of work the resume dates ("2016 – 2021", "03/2019 - present").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: i32,
    pub to: i32,
}

const ONGOING: &[&str] = &["present", "current", "now", "today", "heute", "aktuell", "ongoing", "date"];

/// Year ranges in a line: "2016 – 2021", "Jan 2019 - Present", "03/2019 – 11/2022", "2020-now".
pub fn spans_in(line: &str, this_year: i32) -> Vec<Span> {
    let lower = line.to_lowercase();
    let mut marks: Vec<(usize, Option<i32>)> = Vec::new();
    let mut token_start = None;
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for (position, &(offset, character)) in chars.iter().enumerate() {
        if character.is_alphanumeric() {
            token_start.get_or_insert(offset);
        }
        let at_end = position + 1 == chars.len() || !chars[position + 1].1.is_alphanumeric();
        if let (true, Some(start)) = (at_end && character.is_alphanumeric(), token_start) {
            let token = &lower[start..offset + character.len_utf8()];
            let year = token.parse::<i32>().ok().filter(|year| (1960..=this_year + 1).contains(year));
            if year.is_some() || ONGOING.contains(&token) {
                marks.push((start, year.or(Some(this_year))));
            }
            token_start = None;
        } else if !character.is_alphanumeric() {
            token_start = None;
        }
    }
    let mut spans = Vec::new();
    let mut index = 0;
    while index + 1 < marks.len() {
        let (first_at, first) = marks[index];
        let (second_at, second) = marks[index + 1];
        let between = &lower[first_at..second_at];
        // Two dates joined by a dash or "to"/"bis", with at most a month between them.
        let joined = between.contains(['-', '–', '—']) || between.contains(" to ") || between.contains(" bis ");
        if let (Some(from), Some(to), true) = (first, second, joined && between.len() <= 16)
            && from <= to
            && to - from <= 50
        {
            spans.push(Span { from, to });
            index += 2;
            continue;
        }
        index += 1;
    }
    spans
}

/// Years the spans cover, overlaps counted once.
pub fn years_covered(spans: &[Span]) -> u32 {
    let mut sorted: Vec<Span> = spans.to_vec();
    sorted.sort_by_key(|span| span.from);
    let mut total = 0;
    let mut current: Option<Span> = None;
    for span in sorted {
        match current {
            Some(open) if span.from <= open.to => current = Some(Span { from: open.from, to: open.to.max(span.to) }),
            Some(open) => {
                total += open.to - open.from;
                current = Some(span);
            }
            None => current = Some(span),
        }
    }
    if let Some(open) = current {
        total += open.to - open.from;
    }
    u32::try_from(total).unwrap_or(0)
}

pub fn this_year() -> i32 {
    chrono::Utc::now().year()
}

/// Certifications a posting may ask for, as they are written.
pub const CERTIFICATIONS: &[&str] = &[
    "AWS Certified",
    "CISSP",
    "CISM",
    "CISA",
    "CEH",
    "OSCP",
    "CompTIA Security+",
    "Security+",
    "PMP",
    "PRINCE2",
    "CSM",
    "PSM",
    "CKA",
    "CKAD",
    "CCNA",
    "CCNP",
    "CPA",
    "CFA",
    "ACCA",
    "Six Sigma",
    "TOGAF",
    "ISTQB",
    "Google Cloud Certified",
    "Azure Fundamentals",
    "Azure Administrator",
    "Azure Solutions Architect",
    "Certified Kubernetes",
];

/// The certifications a line names, as they are spelled in [`CERTIFICATIONS`].
pub fn certifications_in(line: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for certification in CERTIFICATIONS {
        let whole_word = line.match_indices(certification).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + certification.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        // "Security+" is inside "CompTIA Security+": the longer name is the one meant.
        if whole_word && !found.iter().any(|known: &&str| known.contains(certification)) {
            found.push(*certification);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_asked_and_held() {
        assert_eq!(degree_asked("Bachelor's or Master's degree in Computer Science"), Some(Degree::Bachelor));
        assert_eq!(degree_asked("PhD in physics or a related field"), Some(Degree::Doctorate));
        assert_eq!(degree_asked("Abgeschlossenes Studium (Master, Diplom)"), Some(Degree::Master));
        assert_eq!(degree_asked("You master our codebase"), Some(Degree::Master), "a known limit: 'master' alone");
        assert_eq!(degree_asked("Great team, free lunch"), None);
        assert_eq!(degree_in("M.Sc. Informatik, TU München, 2014"), Some(Degree::Master));
        assert_eq!(degree_in("B.S. Computer Science; Ph.D. Statistics"), Some(Degree::Doctorate));
    }

    #[test]
    fn years_of_experience_asked() {
        assert_eq!(years_asked("5+ years of experience with Python"), Some(5));
        assert_eq!(years_asked("At least 3 years' professional experience"), Some(3));
        assert_eq!(years_asked("3-5 years experience in backend development"), Some(3));
        assert_eq!(years_asked("Mindestens 4 Jahre Berufserfahrung"), Some(4));
        assert_eq!(years_asked("Founded 12 years ago, we ship software"), None);
        assert_eq!(years_asked("Experience with 2 or more cloud providers"), None);
    }

    #[test]
    fn spans_of_work_and_the_years_they_cover() {
        assert_eq!(spans_in("Acme GmbH, Berlin — 03/2019 – present", 2026), [Span { from: 2019, to: 2026 }]);
        assert_eq!(spans_in("Engineer, Foo Inc. (2014 - 2018)", 2026), [Span { from: 2014, to: 2018 }]);
        assert_eq!(spans_in("Jan 2012 to Dec 2013", 2026), [Span { from: 2012, to: 2013 }]);
        assert!(spans_in("Graduated 2010; 120 customers", 2026).is_empty());
        let spans = [Span { from: 2014, to: 2018 }, Span { from: 2017, to: 2020 }, Span { from: 2022, to: 2026 }];
        assert_eq!(years_covered(&spans), 10);
    }

    #[test]
    fn certifications_are_whole_names() {
        assert_eq!(certifications_in("CKA and AWS Certified Solutions Architect"), ["AWS Certified", "CKA"]);
        assert_eq!(certifications_in("CompTIA Security+ required"), ["CompTIA Security+"]);
        assert!(certifications_in("We PSMith the CKADs").is_empty());
    }
}
