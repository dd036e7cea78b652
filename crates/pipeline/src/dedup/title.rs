//! Titles as dedup compares them: one key per title that a retyped copy shares (case, punctuation,
//! abbreviations, gender and work-mode markers, the job's own city appended), and alternates for
//! titles that carry two names of the job (a translation in brackets or after a dash, a team).

use super::place::{Places, is_place_phrase, is_work_mode_word};

/// A title's keys: `primary` is compared with the other title's; a title with several parts also
/// offers each part (and the title without its last part) as an alternate, matched against the
/// other title's primary key only, so "Ingeniero de Datos (Data Engineer)" finds "Data Engineer"
/// while "Engineer, Payments" and "Engineer, Growth" stay apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleKeys {
    pub primary: String,
    pub alternates: Vec<String>,
}

impl TitleKeys {
    pub fn matches(&self, other: &TitleKeys) -> bool {
        !self.primary.is_empty()
            && (self.primary == other.primary
                || other.alternates.contains(&self.primary)
                || self.alternates.contains(&other.primary))
    }
}

/// The keys of `title`, for a job at `places` (the job's own places: a part of the title naming
/// one of them is the board's addition, not the job's name).
pub fn title_keys(title: &str, places: &Places) -> TitleKeys {
    let parts: Vec<Vec<String>> = split_parts(without_board_sentence(title))
        .iter()
        .map(|part| without_trailing_place(words(part), places))
        .filter(|words| !words.is_empty())
        .collect();
    let named: Vec<&Vec<String>> = parts.iter().filter(|words| !is_noise(words, places)).collect();
    // A title that is nothing but a place or a marker keeps what it says.
    let parts = if named.is_empty() { parts.iter().collect() } else { named };
    let primary = join(parts.iter().copied().flatten());
    let mut alternates = Vec::new();
    // Every run of consecutive parts is another name the title may be posted under elsewhere:
    // "Ingeniero Android - Android Engineer - Experience" is also "Android Engineer - Experience".
    for first in 0..parts.len() {
        for last in first..parts.len() {
            let key = join(parts[first..=last].iter().copied().flatten());
            if key.split(' ').count() >= 2 && key != primary && !alternates.contains(&key) {
                alternates.push(key);
            }
        }
    }
    TitleKeys { primary, alternates }
}

/// "UX/UI Designer Job at Steampunk, Inc. in Washington": a board's sentence around the title
/// (LinkedIn's page titles), of which the title is the part before "Job at".
fn without_board_sentence(title: &str) -> &str {
    match title.to_lowercase().find(" job at ") {
        // Lower-casing kept the length, so the position is the title's own.
        Some(at) if title.is_char_boundary(at) && title.to_lowercase().len() == title.len() => &title[..at],
        _ => title,
    }
}

/// "Designer in Washington" is the designer's job there.
fn without_trailing_place(mut words: Vec<String>, places: &Places) -> Vec<String> {
    if let Some(at) = words.iter().rposition(|word| word == "in")
        && at > 0
        && is_place_phrase(&words[at + 1..].join(" "), places)
    {
        words.truncate(at);
    }
    words
}

/// Splits on the separators boards put between a title's parts (", ", " - ", " | ", ": ") and
/// takes bracketed text as a part of its own, in place. A hyphen inside a word ("Full-Stack")
/// joins.
fn split_parts(title: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let chars: Vec<char> = title.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let spaced = |offset: isize| {
            index.checked_add_signed(offset).and_then(|at| chars.get(at)).is_none_or(|c| c.is_whitespace())
        };
        let separates = match c {
            '(' | '[' => {
                depth += 1;
                depth == 1
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                depth == 0
            }
            _ if depth > 0 => false,
            ',' | '|' | ':' | '·' | '•' | ';' => true,
            '-' | '–' | '—' => spaced(-1) || spaced(1),
            _ => false,
        };
        if separates {
            parts.push(String::new());
        } else if let Some(part) = parts.last_mut() {
            part.push(c);
        }
    }
    parts
}

fn words(part: &str) -> Vec<String> {
    let lower = part.to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#').filter(|word| !word.is_empty()) {
        words.push(
            match word {
                "sr" => "senior",
                "jr" => "junior",
                "eng" | "engr" => "engineer",
                "dev" => "developer",
                "mgr" => "manager",
                "swe" => "software engineer",
                other => other,
            }
            .to_string(),
        );
    }
    // Levels written as digits or numerals compare equal: "Engineer 2", "Engineer II".
    if let Some(last) = words.last_mut() {
        let numeral = match last.as_str() {
            "1" => "i",
            "2" => "ii",
            "3" => "iii",
            "4" => "iv",
            _ => "",
        };
        if !numeral.is_empty() {
            *last = numeral.to_string();
        }
    }
    // Trailing work-mode or gender markers without a separator: "Engineer Remote", "m/w/d".
    while words.last().is_some_and(|word| is_marker(word)) && words.len() > 1 {
        words.pop();
    }
    words
}

/// Gender markers ("m/w/d", "f/m/x", "all genders") and work modes ("Remote", "Full-time").
fn is_marker(word: &str) -> bool {
    matches!(
        word,
        "m" | "w" | "d" | "f" | "x" | "h" | "mwd" | "fmx" | "mfd" | "wmd" | "gn" | "diverse" | "all" | "genders"
    ) || is_work_mode_word(word)
}

/// A part that only says where or how the job is worked ("New York", "Remote - US", "(Remote)").
fn is_noise(words: &[String], places: &Places) -> bool {
    let rest: Vec<&str> = words.iter().map(String::as_str).filter(|word| !is_marker(word)).collect();
    rest.is_empty() || is_place_phrase(&rest.join(" "), places)
}

fn join<'a>(words: impl Iterator<Item = &'a String>) -> String {
    words.map(String::as_str).collect::<Vec<_>>().join(" ")
}
