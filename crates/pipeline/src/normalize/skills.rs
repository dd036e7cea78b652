//! Skills named in a job's title and text, from the lexicon in `assets/skills.json`: whole words or
//! phrases, aliases folded into one name (k8s → Kubernetes), ambiguous words (Go, C, Swift) only
//! where they read as the skill.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

const LEXICON: &str = include_str!("../../../../assets/skills.json");

/// Words that make a neighbouring "Go" or "C" the programming language.
const TECH_CONTEXT: &[&str] = &[
    "language",
    "languages",
    "programming",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "engineering",
    "backend",
    "frontend",
    "stack",
    "framework",
    "frameworks",
    "code",
    "services",
    "microservices",
    "software",
];

/// How far (in words) a context clue may be from an ambiguous skill.
const CONTEXT_WINDOW: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub name: String,
    pub category: String,
}

#[derive(Deserialize)]
struct Lexicon {
    skills: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    category: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    needs_context: bool,
}

struct Pattern {
    words: Vec<String>,
    skill: usize,
    /// For ambiguous skills: the exact spelling that must appear ("Go", not "go").
    exact: Option<String>,
}

pub struct SkillMatcher {
    skills: Vec<Skill>,
    /// Patterns by their first word, longest first.
    /// Looked up once per word of every description: a fast hash (the keys are the lexicon's own).
    by_first_word: FxHashMap<String, Vec<Pattern>>,
}

/// The lexicon shipped with Jobhound, parsed once.
pub fn skill_matcher() -> &'static SkillMatcher {
    static MATCHER: OnceLock<SkillMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        // The lexicon is compiled in and checked by a test; an empty matcher is the safe fallback.
        SkillMatcher::from_json(LEXICON).unwrap_or_else(|error| {
            tracing::error!("the built-in skills lexicon is invalid: {error}");
            SkillMatcher { skills: Vec::new(), by_first_word: FxHashMap::default() }
        })
    })
}

/// Lower-cased words with their original spelling: `+`, `#` and inner dots stay ("C++", "C#",
/// "Node.js", ".NET"); everything else separates words.
fn words(text: &str) -> Vec<(Cow<'_, str>, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '#' | '.')))
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| !word.is_empty() && word.chars().any(char::is_alphanumeric))
        .map(|word| (super::lowered(word), word))
        .collect()
}

