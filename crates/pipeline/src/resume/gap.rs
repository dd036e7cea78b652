//! The keyword gap between a posting and a resume, with no model: every term the posting asks for
//! (skills from the lexicon, certifications, a degree, years of experience, and the posting's own
//! repeated phrases), each found in the resume as written, under another name, or not at all.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::asks::{self, Degree};
use super::posting_lines::{PostingLine, posting_lines};
use crate::normalize::skill_matcher;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TermKind {
    Skill,
    Certification,
    Degree,
    Experience,
    Phrase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TermStatus {
    /// The resume says it as the posting does.
    Present,
    /// The resume says it under another name ("k8s" for Kubernetes).
    Alias,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GapTerm {
    pub term: String,
    pub kind: TermKind,
    pub status: TermStatus,
    /// False when the posting says it is nice to have.
    pub required: bool,
    /// The resume's lines that show it (at most three), or what the resume says instead.
    #[serde(rename = "where")]
    #[ts(rename = "where")]
    pub found_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeywordGap {
    /// Share of what the posting asks for that the resume shows, required terms counting twice.
    pub coverage: f64,
    /// Required first, then by kind as listed in [`TermKind`], each in the posting's order.
    pub terms: Vec<GapTerm>,
}

/// Most lines of the resume named for one term.
const MAX_WHERE: usize = 3;
/// Most of the posting's own phrases listed.
const MAX_PHRASES: usize = 6;

/// The gap between `posting` (plain text, lines kept) and `resume` (plain text).
pub fn keyword_gap(posting: &str, resume: &str) -> KeywordGap {
    employer_gap(posting, resume, "")
}

/// The same for a posting by `employer`: its own name is never a term it asks for, though the
/// lexicon may know it as a product ("Vercel", "Stripe", "Datadog").
pub fn employer_gap(posting: &str, resume: &str, employer: &str) -> KeywordGap {
    let lines = posting_lines(posting);
    let resume_lines: Vec<&str> = resume.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let mut terms = Vec::new();
    skill_terms(&lines, &resume_lines, &mut terms);
    let employer = employer.trim().to_lowercase();
    if !employer.is_empty() {
        terms.retain(|term| {
            let term = term.term.to_lowercase();
            term != employer && !employer.split_whitespace().any(|word| word == term)
        });
    }
    certification_terms(&lines, &resume_lines, &mut terms);
    degree_term(&lines, &resume_lines, &mut terms);
    experience_term(&lines, &resume_lines, &mut terms);
    phrase_terms(&lines, &resume_lines, &mut terms);
    terms.sort_by_key(|term| !term.required);
    let weight = |term: &GapTerm| if term.required { 2.0 } else { 1.0 };
    let total: f64 = terms.iter().map(weight).sum();
    let shown: f64 = terms.iter().filter(|term| term.status != TermStatus::Missing).map(weight).sum();
    KeywordGap { coverage: if total > 0.0 { shown / total } else { 1.0 }, terms }
}

/// Lines of the resume, shortened for showing.
fn quote(line: &str) -> String {
    const MAX: usize = 140;
    if line.chars().count() <= MAX {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

/// Whether any line asking for it is required, in the posting's order of first mention.
fn asked<K: Clone + PartialEq>(lines: &[PostingLine], mut find: impl FnMut(&str) -> Vec<K>) -> Vec<(K, bool)> {
    let mut out: Vec<(K, bool)> = Vec::new();
    for line in lines {
        for key in find(&line.text) {
            match out.iter_mut().find(|(known, _)| *known == key) {
                Some((_, required)) => *required |= !line.nice_to_have,
                None => out.push((key, !line.nice_to_have)),
            }
        }
    }
    out
}

fn skill_terms(lines: &[PostingLine], resume: &[&str], terms: &mut Vec<GapTerm>) {
    let matcher = skill_matcher();
    let mut spelled_in_posting: HashMap<String, Vec<String>> = HashMap::new();
    let wanted = asked(lines, |line| {
        let mentions = matcher.mentions(line);
        for (name, written) in &mentions {
            spelled_in_posting.entry(name.clone()).or_default().push(written.to_lowercase());
        }
        mentions.into_iter().map(|(name, _)| name).collect()
    });
    // Each skill the resume names: how it is written there, and on which lines.
    let mut in_resume: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    for line in resume {
        for (name, written) in matcher.mentions(line) {
            let entry = in_resume.entry(name).or_default();
            entry.0.push(written.to_lowercase());
            if entry.1.len() < MAX_WHERE && !entry.1.contains(&quote(line)) {
                entry.1.push(quote(line));
            }
        }
    }
    for (name, required) in wanted {
        let (status, found_in) = match in_resume.get(&name) {
            Some((written, lines)) => {
                let posting_spellings = spelled_in_posting.get(&name).cloned().unwrap_or_default();
                let same = written.iter().any(|spelling| posting_spellings.contains(spelling));
                (if same { TermStatus::Present } else { TermStatus::Alias }, lines.clone())
            }
            None => (TermStatus::Missing, Vec::new()),
        };
        terms.push(GapTerm { term: name, kind: TermKind::Skill, status, required, found_in });
    }
}

fn certification_terms(lines: &[PostingLine], resume: &[&str], terms: &mut Vec<GapTerm>) {
    for (certification, required) in asked(lines, asks::certifications_in) {
        let found_in: Vec<String> = resume
            .iter()
            .filter(|line| asks::certifications_in(line).contains(&certification))
            .take(MAX_WHERE)
            .map(|line| quote(line))
            .collect();
        let status = if found_in.is_empty() { TermStatus::Missing } else { TermStatus::Present };
        terms.push(GapTerm {
            term: certification.to_string(),
            kind: TermKind::Certification,
            status,
            required,
            found_in,
        });
    }
}

fn degree_term(lines: &[PostingLine], resume: &[&str], terms: &mut Vec<GapTerm>) {
    // The lowest degree any line asks for, required if a required line asks for one.
    let asked_for: Vec<(Degree, bool)> = lines
        .iter()
        .filter_map(|line| asks::degree_asked(&line.text).map(|degree| (degree, !line.nice_to_have)))
        .collect();
    let Some(wanted) = asked_for.iter().map(|(degree, _)| *degree).min() else { return };
    let required = asked_for.iter().any(|(_, required)| *required);
    let held: Vec<(&str, Degree)> =
        resume.iter().filter_map(|line| asks::degree_in(line).map(|degree| (*line, degree))).collect();
    let best = held.iter().map(|(_, degree)| *degree).max();
    let (status, found_in) = match best {
        Some(degree) if degree >= wanted => (
            if degree == wanted { TermStatus::Present } else { TermStatus::Alias },
            held.iter().filter(|(_, held)| *held >= wanted).take(MAX_WHERE).map(|(line, _)| quote(line)).collect(),
        ),
        _ => (TermStatus::Missing, held.iter().take(MAX_WHERE).map(|(line, _)| quote(line)).collect()),
    };
    terms.push(GapTerm { term: wanted.label().to_string(), kind: TermKind::Degree, status, required, found_in });
}

fn experience_term(lines: &[PostingLine], resume: &[&str], terms: &mut Vec<GapTerm>) {
    let asked_for: Vec<(u32, bool)> = lines
        .iter()
        .filter_map(|line| asks::years_asked(&line.text).map(|years| (years, !line.nice_to_have)))
        .collect();
    let Some(wanted) = asked_for.iter().map(|(years, _)| *years).max() else { return };
    let required = asked_for.iter().any(|(years, required)| *years == wanted && *required);
    let this_year = asks::this_year();
    let dated: Vec<(&str, Vec<asks::Span>)> = resume
        .iter()
        .map(|line| (*line, asks::spans_in(line, this_year)))
        .filter(|(_, spans)| !spans.is_empty())
        .collect();
    let spans: Vec<asks::Span> = dated.iter().flat_map(|(_, spans)| spans.iter().copied()).collect();
    let covered = asks::years_covered(&spans);
    let status = if covered >= wanted { TermStatus::Present } else { TermStatus::Missing };
    let mut found_in = vec![format!("about {covered} years in the resume's dates")];
    found_in.extend(dated.iter().take(MAX_WHERE).map(|(line, _)| quote(line)));
    terms.push(GapTerm {
        term: format!("{wanted}+ years of experience"),
        kind: TermKind::Experience,
        status,
        required,
        found_in,
    });
}

/// Besides the ranking's stopwords, words that never start or end a key phrase: counts of time,
/// and German function words.
const MORE_STOP: &[&str] = &[
    "years", "year", "new", "how", "und", "der", "die", "das", "mit", "für", "von", "ein", "eine", "du", "wir", "sie",
    "ihr", "im", "zu",
];

fn is_stop(word: &str) -> bool {
    crate::ranking::similarity::STOPWORDS.contains(&word) || MORE_STOP.contains(&word)
}

fn phrase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|word| word.trim_matches('-').to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Two- and three-word phrases the posting uses at least twice (its own emphasis), that are not
/// skills of the lexicon already listed.
fn phrase_terms(lines: &[PostingLine], resume: &[&str], terms: &mut Vec<GapTerm>) {
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for line in lines {
        let words = phrase_words(&line.text);
        for size in [3, 2] {
            for window in words.windows(size) {
                let first = &window[0];
                let last = &window[size - 1];
                if is_stop(first) || is_stop(last) || window.iter().any(|word| word.chars().all(|c| c.is_ascii_digit()))
                {
                    continue;
                }
                let phrase = window.join(" ");
                match counts.iter_mut().find(|(known, _, _)| *known == phrase) {
                    Some((_, count, required)) => {
                        *count += 1;
                        *required |= !line.nice_to_have;
                    }
                    None => counts.push((phrase, 1, !line.nice_to_have)),
                }
            }
        }
    }
    let skills: Vec<String> = terms.iter().map(|term| term.term.to_lowercase()).collect();
    let mut repeated: Vec<(String, usize, bool)> = counts
        .into_iter()
        .filter(|(phrase, count, _)| *count >= 2 && !skills.iter().any(|skill| phrase.contains(skill.as_str())))
        .collect();
    // A three-word phrase repeated as often as its two-word part says more; keep the longer.
    let longer: Vec<(String, usize)> = repeated
        .iter()
        .filter(|(phrase, _, _)| phrase.split(' ').count() == 3)
        .map(|(phrase, count, _)| (phrase.clone(), *count))
        .collect();
    repeated.retain(|(phrase, count, _)| {
        !longer.iter().any(|(long, long_count)| long != phrase && long.contains(phrase.as_str()) && long_count >= count)
    });
    repeated.sort_by_key(|(_, count, _)| std::cmp::Reverse(*count));
    let resume_words: Vec<(Vec<String>, &str)> = resume.iter().map(|line| (phrase_words(line), *line)).collect();
    for (phrase, _, required) in repeated.into_iter().take(MAX_PHRASES) {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        let found_in: Vec<String> = resume_words
            .iter()
            .filter(|(words, _)| {
                words.windows(wanted.len()).any(|window| window.iter().zip(&wanted).all(|(a, b)| a == b))
            })
            .take(MAX_WHERE)
            .map(|(_, line)| quote(line))
            .collect();
        let status = if found_in.is_empty() { TermStatus::Missing } else { TermStatus::Present };
        terms.push(GapTerm { term: phrase, kind: TermKind::Phrase, status, required, found_in });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTING: &str = "Senior Platform Engineer\n\
        Requirements\n\
        - 5+ years of experience building distributed systems\n\
        - Kubernetes and Terraform in production\n\
        - Python or Go for tooling\n\
        - Bachelor's degree in Computer Science or equivalent\n\
        - CKA certification\n\
        You will design distributed systems that scale and own our platform tooling.\n\
        - Improve platform tooling for every team\n\
        Nice to have\n\
        - Kafka\n\
        - AWS Certified Solutions Architect";

    const RESUME: &str = "Jane Doe\njane@example.com\n\
        Experience\n\
        Platform Engineer, Acme GmbH, 2019 – present\n\
        - Ran k8s clusters for 40 teams; built our distributed systems tooling in Python\n\
        - Migrated infrastructure to Terraform\n\
        Software Engineer, Foo Inc., 2016 - 2019\n\
        Education\n\
        M.Sc. Computer Science, TU Berlin, 2016";

    fn term<'a>(gap: &'a KeywordGap, name: &str) -> &'a GapTerm {
        gap.terms.iter().find(|term| term.term == name).unwrap_or_else(|| panic!("{name} in {:#?}", gap.terms))
    }

    #[test]
    fn each_term_is_present_aliased_or_missing_with_where_it_is() {
        let gap = keyword_gap(POSTING, RESUME);
        let kubernetes = term(&gap, "Kubernetes");
        assert_eq!((kubernetes.status, kubernetes.required), (TermStatus::Alias, true));
        assert_eq!(
            kubernetes.found_in,
            ["- Ran k8s clusters for 40 teams; built our distributed systems tooling in Python"]
        );
        assert_eq!(term(&gap, "Terraform").status, TermStatus::Present);
        assert_eq!(term(&gap, "Python").status, TermStatus::Present);
        let kafka = term(&gap, "Kafka");
        assert_eq!((kafka.status, kafka.required), (TermStatus::Missing, false));
        let cka = term(&gap, "CKA");
        assert_eq!((cka.kind, cka.status, cka.required), (TermKind::Certification, TermStatus::Missing, true));
        assert!(!term(&gap, "AWS Certified").required);
        let degree = term(&gap, "Bachelor's degree");
        assert_eq!(degree.status, TermStatus::Alias, "a Master's answers a Bachelor's");
        assert_eq!(degree.found_in, ["M.Sc. Computer Science, TU Berlin, 2016"]);
        let years = term(&gap, "5+ years of experience");
        assert_eq!(years.status, TermStatus::Present, "{years:?}");
        assert!(years.found_in[0].starts_with("about "), "{years:?}");
        assert_eq!(term(&gap, "Distributed systems").status, TermStatus::Present, "a skill of the lexicon");
        let phrase = term(&gap, "platform tooling");
        assert_eq!((phrase.kind, phrase.status, phrase.required), (TermKind::Phrase, TermStatus::Missing, true));
        assert!(gap.terms.iter().take_while(|term| term.required).count() >= 7, "required first");
        assert!(gap.coverage > 0.5 && gap.coverage < 1.0, "{}", gap.coverage);
    }

    #[test]
    fn an_empty_resume_covers_nothing_and_a_posting_asking_nothing_is_covered() {
        let gap = keyword_gap(POSTING, "");
        assert_eq!(gap.coverage, 0.0);
        assert!(gap.terms.iter().all(|term| term.status == TermStatus::Missing));
        assert_eq!(keyword_gap("Friendly office, free lunch.", RESUME).coverage, 1.0);
    }

    #[test]
    fn the_employers_own_name_is_not_a_term_it_asks_for() {
        let posting = "About Vercel\nVercel builds the frontend cloud. You know Kubernetes.";
        let asked: Vec<String> = keyword_gap(posting, "").terms.into_iter().map(|term| term.term).collect();
        assert!(asked.contains(&"Vercel".to_string()), "the lexicon knows it: {asked:?}");
        let asked: Vec<String> =
            employer_gap(posting, "", "Vercel Inc.").terms.into_iter().map(|term| term.term).collect();
        assert_eq!(asked, ["Kubernetes"]);
    }

    #[test]
    fn the_json_names_where() {
        let json = serde_json::to_value(keyword_gap(POSTING, RESUME)).unwrap();
        assert!(json["terms"][0].get("where").is_some(), "{json}");
        assert!(json["terms"][0]["status"].is_string());
    }
}
