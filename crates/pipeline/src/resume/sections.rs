//! A resume's text read into sections, deterministically: headings (in English, German, French
//! and Spanish, or a short line in capitals), then within experience, education and projects the
//! entries (a header with a title, an organisation and dates, then bullets). Nothing is dropped:
//! a line that fits nowhere is kept in the section it sits in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::asks;
use super::vocabulary::{DEGREE_WORDS, ROLE_WORDS};

/// One entry of experience, education or projects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ResumeEntry {
    /// The job title, degree or project name.
    pub title: Option<String>,
    /// The employer or school.
    pub organization: Option<String>,
    /// The dates as written ("2019 – present").
    pub dates: Option<String>,
    pub bullets: Vec<String>,
    /// Header and prose lines, as written, in order.
    pub lines: Vec<String>,
}

/// A section with no structure of its own (languages, awards, interests...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct OtherSection {
    pub heading: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ResumeSections {
    /// The lines above the first heading: name, email, phone, links.
    pub contact: Vec<String>,
    pub summary: Vec<String>,
    pub experience: Vec<ResumeEntry>,
    pub education: Vec<ResumeEntry>,
    pub skills: Vec<String>,
    pub projects: Vec<ResumeEntry>,
    pub other: Vec<OtherSection>,
}

impl ResumeSections {
    /// Every bullet of every entry, in order.
    pub fn bullet_count(&self) -> usize {
        [&self.experience, &self.education, &self.projects]
            .iter()
            .flat_map(|entries| entries.iter())
            .map(|entry| entry.bullets.len())
            .sum()
    }

    /// The sections as plain text in a fixed order, with English headings: what the fabrication
    /// check reads and what an export lays out.
    pub fn to_text(&self) -> String {
        let mut out: Vec<String> = self.contact.clone();
        let mut section = |heading: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push(heading.to_string());
                out.extend(lines);
            }
        };
        section("Summary", self.summary.clone());
        section("Experience", self.experience.iter().flat_map(ResumeEntry::text_lines).collect());
        section("Education", self.education.iter().flat_map(ResumeEntry::text_lines).collect());
        section("Skills", if self.skills.is_empty() { Vec::new() } else { vec![self.skills.join(", ")] });
        section("Projects", self.projects.iter().flat_map(ResumeEntry::text_lines).collect());
        for other in &self.other {
            section(&other.heading, other.lines.clone());
        }
        out.join("\n")
    }
}