impl SkillMatcher {
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let lexicon: Lexicon = serde_json::from_str(json)?;
        let mut skills = Vec::with_capacity(lexicon.skills.len());
        let mut by_first_word: FxHashMap<String, Vec<Pattern>> = FxHashMap::default();
        for (index, entry) in lexicon.skills.into_iter().enumerate() {
            let exact_name = entry.needs_context.then(|| entry.name.clone());
            let mut add = |phrase: &str, exact: Option<String>| {
                let phrase_words: Vec<String> =
                    words(phrase).into_iter().map(|(lower, _)| lower.into_owned()).collect();
                if let Some(first) = phrase_words.first().cloned() {
                    by_first_word.entry(first).or_default().push(Pattern { words: phrase_words, skill: index, exact });
                }
            };
            add(&entry.name, exact_name);
            for alias in &entry.aliases {
                add(alias, None);
            }
            skills.push(Skill { name: entry.name, category: entry.category });
        }
        for patterns in by_first_word.values_mut() {
            patterns.sort_by_key(|pattern| std::cmp::Reverse(pattern.words.len()));
        }
        Ok(Self { skills, by_first_word })
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skills `text` names, each once, in order of first mention.
    pub fn find(&self, text: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (name, _) in self.mentions(text) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Every mention of a skill in `text`, in order: the skill's name and the words as written
    /// ("k8s" for Kubernetes).
    pub fn mentions(&self, text: &str) -> Vec<(String, String)> {
        let words = words(text);
        // (word position, skill, needs context, words matched)
        let mut found: Vec<(usize, usize, bool, usize)> = Vec::new();
        let mut position = 0;
        while position < words.len() {
            let matched = self.by_first_word.get(words[position].0.as_ref()).and_then(|patterns| {
                patterns.iter().find(|pattern| {
                    let end = position + pattern.words.len();
                    end <= words.len()
                        && pattern.words.iter().zip(&words[position..end]).all(|(want, (got, _))| want == got)
                        && pattern.exact.as_deref().is_none_or(|exact| words[position].1 == exact)
                })
            });
            match matched {
                Some(pattern) => {
                    found.push((position, pattern.skill, pattern.exact.is_some(), pattern.words.len()));
                    position += pattern.words.len();
                }
                None => position += 1,
            }
        }
        let clear: Vec<usize> =
            found.iter().filter(|(_, _, ambiguous, _)| !ambiguous).map(|(at, _, _, _)| *at).collect();
        found
            .into_iter()
            .filter(|(at, _, ambiguous, _)| !ambiguous || self.has_context(&words, *at, &clear))
            .map(|(at, skill, _, length)| {
                let written: Vec<&str> = words[at..at + length].iter().map(|(_, original)| *original).collect();
                (self.skills[skill].name.clone(), written.join(" "))
            })
            .collect()
    }

    fn has_context(&self, words: &[(Cow<'_, str>, &str)], at: usize, clear_matches: &[usize]) -> bool {
        let low = at.saturating_sub(CONTEXT_WINDOW);
        let high = (at + CONTEXT_WINDOW).min(words.len().saturating_sub(1));
        let near_a_skill = clear_matches.iter().any(|other| (low..=high).contains(other) && *other != at);
        // A one-letter name ("C", "R") needs a real skill beside it, and is never half of "R&D" or "Q&A".
        if words[at].0.chars().count() == 1 {
            let beside_letter = |index: Option<usize>| {
                index.and_then(|i| words.get(i)).is_some_and(|(word, _)| word.chars().count() == 1)
            };
            return near_a_skill && !beside_letter(at.checked_sub(1)) && !beside_letter(Some(at + 1));
        }
        near_a_skill || words[low..=high].iter().any(|(word, _)| TECH_CONTEXT.contains(&word.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_has_at_least_300_skills_and_every_alias_is_unique() {
        let matcher = skill_matcher();
        assert!(matcher.len() >= 300, "{} skills", matcher.len());
        let mut seen: std::collections::HashMap<Vec<String>, String> = std::collections::HashMap::new();
        for patterns in matcher.by_first_word.values() {
            for pattern in patterns {
                let owner = &matcher.skills[pattern.skill].name;
                if let Some(previous) = seen.insert(pattern.words.clone(), owner.clone()) {
                    assert_eq!(&previous, owner, "'{}' names two skills", pattern.words.join(" "));
                }
            }
        }
    }

    #[test]
    fn aliases_fold_into_one_name_and_words_match_whole() {
        let found = skill_matcher().find(
            "Senior Backend Engineer: Postgres, k8s and JS/TS on Node.js; some C++ and C#. CI/CD with GitHub Actions. .NET a plus.",
        );
        for skill in [
            "PostgreSQL",
            "Kubernetes",
            "JavaScript",
            "TypeScript",
            "Node.js",
            "C++",
            "C#",
            "CI/CD",
            "GitHub Actions",
            ".NET",
        ] {
            assert!(found.contains(&skill.to_string()), "{skill} in {found:?}");
        }
        let none = skill_matcher().find("We javascriptify reactions; a postgresql-free kitchen");
        assert!(!none.contains(&"React".to_string()) && !none.contains(&"JavaScript".to_string()), "{none:?}");
    }

    #[test]
    fn go_counts_only_as_the_language() {
        let found = skill_matcher().find("Backend services in Go and Rust");
        assert!(found.contains(&"Go".to_string()), "{found:?}");
        assert!(found.contains(&"Go".to_string()) && found.contains(&"Rust".to_string()));
        assert!(skill_matcher().find("We use golang").contains(&"Go".to_string()));
        for text in ["Ready to go the extra mile?", "Go above and beyond for customers", "Let's go!"] {
            assert!(!skill_matcher().find(text).contains(&"Go".to_string()), "{text}");
        }
        assert!(!skill_matcher().find("Our chef cooks with a Swift eye").contains(&"Chef".to_string()));
        assert!(skill_matcher().find("Systems programming in C and C++").contains(&"C".to_string()));
        assert!(!skill_matcher().find("Our R&D engineering team uses Python").contains(&"R".to_string()));
    }
}
