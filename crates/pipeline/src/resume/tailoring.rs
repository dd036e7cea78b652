//! A model's tailored resume read strictly: exactly the sections' JSON, and recognisably the same
//! resume (a model that rewrites it into someone else's, or answers with half of it, is refused).

use std::collections::HashSet;

use super::sections::ResumeSections;

/// Why a model's answer is not a tailored resume.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TailoringRefusal {
    #[error("the answer holds no JSON object")]
    NoJson,
    #[error("the answer is not the resume's sections ({0})")]
    NotSections(String),
    #[error("the answer keeps only {kept} of the resume's {had} jobs")]
    LostJobs { kept: usize, had: usize },
    #[error("the answer is not a tailoring of this resume: it shares only {0}% of its words")]
    SomethingElse(u32),
}

/// Share of the original's words a tailoring must keep: rephrasing changes many words, a
/// different resume changes nearly all.
const MIN_SHARED_WORDS: f64 = 0.45;

/// Reads a model's answer (the object may sit in a code fence or a sentence) as a tailoring of
/// `original`.
pub fn read_tailored(answer: &str, original: &ResumeSections) -> Result<ResumeSections, TailoringRefusal> {
    let object = match (answer.find('{'), answer.rfind('}')) {
        (Some(start), Some(end)) if start < end => &answer[start..=end],
        _ => return Err(TailoringRefusal::NoJson),
    };
    let value: serde_json::Value =
        serde_json::from_str(object).map_err(|error| TailoringRefusal::NotSections(error.to_string()))?;
    let missing: Vec<&str> = ["contact", "summary", "experience", "education", "skills", "projects", "other"]
        .into_iter()
        .filter(|key| value.get(key).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(TailoringRefusal::NotSections(format!("no {}", missing.join(", "))));
    }
    let tailored: ResumeSections =
        serde_json::from_value(value).map_err(|error| TailoringRefusal::NotSections(error.to_string()))?;
    // A job left out is for the fabrication check to name; none at all is not a tailoring.
    if tailored.experience.is_empty() && !original.experience.is_empty() {
        return Err(TailoringRefusal::LostJobs { kept: 0, had: original.experience.len() });
    }
    // What was done where: titles, organisations and bullets (headings, dates and contact
    // lines are the same in anyone's resume, or say nothing of what it is about).
    let words = |sections: &ResumeSections| -> HashSet<String> {
        let entries = sections.experience.iter().chain(&sections.education).chain(&sections.projects);
        let mut text: Vec<String> = Vec::new();
        for entry in entries {
            text.extend(entry.title.iter().chain(&entry.organization).cloned());
            text.extend(entry.bullets.iter().cloned());
        }
        if text.is_empty() {
            text = sections.summary.iter().chain(&sections.skills).cloned().collect();
        }
        text.join(" ")
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| word.chars().count() > 3)
            .map(str::to_lowercase)
            .collect()
    };
    let (had, kept) = (words(original), words(&tailored));
    if !had.is_empty() {
        let shared = had.intersection(&kept).count() as f64 / had.len() as f64;
        if shared < MIN_SHARED_WORDS {
            return Err(TailoringRefusal::SomethingElse((shared * 100.0).round() as u32));
        }
    }
    Ok(tailored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resume::read_sections;

    const ORIGINAL: &str = "Jane Doe\nExperience\nPlatform Engineer, Acme GmbH | 2019 – present\n\
        - Ran Kubernetes clusters for 40 teams\n- Built internal tooling in Python\n\
        Software Engineer, Foo Inc. | 2016 - 2019\n- Maintained the billing service in Java\n\
        Skills\nPython, Kubernetes, Java";

    fn answer(experience: &str) -> String {
        format!(
            r#"Here you go:
```json
{{"contact": ["Jane Doe"], "summary": ["Platform engineer focused on Kubernetes."], "experience": {experience},
 "education": [], "skills": ["Kubernetes", "Python", "Java"], "projects": [], "other": []}}
```"#
        )
    }

    #[test]
    fn a_tailoring_is_read_from_a_fenced_answer() {
        let original = read_sections(ORIGINAL);
        let experience = r#"[{"title": "Platform Engineer", "organization": "Acme GmbH", "dates": "2019 – present",
            "bullets": ["Ran Kubernetes clusters for 40 teams", "Built internal tooling in Python"]},
            {"title": "Software Engineer", "organization": "Foo Inc.", "dates": "2016 - 2019",
            "bullets": ["Maintained the billing service in Java"]}]"#;
        let tailored = read_tailored(&answer(experience), &original).unwrap();
        assert_eq!(tailored.experience.len(), 2);
        assert_eq!(tailored.experience[0].bullets[0], "Ran Kubernetes clusters for 40 teams");
        assert!(tailored.to_text().contains("Platform Engineer, Acme GmbH | 2019 – present"));
    }

    #[test]
    fn broken_cut_off_short_or_foreign_answers_are_refused() {
        let original = read_sections(ORIGINAL);
        assert_eq!(read_tailored("I cannot help with that.", &original), Err(TailoringRefusal::NoJson));
        let cut_off = &answer("[]")[..60];
        assert_eq!(read_tailored(cut_off, &original), Err(TailoringRefusal::NoJson));
        assert!(matches!(
            read_tailored(r#"{"contact": [], "experience": []}"#, &original),
            Err(TailoringRefusal::NotSections(reason)) if reason.contains("summary")
        ));
        let one_job = r#"[{"title": "Platform Engineer", "organization": "Acme GmbH", "dates": "2019 – present",
            "bullets": ["Ran Kubernetes clusters for 40 teams", "Built internal tooling in Python"]}]"#;
        assert!(read_tailored(&answer(one_job), &original).is_ok(), "a job left out is the check's to name");
        assert_eq!(read_tailored(&answer("[]"), &original), Err(TailoringRefusal::LostJobs { kept: 0, had: 2 }));
        let someone_else = r#"[{"title": "Pastry Chef", "organization": "Hotel Adlon", "dates": "2010 - 2020",
            "bullets": ["Baked croissants every morning"]}, {"title": "Baker", "organization": "Bäckerei Müller",
            "dates": "2005 - 2010", "bullets": ["Made bread"]}]"#;
        assert!(matches!(read_tailored(&answer(someone_else), &original), Err(TailoringRefusal::SomethingElse(_))));
        let unknown_key = answer("[]").replace("\"other\": []", "\"other\": [], \"photo\": \"x\"");
        assert!(matches!(read_tailored(&unknown_key, &original), Err(TailoringRefusal::NotSections(_))));
    }
}