impl ResumeEntry {
    /// The entry's header: its lines as written when it was read from text, else "Title,
    /// Organization | Dates" (what of it is known).
    pub fn header(&self) -> Vec<String> {
        if !self.lines.is_empty() {
            return self.lines.clone();
        }
        let mut header =
            [self.title.as_deref(), self.organization.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        if let Some(dates) = &self.dates {
            header = if header.is_empty() { dates.clone() } else { format!("{header} | {dates}") };
        }
        if header.is_empty() { Vec::new() } else { vec![header] }
    }

    fn text_lines(&self) -> Vec<String> {
        let mut lines = self.header();
        lines.extend(self.bullets.iter().map(|bullet| format!("- {bullet}")));
        lines
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Other,
}

const HEADINGS: &[(Kind, &[&str])] = &[
    (
        Kind::Experience,
        &[
            "experience",
            "work experience",
            "professional experience",
            "employment",
            "employment history",
            "work history",
            "career",
            "career history",
            "relevant experience",
            "berufserfahrung",
            "beruflicher werdegang",
            "praxiserfahrung",
            "berufliche erfahrung",
            "expérience professionnelle",
            "expériences professionnelles",
            "expérience",
            "experiencia",
            "experiencia profesional",
            "experiencia laboral",
        ],
    ),
    (
        Kind::Education,
        &[
            "education",
            "academic background",
            "education and training",
            "ausbildung",
            "studium",
            "bildung",
            "bildungsweg",
            "schul- und berufsbildung",
            "formation",
            "formación",
            "educación",
        ],
    ),
    (
        Kind::Skills,
        &[
            "skills",
            "technical skills",
            "core competencies",
            "competencies",
            "key skills",
            "technologies",
            "toolbox",
            "kenntnisse",
            "fachkenntnisse",
            "fähigkeiten",
            "it-kenntnisse",
            "compétences",
            "habilidades",
            "strengths",
        ],
    ),
    (
        Kind::Summary,
        &[
            "summary",
            "profile",
            "professional summary",
            "about me",
            "objective",
            "personal statement",
            "profil",
            "kurzprofil",
            "über mich",
            "résumé",
            "perfil",
            "resumen",
        ],
    ),
    (
        Kind::Projects,
        &["projects", "personal projects", "side projects", "selected projects", "projekte", "projets", "proyectos"],
    ),
    (
        Kind::Other,
        &[
            "certifications",
            "certificates",
            "zertifizierungen",
            "zertifikate",
            "languages",
            "sprachen",
            "langues",
            "idiomas",
            "publications",
            "veröffentlichungen",
            "awards",
            "honors",
            "auszeichnungen",
            "volunteering",
            "volunteer experience",
            "ehrenamt",
            "interests",
            "hobbies",
            "hobbys",
            "interessen",
            "references",
            "referenzen",
            "persönliche daten",
            "personal information",
        ],
    ),
];

const BULLETS: &[char] = &['-', '•', '*', '▪', '◦', '–', '·', '●', '○', '■', '►', '➢', '✓'];

/// The heading a line is, if it is one.
fn heading(line: &str) -> Option<(Kind, String)> {
    let text = line.trim().trim_end_matches(':').trim();
    let lower = text.to_lowercase();
    for (kind, names) in HEADINGS {
        if names.contains(&lower.as_str()) {
            return Some((*kind, text.to_string()));
        }
    }
    // An unknown short heading in capitals ("VOLUNTEER WORK") opens a section of its own.
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (words <= 4 && letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()))
        .then(|| (Kind::Other, text.to_string()))
}

fn bullet(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let rest = trimmed.strip_prefix(BULLETS)?;
    // "-2019" or "–present" is not a bullet; a bullet marker is followed by a space.
    rest.starts_with(char::is_whitespace).then(|| rest.trim())
}

/// Reads `text` (a resume's extracted text) into sections.
pub fn read_sections(text: &str) -> ResumeSections {
    let text = &rejoin_broken_dates(text);
    let mut sections = ResumeSections::default();
    let mut current: Option<Kind> = None;
    let mut entry_lines: Vec<String> = Vec::new();
    let flush = |sections: &mut ResumeSections, kind: Option<Kind>, lines: &mut Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let entries = entries(lines);
        match kind {
            Some(Kind::Experience) => sections.experience.extend(entries),
            Some(Kind::Education) => sections.education.extend(entries),
            Some(Kind::Projects) => sections.projects.extend(entries),
            _ => {}
        }
        lines.clear();
    };
    let this_year = asks::this_year();
    for raw in text.lines() {
        let mut line = raw.trim();
        if line.is_empty() {
            continue;
        }
        // A heading alone on its line, or before its content ("Skills: Python, Go").
        // Inline only for skills and summary: inside a section, "Languages: ..." is a label.
        let inline = line.split_once(':').and_then(|(head, rest)| {
            heading(head)
                .filter(|(kind, _)| matches!(kind, Kind::Skills | Kind::Summary) && current != Some(Kind::Skills))
                .filter(|_| !rest.trim().is_empty())
                .map(|found| (found, rest.trim()))
        });
        if let Some(((kind, name), rest)) = heading(line).map(|found| (found, "")).or(inline) {
            flush(&mut sections, current, &mut entry_lines);
            current = Some(kind);
            if kind == Kind::Other {
                sections.other.push(OtherSection { heading: name, lines: Vec::new() });
            }
            if rest.is_empty() {
                continue;
            }
            line = rest;
        }
        // A dated entry before any heading, or under the summary, opens the experience: many
        // resumes list their jobs without saying "Experience".
        if matches!(current, None | Some(Kind::Summary)) && !asks::spans_in(line, this_year).is_empty() {
            flush(&mut sections, current, &mut entry_lines);
            // "of Technology | 2019 - present": the entry's header began on the line before.
            let wrapped = line.chars().next().is_some_and(char::is_lowercase);
            let began = match current {
                None if wrapped => sections.contact.pop(),
                Some(Kind::Summary) if wrapped => sections.summary.pop(),
                _ => None,
            };
            current = Some(Kind::Experience);
            if let Some(began) = began {
                entry_lines.push(format!("{began} {line}"));
                continue;
            }
        }
        match current {
            None => sections.contact.push(line.to_string()),
            Some(Kind::Summary) => sections.summary.push(line.to_string()),
            Some(Kind::Skills) => sections.skills.extend(skill_items(line)),
            Some(Kind::Other) => {
                if let Some(section) = sections.other.last_mut() {
                    section.lines.push(line.to_string());
                }
            }
            Some(Kind::Experience | Kind::Education | Kind::Projects) => entry_lines.push(line.to_string()),
        }
    }
    flush(&mut sections, current, &mut entry_lines);
    sections
}

