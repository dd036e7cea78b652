//! A posting's text as lines, each marked required or nice to have: lines under a heading such as
//! "Nice to have" or "Bonus points", and sentences that say "a plus" or "preferred", ask for what
//! the job can do without; everything else is taken as asked for.

/// One line (a bullet or a sentence run) of a posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingLine {
    pub text: String,
    pub nice_to_have: bool,
}

/// Headings that open a list of optional wishes.
const NICE_HEADINGS: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "bonus",
    "preferred",
    "desirable",
    "good to have",
    "pluspunkte",
    "wünschenswert",
    "von vorteil",
    "would be great",
    "extra credit",
];

/// Headings that open what the job requires (they end an optional list).
const REQUIRED_HEADINGS: &[&str] = &[
    "requirements",
    "required",
    "must have",
    "must-have",
    "what you bring",
    "what we're looking for",
    "what we are looking for",
    "qualifications",
    "you have",
    "you will need",
    "about you",
    "your profile",
    "dein profil",
    "ihr profil",
    "anforderungen",
    "responsibilities",
    "what you'll do",
    "what you will do",
];

/// Phrases inside a sentence that make what it names optional.
const NICE_MARKERS: &[&str] = &[
    "a plus",
    "is a bonus",
    "are a bonus",
    "nice to have",
    "nice-to-have",
    "preferred",
    "is an advantage",
    "are an advantage",
    "would be a plus",
    "ideally",
    "von vorteil",
    "wünschenswert",
];

/// A short line that names a section rather than saying something.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=7).contains(&words) && !line.ends_with('.') && !line.starts_with(['-', '•', '*'])
}

fn starts_with_any(line: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| line.starts_with(phrase) || line.contains(&format!(" {phrase}")))
}

/// The posting's lines, in order, each marked.
pub fn posting_lines(text: &str) -> Vec<PostingLine> {
    let mut out = Vec::new();
    let mut in_nice_section = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        // "Nice to have: Kafka" is a heading and its first wish on one line.
        let (head, rest) = match line.split_once(':') {
            Some((head, rest)) => (head.trim(), rest.trim()),
            None => (line, ""),
        };
        let mut line = line;
        if is_heading(head) {
            let lower = head.to_lowercase();
            let nice = starts_with_any(&lower, NICE_HEADINGS);
            if nice || starts_with_any(&lower, REQUIRED_HEADINGS) {
                in_nice_section = nice;
                if rest.is_empty() {
                    continue;
                }
                line = rest;
            }
        }
        // A long paragraph holds several sentences; each is judged on its own words.
        for sentence in split_sentences(line) {
            let lower = sentence.to_lowercase();
            let nice = in_nice_section || NICE_MARKERS.iter().any(|marker| lower.contains(marker));
            out.push(PostingLine { text: sentence.to_string(), nice_to_have: nice });
        }
    }
    out
}

/// Sentences of a line, split after ". " when the next word starts with a capital.
pub(crate) fn split_sentences(line: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (index, _) in line.match_indices(". ") {
        let next = bytes.get(index + 2).copied().unwrap_or(b' ');
        if next.is_ascii_uppercase() {
            sentences.push(line[start..=index].trim());
            start = index + 2;
        }
    }
    sentences.push(line[start..].trim());
    sentences.into_iter().filter(|sentence| !sentence.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wishes_under_a_nice_to_have_heading_or_marked_a_plus_are_optional() {
        let lines = posting_lines(
            "Requirements\n- 5+ years of Python\n- Kubernetes in production\nNice to have\n- Terraform\n- Go\n\
             Bonus: Rust\n\
             What you'll do\nBuild APIs. Experience with Kafka is a plus. You own the roadmap.",
        );
        let nice: Vec<(&str, bool)> = lines.iter().map(|line| (line.text.as_str(), line.nice_to_have)).collect();
        assert_eq!(
            nice,
            [
                ("- 5+ years of Python", false),
                ("- Kubernetes in production", false),
                ("- Terraform", true),
                ("- Go", true),
                ("Rust", true),
                ("Build APIs.", false),
                ("Experience with Kafka is a plus.", true),
                ("You own the roadmap.", false),
            ]
        );
    }
}
