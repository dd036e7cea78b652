//! The fabrication check: a tailored resume may reorder and rephrase, never invent. Every name
//! (employer, title, school), date, degree, number, skill and certification it states must appear
//! in the original resume or in the person's own notes for the job, and every bullet of the
//! original must still be there in some wording. What fails is listed with the exact words.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::asks::{self, Degree};
use super::posting_lines::split_sentences;
use super::vocabulary::ROLE_WORDS;
use crate::normalize::skill_matcher;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ViolationKind {
    Employer,
    Title,
    Date,
    Degree,
    Number,
    Skill,
    Certification,
    /// A bullet of the original that the tailored version lost.
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Violation {
    /// The words as the tailored version writes them (for a dropped bullet: the original's).
    pub text: String,
    pub kind: ViolationKind,
    pub reason: String,
    /// The tailored line it is on (the original's line for a dropped bullet).
    pub line: String,
}

/// What the check compares against: the original resume and the person's notes for the job.
struct Source {
    lower: String,
    numbers: HashSet<String>,
    years: HashSet<i32>,
    spans: Vec<asks::Span>,
    skills: HashSet<String>,
    certifications: HashSet<&'static str>,
    degree: Option<Degree>,
    /// The resume is in a language that capitalises every noun (German): a capitalised word is
    /// then no sign of a name, except on an entry's own line.
    nouns_capitalised: bool,
}

/// Words common in German prose and rare in English.
const GERMAN: &[&str] =
    &["und", "der", "die", "das", "von", "mit", "für", "eines", "einer", "zur", "zum", "bei", "im", "auf"];

impl Source {
    fn new(original: &str, notes: &str) -> Self {
        let text = format!("{original}\n{notes}");
        let this_year = asks::this_year();
        let lines: Vec<&str> = text.lines().collect();
        Source {
            lower: normalize_space(&text.to_lowercase()),
            numbers: numbers_in(&text).into_iter().map(|(_, value)| value).collect(),
            years: years_in(&text).into_iter().map(|(_, year)| year).collect(),
            spans: lines.iter().flat_map(|line| asks::spans_in(line, this_year)).collect(),
            skills: skill_matcher().find(&text).into_iter().collect(),
            certifications: lines.iter().flat_map(|line| asks::certifications_in(line)).collect(),
            degree: lines.iter().filter_map(|line| asks::degree_in(line)).max(),
            nouns_capitalised: text
                .split(|c: char| !c.is_alphabetic())
                .filter(|word| GERMAN.contains(&word.to_lowercase().as_str()))
                .count()
                >= 4,
        }
    }
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks `tailored` against `original` and `notes`.
pub fn check_fabrication(original: &str, tailored: &str, notes: &str) -> Vec<Violation> {
    let source = Source::new(original, notes);
    let mut violations = Vec::new();
    let this_year = asks::this_year();
    for line in tailored.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let mut add = |text: &str, kind: ViolationKind, reason: String| {
            if !violations.iter().any(|known: &Violation| known.text == text && known.kind == kind) {
                violations.push(Violation { text: text.to_string(), kind, reason, line: line.to_string() });
            }
        };
        // Dates: each span must be one of the original's (a span that keeps an original's end has
        // a moved start, and the other way round), and each year must be in it.
        let mut moved = HashSet::new();
        for span in asks::spans_in(line, this_year) {
            if source.spans.contains(&span) {
                continue;
            }
            let same_start = source.spans.iter().any(|known| known.from == span.from);
            let same_end = source.spans.iter().any(|known| known.to == span.to);
            if same_end || !same_start {
                moved.insert(span.from);
            }
            if same_start || !same_end {
                moved.insert(span.to);
            }
        }
        for (text, year) in years_in(line) {
            if !source.years.contains(&year) || moved.contains(&year) {
                add(text, ViolationKind::Date, format!("the original does not date anything {year} here"));
            }
        }
        for (text, value) in numbers_in(line) {
            if !source.numbers.contains(&value) {
                add(text, ViolationKind::Number, format!("the original never says {text}"));
            }
        }
        for (name, written) in skill_matcher().mentions(line) {
            if !source.skills.contains(&name) {
                add(&written, ViolationKind::Skill, format!("{name} is not in the original"));
            }
        }
        for certification in asks::certifications_in(line) {
            if !source.certifications.contains(certification) {
                add(certification, ViolationKind::Certification, format!("the original holds no {certification}"));
            }
        }
        if let Some(degree) = asks::degree_in(line)
            && source.degree.is_none_or(|held| degree > held)
        {
            let text = degree_words(line).unwrap_or_else(|| degree.label().to_string());
            add(&text, ViolationKind::Degree, format!("the original holds no {}", degree.label()));
        }
        for (text, kind) in names_in(line, source.nouns_capitalised) {
            if !source.lower.contains(&normalize_space(&text.to_lowercase())) {
                let what = if kind == ViolationKind::Title { "title" } else { "name" };
                add(&text, kind, format!("the original names no {what} \"{text}\""));
            }
        }
    }
    violations.extend(dropped_bullets(original, tailored));
    violations
}

/// A line's words as the checks see them.
fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (index, character) in line.char_indices() {
        let inside = character.is_alphanumeric() || matches!(character, '.' | ',' | '%' | '$' | '€' | '£' | '+' | '&');
        match (inside, start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                out.push((from, &line[from..index]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push((from, &line[from..]));
    }
    out.into_iter()
        .map(|(at, token)| (at, token.trim_end_matches(['.', ',']).trim_start_matches(['.', ','])))
        .filter(|(_, token)| !token.is_empty())
        .collect()
}

fn is_year(token: &str) -> Option<i32> {
    let year: i32 = token.parse().ok()?;
    (token.len() == 4 && (1950..=2040).contains(&year)).then_some(year)
}

fn years_in(text: &str) -> Vec<(&str, i32)> {
    tokens(text)
        .into_iter()
        .flat_map(|(_, token)| {
            token.split(['/', '.', '-', '–']).filter_map(|part| is_year(part).map(|year| (part, year)))
        })
        .collect()
}

const SPELLED: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("fifty", "50"),
    ("hundred", "100"),
];

/// Numbers a text states, as written and as compared: "$2.3M" and "2.3 million" are "2.3m",
/// "35 %" and "35 percent" are "35%", "five" is "5". Years, and digits inside names ("S3",
/// "EC2", "GA4"), are not numbers here.
fn numbers_in(text: &str) -> Vec<(&str, String)> {
    let tokens = tokens(text);
    let mut out = Vec::new();
    for (index, (_, token)) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        if let Some((_, digits)) = SPELLED.iter().find(|(word, _)| *word == lower) {
            out.push((*token, (*digits).to_string()));
            continue;
        }
        let bare = lower.trim_start_matches(['$', '€', '£', '~']).trim_end_matches('+');
        if !bare.starts_with(|c: char| c.is_ascii_digit()) || is_year(bare).is_some() {
            continue;
        }
        let digits_end = bare.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(bare.len());
        let (number, suffix) = bare.split_at(digits_end);
        let number = number.replace(',', "");
        let next = tokens.get(index + 1).map(|(_, next)| next.to_lowercase()).unwrap_or_default();
        let unit = match suffix {
            "%" => "%",
            "k" => "k",
            "m" | "mm" => "m",
            "b" | "bn" => "b",
            "x" => "x",
            "" => match next.as_str() {
                "%" | "percent" | "prozent" => "%",
                "million" | "millionen" | "mio" => "m",
                "billion" | "mrd" => "b",
                "thousand" => "k",
                _ => "",
            },
            // "10th", "3rd", "24h", "5-year": a count with a word, compared by its digits.
            _ if suffix.starts_with(['-', 't', 's', 'r', 'n', 'h', 'd', 'y']) => "",
            _ => continue,
        };
        if number.is_empty() || number.len() > 12 || (unit.is_empty() && !suffix.is_empty() && suffix.len() > 6) {
            continue;
        }
        out.push((*token, format!("{}{unit}", number.trim_end_matches('.'))));
    }
    out
}

/// Words that mark an organisation's name in any language.
const ORGANISATION_WORDS: &[&str] = &[
    "GmbH",
    "AG",
    "KG",
    "SE",
    "Inc",
    "Ltd",
    "LLC",
    "Corp",
    "University",
    "Universität",
    "Institut",
    "Hochschule",
    "College",
    "School",
];

/// Words that join a name without being capitalised ("Bank of America", "Brunner GmbH & Co.").
const JOINERS: &[&str] = &["of", "&", "and", "for", "de", "der", "für", "the", "at"];

/// Capitalised runs that name someone or something: employers, schools, titles. A line is cut
/// into clauses at punctuation ("Engineer, Acme GmbH | 2019"), skills are left to their own
/// check, and a lone capitalised word opening a sentence is usually a verb ("Led", "Built"), so
/// it counts only in a short heading-like sentence.
fn names_in(line: &str, nouns_capitalised: bool) -> Vec<(String, ViolationKind)> {
    const CLAUSE_ENDS: &[char] = &[',', '|', '—', '–', '(', ')', ';', ':', '/', '·'];
    // An entry's line: where it was (a date, a "|") rather than what was done there.
    let entry_line = line.contains('|') || !asks::spans_in(line, asks::this_year()).is_empty();
    if nouns_capitalised && !entry_line && !ORGANISATION_WORDS.iter().any(|word| line.contains(word)) {
        return Vec::new();
    }
    let heading_words = ["experience", "education", "skills", "summary", "projects", "profile", "certifications"];
    let skills = skill_matcher();
    let mut out = Vec::new();
    for sentence in split_sentences(line) {
        let sentence_words = tokens(sentence).len();
        let mut offset = 0;
        for (number, clause) in sentence.split(CLAUSE_ENDS).enumerate() {
            let clause_start = offset;
            offset += clause.len() + 1;
            let words: Vec<(usize, &str)> = tokens(clause);
            let capitalised = |word: &str| {
                word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().any(char::is_alphabetic)
                    && is_year(word).is_none()
                    && asks::degree_in(word).is_none()
                    && skills.find(word).is_empty()
            };
            let mut index = 0;
            while index < words.len() {
                if !capitalised(words[index].1) {
                    index += 1;
                    continue;
                }
                let start = index;
                let mut end = index + 1;
                while end < words.len()
                    && (capitalised(words[end].1)
                        || (JOINERS.contains(&words[end].1.to_lowercase().as_str())
                            && words.get(end + 1).is_some_and(|(_, next)| capitalised(next))))
                {
                    end += 1;
                }
                index = end;
                let run: Vec<&str> = words[start..end].iter().map(|(_, word)| *word).collect();
                let text = clause[words[start].0..words[end - 1].0 + words[end - 1].1.len()].to_string();
                if heading_words.contains(&text.to_lowercase().as_str()) {
                    continue;
                }
                let before = &sentence[..clause_start + words[start].0];
                let opens_sentence = number == 0 && before.trim_start_matches(BULLETS).trim().is_empty();
                if run.len() == 1 && opens_sentence && sentence_words > 3 {
                    continue;
                }
                // A short all-capital abbreviation ("API", "KPI") is as often a plain term as a name;
                // a longer one ("ICSE", "NASA") is a name.
                if run.len() == 1 && run[0].chars().all(|c| !c.is_lowercase()) && run[0].chars().count() < 4 {
                    continue;
                }
                let kind = if run.iter().any(|word| ROLE_WORDS.contains(&word.to_lowercase().as_str())) {
                    ViolationKind::Title
                } else {
                    ViolationKind::Employer
                };
                out.push((text, kind));
            }
        }
    }
    out
}

/// The words naming the highest degree on a line ("Ph.D.", "MBA").
fn degree_words(line: &str) -> Option<String> {
    let best = asks::degree_in(line)?;
    tokens(line)
        .into_iter()
        .map(|(_, token)| token)
        .find(|token| asks::degree_in(token) == Some(best))
        .map(str::to_string)
}

/// Content words of a bullet, lightly stemmed, for telling whether two wordings say one thing.
fn content_words(text: &str) -> HashSet<String> {
    const SMALL: &[&str] = &[
        "the", "and", "for", "with", "from", "into", "our", "their", "that", "this", "using", "via", "von", "der",
        "die", "das", "und", "mit", "für", "des", "den", "dem", "zur", "zum", "bei", "ein", "eine", "eines", "einer",
        "auf",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| word.len() > 2 && !SMALL.contains(&word.as_str()))
        .map(|word| {
            let stem = word.trim_end_matches("ing").trim_end_matches("ed").trim_end_matches('s');
            if stem.len() >= 3 { stem.to_string() } else { word }
        })
        .collect()
}

const BULLETS: &[char] = &['-', '•', '*', '▪', '◦', '–'];

/// How many of `words` the other words say, a compound counting for its parts ("Kunden" and
/// "Betreuung" are both in "Kundenbetreuung").
fn shared(words: &HashSet<String>, other: &HashSet<String>) -> usize {
    words
        .iter()
        .filter(|word| {
            other.contains(*word)
                || (word.chars().count() >= 5
                    && other
                        .iter()
                        .any(|said| said.chars().count() >= 5 && (said.contains(*word) || word.contains(said))))
        })
        .count()
}

/// Bullets of the original that no line of the tailored version still says.
fn dropped_bullets(original: &str, tailored: &str) -> Vec<Violation> {
    let tailored_lines: Vec<HashSet<String>> =
        tailored.lines().map(content_words).filter(|words| !words.is_empty()).collect();
    let tailored_all: HashSet<String> = tailored_lines.iter().flatten().cloned().collect();
    let mut out = Vec::new();
    let this_year = asks::this_year();
    for line in original.lines().map(str::trim) {
        // A bullet, or an entry's dated header: a whole job left out is a loss too.
        let bullet = match line.strip_prefix(BULLETS).map(str::trim) {
            Some(bullet) => bullet,
            None if !asks::spans_in(line, this_year).is_empty() => line,
            None => continue,
        };
        let words = content_words(bullet);
        if words.len() < 3 {
            continue;
        }
        let kept = |other: &HashSet<String>| shared(&words, other) * 2 >= words.len();
        // Rephrased into one line, or its facts spread over two: either way still said.
        if tailored_lines.iter().any(kept) || shared(&words, &tailored_all) * 4 >= words.len() * 3 {
            continue;
        }
        out.push(Violation {
            text: bullet.to_string(),
            kind: ViolationKind::Dropped,
            reason: if bullet == line {
                "this entry of the original is gone from the tailored version".into()
            } else {
                "this bullet of the original is gone from the tailored version".into()
            },
            line: line.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "Platform Engineer, Acme GmbH, Berlin | 2019 – present\n\
        - Ran Kubernetes clusters for 40 teams and cut deploy time by 35%\n\
        - Built internal tooling in Python used by 120 engineers\n\
        Software Engineer, Foo Inc. | 2016 - 2019\n\
        - Maintained the billing service in Java\n\
        Education\n\
        B.Sc. Computer Science, TU Berlin, 2016";

    fn kinds(violations: &[Violation]) -> Vec<(&str, ViolationKind)> {
        violations.iter().map(|violation| (violation.text.as_str(), violation.kind)).collect()
    }

    #[test]
    fn honest_rephrasing_and_reordering_pass() {
        let tailored = "Platform Engineer, Acme GmbH, Berlin | 2019 – present\n\
            - Cut deploy time by 35 percent while running Kubernetes clusters for forty teams\n\
            - Wrote internal Python tooling that 120 engineers use every day\n\
            Software Engineer, Foo Inc. | 2016 - 2019\n\
            - Maintained the Java billing service\n\
            Education\n\
            B.Sc. Computer Science, TU Berlin, 2016";
        assert_eq!(kinds(&check_fabrication(ORIGINAL, tailored, "")), []);
    }

    #[test]
    fn inventions_are_named_with_their_words() {
        let tailored = "Senior Platform Engineer, Acme GmbH, Berlin | 2018 – present\n\
            - Ran Kubernetes and Terraform for 60 teams and cut deploy time by 35%\n\
            - Built internal tooling in Python used by 120 engineers\n\
            Software Engineer, Google | 2016 - 2019\n\
            Education\n\
            M.Sc. Computer Science, TU Berlin, 2016; CKA";
        let found = check_fabrication(ORIGINAL, tailored, "");
        let kinds = kinds(&found);
        for expected in [
            ("Senior Platform Engineer", ViolationKind::Title),
            ("2018", ViolationKind::Date),
            ("Terraform", ViolationKind::Skill),
            ("60", ViolationKind::Number),
            ("Google", ViolationKind::Employer),
            ("M.Sc", ViolationKind::Degree),
            ("CKA", ViolationKind::Certification),
            ("Maintained the billing service in Java", ViolationKind::Dropped),
        ] {
            assert!(kinds.contains(&expected), "{expected:?} in {kinds:#?}");
        }
        assert_eq!(kinds.len(), 8, "nothing else: {kinds:#?}");
    }

    #[test]
    fn a_whole_job_left_out_is_named_with_its_bullets() {
        let tailored = "Platform Engineer, Acme GmbH, Berlin | 2019 – present\n\
            - Ran Kubernetes clusters for 40 teams and cut deploy time by 35%\n\
            - Built internal tooling in Python used by 120 engineers\n\
            Education\n\
            B.Sc. Computer Science, TU Berlin, 2016";
        let dropped: Vec<String> = check_fabrication(ORIGINAL, tailored, "")
            .into_iter()
            .filter(|violation| violation.kind == ViolationKind::Dropped)
            .map(|violation| violation.text)
            .collect();
        assert_eq!(dropped, ["Software Engineer, Foo Inc. | 2016 - 2019", "Maintained the billing service in Java"]);
    }

    #[test]
    fn the_persons_notes_count_as_their_own_facts() {
        let tailored = "- Ran Kubernetes and Terraform for 40 teams and cut deploy time by 35%";
        let flagged = check_fabrication(ORIGINAL, tailored, "");
        assert!(kinds(&flagged).contains(&("Terraform", ViolationKind::Skill)));
        let noted = check_fabrication(ORIGINAL, tailored, "I also used Terraform at Acme.");
        assert!(!kinds(&noted).iter().any(|(_, kind)| *kind == ViolationKind::Skill), "{noted:#?}");
    }

    #[test]
    fn numbers_are_compared_as_values() {
        let values: Vec<String> = numbers_in("$2.3M, 35 %, 1,200 users, five teams, S3 and EC2, 2019")
            .into_iter()
            .map(|(_, value)| value)
            .collect();
        assert_eq!(values, ["2.3m", "35%", "1200", "5"]);
    }
}