/// Lines as they were meant: a date range a PDF broke at its dash ("| 2019 -" then "present")
/// is one line again.
fn rejoin_broken_dates(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let first_word = trimmed.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
        let continues_range = trimmed.starts_with(|c: char| c.is_ascii_digit())
            || ONGOING_END.iter().any(|word| trimmed.to_ascii_lowercase().starts_with(word))
            || (!first_word.is_empty() && is_month(first_word));
        match out.last_mut() {
            Some(previous) if continues_range && previous.trim_end().ends_with(['-', '–', '—']) => {
                previous.push(' ');
                previous.push_str(trimmed);
            }
            _ => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

/// A skills line as its items: "Languages: Python, Go" is "Python" and "Go".
fn skill_items(line: &str) -> Vec<String> {
    let content = bullet(line).unwrap_or(line);
    let items = match content.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 4 && !rest.trim().is_empty() => rest,
        _ => content,
    };
    items
        .split([',', ';', '•', '·', '|'])
        .map(|item| item.trim().trim_end_matches('.').to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The entries of an experience, education or projects section: a new entry starts at a header
/// line after bullets, or at a dated line when the entry already has its dates.
fn entries(lines: &[String]) -> Vec<ResumeEntry> {
    let this_year = asks::this_year();
    let mut out: Vec<ResumeEntry> = Vec::new();
    let mut started = false;
    let mut after_bullet = false;
    for line in lines {
        if let Some(text) = bullet(line) {
            if !started {
                out.push(ResumeEntry::default());
                started = true;
            }
            if let Some(entry) = out.last_mut() {
                entry.bullets.push(text.to_string());
            }
            after_bullet = true;
            continue;
        }
        let dated = dates_in(line, this_year).is_some();
        // A bullet wrapped onto the next line (a PDF's lines are the page's): the line goes on
        // with the bullet when it cannot be an entry's header.
        if after_bullet
            && !dated
            && let Some(last) = out.last_mut().and_then(|entry| entry.bullets.last_mut())
            && is_continuation(last, line)
        {
            last.push(' ');
            last.push_str(line);
            continue;
        }
        after_bullet = false;
        // A header wrapped onto the next line goes on with it: the line starts in lower case, or a
        // long header line without dates is followed by a few words before the dates ("Library |
        // April 2015 - June 2016").
        let first_part = line.split(['|', ',']).next().unwrap_or_default();
        let wrapped_header = |entry: &ResumeEntry| {
            entry.dates.is_none()
                && dated
                && entry.bullets.is_empty()
                && entry.lines.last().is_some_and(|last| last.chars().count() >= 60)
                && first_part.split_whitespace().count() <= 3
                && !has_title_word(first_part)
        };
        if (line.chars().next().is_some_and(char::is_lowercase) || out.last().is_some_and(wrapped_header))
            && let Some(entry) = out.last_mut()
            && let Some(last) = entry.lines.last_mut()
        {
            last.push(' ');
            last.push_str(line);
            if entry.dates.is_none() {
                entry.dates = dates_in(last, this_year);
            }
            continue;
        }
        // A new entry: after bullets, at a second date, or at a second title ("Ph.D. ..." then
        // "M.S. ..." on the next line, each a degree of its own).
        let new_entry = match out.last() {
            None => true,
            Some(entry) => {
                !entry.bullets.is_empty()
                    || (dated && entry.dates.is_some())
                    || (has_title_word(line) && entry.lines.iter().any(|known| has_title_word(known)))
            }
        };
        if new_entry || !started {
            out.push(ResumeEntry::default());
            started = true;
        }
        if let Some(entry) = out.last_mut() {
            entry.lines.push(line.to_string());
            if entry.dates.is_none() {
                entry.dates = dates_in(line, this_year);
            }
        }
    }
    for entry in &mut out {
        let (title, organization) = title_and_organization(&entry.lines);
        entry.title = title;
        entry.organization = organization;
    }
    out
}

/// The dates of a line, from its first year (or the month before it) to the end of its span.
fn dates_in(line: &str, this_year: i32) -> Option<String> {
    let spans = asks::spans_in(line, this_year);
    let first_year = line.char_indices().find(|(at, _)| {
        line[*at..].get(..4).is_some_and(|four| four.chars().all(|c| c.is_ascii_digit()))
            && four_digit_year(&line[*at..*at + 4])
            && !line[..*at].chars().next_back().is_some_and(|c| c.is_ascii_digit())
    });
    let (start, _) = first_year?;
    // Include a month written before the year ("Jan 2019", "03/2019", "05.2017").
    let before = &line[..start];
    let month_start =
        before.trim_end_matches(['/', '.', ' ']).rfind(|c: char| !(c.is_alphanumeric())).map(|at| at + 1).unwrap_or(0);
    let month = before[month_start..].trim_end_matches(['/', '.', ' ']);
    let start =
        if !month.is_empty() && (month.len() <= 9 && (month.chars().all(|c| c.is_ascii_digit()) || is_month(month))) {
            month_start
        } else {
            start
        };
    let text = if spans.is_empty() {
        line[start..].split(['|', ',', ')', '(']).next().unwrap_or_default().trim().to_string()
    } else {
        let end = ONGOING_END
            .iter()
            .filter_map(|word| find_ascii_ci(&line[start..], word).map(|at| start + at + word.len()))
            .max();
        let last_year_end = line
            .char_indices()
            .filter(|(at, _)| line[*at..].get(..4).is_some_and(four_digit_year))
            .map(|(at, _)| at + 4)
            .max()
            .unwrap_or(line.len());
        line[start..end.unwrap_or(0).max(last_year_end)].trim().to_string()
    };
    (!text.is_empty()).then_some(text)
}

const ONGOING_END: &[&str] = &["present", "current", "heute", "aktuell", "today", "now", "ongoing"];

/// Where `word` (lower-case ASCII) is in `text`, ignoring ASCII case; byte offsets are kept.
fn find_ascii_ci(text: &str, word: &str) -> Option<usize> {
    text.to_ascii_lowercase().find(word)
}

fn four_digit_year(text: &str) -> bool {
    text.len() == 4 && text.parse::<i32>().is_ok_and(|year| (1950..=2040).contains(&year))
}

fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "januar",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "august",
        "oktober",
        "dezember",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// Whether `line` carries on `bullet`: it starts in lower case, or the bullet has not ended its
/// sentence and the line reads like no header (no title word, no "|" or "@").
fn is_continuation(bullet: &str, line: &str) -> bool {
    let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
    let bullet_open = !bullet.trim_end().ends_with(['.', '!', '?', ';', ':']);
    starts_lower || (bullet_open && !has_title_word(line) && !line.contains(['|', '@']))
}

fn has_title_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|word| word.trim_end_matches('.'))
        .any(|word| ROLE_WORDS.contains(&word) || DEGREE_WORDS.contains(&word))
}

/// The title and the organisation of an entry's header, from its parts (split at "|", ",", " at ",
/// dashes), dates left out: the part with title words is the title, the first other the organisation.
fn title_and_organization(lines: &[String]) -> (Option<String>, Option<String>) {
    let this_year = asks::this_year();
    let mut parts: Vec<String> = Vec::new();
    for line in lines.iter().take(3) {
        let without_dates = match dates_in(line, this_year) {
            Some(dates) => line.replace(&dates, " "),
            None => line.clone(),
        };
        for part in without_dates
            .split(['|', ',', '—', '–', '(', ')', '@'])
            .flat_map(|part| part.split(" at "))
            .flat_map(|part| part.split(" - "))
        {
            let part = part.trim().trim_matches(['*', '_', '.', ' ']);
            if part.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                parts.push(part.to_string());
            }
        }
    }
    let is_title = |part: &str| has_title_word(part);
    let title = parts.iter().find(|part| is_title(part)).cloned();
    let organization = parts.iter().find(|part| Some(*part) != title.as_ref() && !is_place(part)).cloned();
    (title, organization)
}

