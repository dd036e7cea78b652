//! Seniority from a job title, then from explicit phrases in its text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Staff,
    Principal,
    Lead,
    Manager,
    Director,
}

impl Seniority {
    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Intern => "intern",
            Seniority::Junior => "junior",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
            Seniority::Staff => "staff",
            Seniority::Principal => "principal",
            Seniority::Lead => "lead",
            Seniority::Manager => "manager",
            Seniority::Director => "director",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Seniority::Intern,
            Seniority::Junior,
            Seniority::Mid,
            Seniority::Senior,
            Seniority::Staff,
            Seniority::Principal,
            Seniority::Lead,
            Seniority::Manager,
            Seniority::Director,
        ]
        .into_iter()
        .find(|level| level.as_str() == text)
    }

    /// The level a title states. The most senior word wins ("Senior Engineering Manager" is a
    /// manager), except that "Senior / Staff" reads as the first level offered.
    pub fn from_title(title: &str) -> Option<Self> {
        let lower = title.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let has = |word: &str| words.contains(&word);
        let phrase = |text: &str| lower.contains(text);
        if has("director") || has("vp") || phrase("vice president") || phrase("head of") || has("cto") || has("chief") {
            Some(Seniority::Director)
        } else if has("manager") || has("mgr") {
            Some(Seniority::Manager)
        } else if has("intern")
            || has("internship")
            || has("werkstudent")
            || phrase("working student")
            || has("trainee")
        {
            Some(Seniority::Intern)
        } else if has("principal") {
            Some(Seniority::Principal)
        } else if has("senior") || has("sr") {
            Some(Seniority::Senior)
        } else if has("staff") {
            Some(Seniority::Staff)
        } else if has("lead") || has("leader") {
            Some(Seniority::Lead)
        } else if has("junior") || has("jr") || has("graduate") || has("entry") || phrase("new grad") {
            Some(Seniority::Junior)
        } else if has("mid") || phrase("mid-level") || has("intermediate") {
            Some(Seniority::Mid)
        } else {
            None
        }
    }

    /// Explicit level phrases in a description ("this is a senior-level role").
    pub fn from_text(text: &str) -> Option<Self> {
        let lower: String = text.chars().take(3000).collect::<String>().to_lowercase();
        [
            ("entry-level", Seniority::Junior),
            ("entry level", Seniority::Junior),
            ("junior-level", Seniority::Junior),
            ("mid-level", Seniority::Mid),
            ("mid level", Seniority::Mid),
            ("senior-level", Seniority::Senior),
            ("senior level", Seniority::Senior),
        ]
        .into_iter()
        .find_map(|(phrase, level)| lower.contains(phrase).then_some(level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_state_their_level() {
        for (title, level) in [
            ("Senior Product Engineer", Some(Seniority::Senior)),
            ("Sr. Backend Developer", Some(Seniority::Senior)),
            ("Senior / Staff Fullstack Engineer", Some(Seniority::Senior)),
            ("Staff Engineer, Platform", Some(Seniority::Staff)),
            ("Principal Data Scientist", Some(Seniority::Principal)),
            ("Tech Lead, Payments", Some(Seniority::Lead)),
            ("Engineering Manager", Some(Seniority::Manager)),
            ("Senior Engineering Manager", Some(Seniority::Manager)),
            ("Director of Engineering", Some(Seniority::Director)),
            ("Head of Design", Some(Seniority::Director)),
            ("Werkstudent Customer Success (x/f/m)", Some(Seniority::Intern)),
            ("Junior Frontend Developer", Some(Seniority::Junior)),
            ("Account Executive, Commercial", None),
            ("Leadership Coach", None),
        ] {
            assert_eq!(Seniority::from_title(title), level, "{title}");
        }
        assert_eq!(Seniority::from_text("This is an entry-level role."), Some(Seniority::Junior));
    }
}