/// A part that is only a place ("Berlin", "San Diego, CA" split as "CA").
fn is_place(part: &str) -> bool {
    part.len() <= 3 && part.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_resume_reads_into_its_sections_and_entries() {
        let text = "Jane Doe\njane@example.com | +49 30 1234567\n\
            Summary\nPlatform engineer who likes boring infrastructure.\n\
            Experience\n\
            Platform Engineer, Acme GmbH, Berlin | 2019 – present\n\
            - Ran Kubernetes clusters for 40 teams\n\
            - Built internal tooling in Python\n\
            Software Engineer | Foo Inc. | Jan 2016 - Dec 2018\n\
            • Maintained the billing service\n\
            Education\n\
            M.Sc. Computer Science, TU Berlin, 2016\n\
            Skills\n\
            Languages: Python, Go; Rust\n\
            Kubernetes, Terraform\n\
            LANGUAGES\nGerman (native), English (fluent)";
        let sections = read_sections(text);
        assert_eq!(sections.contact, ["Jane Doe", "jane@example.com | +49 30 1234567"]);
        assert_eq!(sections.summary, ["Platform engineer who likes boring infrastructure."]);
        assert_eq!(sections.experience.len(), 2);
        let first = &sections.experience[0];
        assert_eq!(first.title.as_deref(), Some("Platform Engineer"));
        assert_eq!(first.organization.as_deref(), Some("Acme GmbH"));
        assert_eq!(first.dates.as_deref(), Some("2019 – present"));
        assert_eq!(first.bullets, ["Ran Kubernetes clusters for 40 teams", "Built internal tooling in Python"]);
        let second = &sections.experience[1];
        assert_eq!(
            (second.title.as_deref(), second.organization.as_deref(), second.dates.as_deref()),
            (Some("Software Engineer"), Some("Foo Inc"), Some("Jan 2016 - Dec 2018"))
        );
        assert_eq!(sections.education[0].title.as_deref(), Some("M.Sc. Computer Science"));
        assert_eq!(sections.education[0].organization.as_deref(), Some("TU Berlin"));
        assert_eq!(sections.skills, ["Python", "Go", "Rust", "Kubernetes", "Terraform"]);
        assert_eq!(sections.other[0].heading, "LANGUAGES");
        assert_eq!(sections.bullet_count(), 3);
    }

    #[test]
    fn german_headings_and_dates_with_months() {
        let text = "Beruflicher Werdegang\n\
            Cloud Solution Engineer, HRS Innovation HUB | 05.2017 - aktuell\n\
            - Automatisierung der Cloud-Infrastruktur in AWS\n\
            System Administrator, Fonpit AG | 01.2016 - 04.2017\n\
            - Verwaltung interner Server\n\
            Ausbildung\n\
            Diplom-Volkswirt, Philipps-Universität Marburg | 1996 - 2001\n\
            Kenntnisse\n\
            AWS, Kubernetes";
        let sections = read_sections(text);
        assert_eq!(sections.experience.len(), 2);
        assert_eq!(sections.experience[0].dates.as_deref(), Some("05.2017 - aktuell"));
        assert_eq!(sections.experience[1].organization.as_deref(), Some("Fonpit AG"));
        assert_eq!(sections.experience[1].dates.as_deref(), Some("01.2016 - 04.2017"));
        assert_eq!(sections.education[0].title.as_deref(), Some("Diplom-Volkswirt"));
        assert_eq!(sections.skills, ["AWS", "Kubernetes"]);
    }

    #[test]
    fn a_title_on_one_line_and_its_employer_and_dates_on_the_next_are_one_entry() {
        let text = "Experience\nSenior Data Analyst\nLytx, San Diego | 2024 - Present\n- Dashboards in Tableau\n\
            Data Analyst\nEliassen Group | 2021 - 2024\n- SQL pipelines";
        let sections = read_sections(text);
        assert_eq!(sections.experience.len(), 2, "{:#?}", sections.experience);
        assert_eq!(sections.experience[0].title.as_deref(), Some("Senior Data Analyst"));
        assert_eq!(sections.experience[0].organization.as_deref(), Some("Lytx"));
        assert_eq!(sections.experience[1].dates.as_deref(), Some("2021 - 2024"));
    }

    /// The ten resumes of the fabrication set (adapted from public resumes, two in German): their
    /// jobs, bullets, degrees and skills as a person counts them.
    #[test]
    fn the_evaluation_sets_resumes_read_as_a_person_counts_them() {
        let mut originals: Vec<String> = Vec::new();
        for line in include_str!("../../../../assets/eval/fabrication-pairs.jsonl").lines() {
            let pair: serde_json::Value = serde_json::from_str(line).unwrap();
            let original = pair["original"].as_str().unwrap().to_string();
            if !originals.contains(&original) {
                originals.push(original);
            }
        }
        let expected: [(usize, usize, usize, usize); 10] = [
            // (jobs, bullets of the jobs, education entries, skills)
            (2, 4, 1, 0),
            (1, 3, 1, 5),
            (3, 4, 1, 0),
            (3, 5, 0, 0),
            (2, 4, 3, 0),
            (1, 3, 0, 6),
            (3, 6, 0, 0),
            (1, 3, 1, 0),
            (2, 3, 1, 0),
            (1, 4, 1, 3),
        ];
        assert_eq!(originals.len(), expected.len());
        for (number, (text, (jobs, bullets, schools, skills))) in (1..).zip(originals.iter().zip(expected)) {
            let sections = read_sections(text);
            let got = (
                sections.experience.len(),
                sections.experience.iter().map(|job| job.bullets.len()).sum::<usize>(),
                sections.education.len(),
                sections.skills.len(),
            );
            assert_eq!(got, (jobs, bullets, schools, skills), "resume {number}: {sections:#?}");
            for job in &sections.experience {
                assert!(job.dates.is_some() && job.title.is_some(), "resume {number}: {job:#?}");
            }
        }
    }

    #[test]
    fn sections_written_back_as_text_read_the_same() {
        let text = "Jane Doe\njane@example.com\nSummary\nPlatform engineer.\nExperience\n\
            Platform Engineer, Acme GmbH | 2019 – present\n- Ran Kubernetes clusters\n- Built tooling\n\
            Education\nM.Sc. Computer Science, TU Berlin, 2016\nSkills\nPython, Go\nLANGUAGES\nGerman";
        let sections = read_sections(text);
        let again = read_sections(&sections.to_text());
        assert_eq!(again, sections);
        let built = ResumeEntry {
            title: Some("Engineer".into()),
            organization: Some("Acme".into()),
            dates: Some("2019 - 2021".into()),
            bullets: vec!["Did things".into()],
            lines: Vec::new(),
        };
        assert_eq!(built.text_lines(), ["Engineer, Acme | 2019 - 2021", "- Did things"]);
    }

    #[test]
    fn a_bullet_wrapped_onto_the_next_line_stays_one_bullet() {
        let text = "Experience\nPlatform Engineer, Acme GmbH | 2019 – present\n\
            • Ran Kubernetes clusters for 40 teams and cut the time from merge to production by\n\
            35% through efficient deployment workflows\n\
            • Built internal tooling in Python\n\
            Software Engineer, Foo Inc. | 2016 - 2019\n\
            • Maintained the billing service";
        let sections = read_sections(text);
        assert_eq!(sections.experience.len(), 2, "{sections:#?}");
        assert_eq!(
            sections.experience[0].bullets,
            [
                "Ran Kubernetes clusters for 40 teams and cut the time from merge to production by 35% through efficient deployment workflows",
                "Built internal tooling in Python"
            ]
        );
    }

    #[test]
    fn a_date_range_broken_at_its_dash_and_a_header_broken_mid_name_are_mended() {
        let text = "Researcher, Institute for Program Structures, Karlsruhe Institute of Technology | 2019 -\n\
            present\n• Research on program analysis\n\
            Researcher, FZI Research Center for Information Technology, Karlsruhe Institute of\n\
            Technology | April 2015 -\nJune 2019\n• Industry projects";
        let sections = read_sections(text);
        let jobs: Vec<(Option<&str>, Option<&str>)> =
            sections.experience.iter().map(|job| (job.organization.as_deref(), job.dates.as_deref())).collect();
        assert_eq!(
            jobs,
            [
                (Some("Institute for Program Structures"), Some("2019 - present")),
                (Some("FZI Research Center for Information Technology"), Some("April 2015 - June 2019"))
            ]
        );
    }

    #[test]
    fn text_with_no_headings_is_all_contact_and_nothing_is_lost() {
        let sections = read_sections("Just a paragraph about me.\nAnd another line.");
        assert_eq!(sections.contact.len(), 2);
        assert!(sections.experience.is_empty());
    }
}
