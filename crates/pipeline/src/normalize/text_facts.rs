//! Facts a posting states only in its text: pay, employment type, work mode.

use jobhound_sources::salary_text::parse_salary_text;
use jobhound_sources::{EmploymentType, Salary, WorkMode};

/// Words that mark a sentence as being about pay, so "$20M Series B" or "$50 gym stipend" in a
/// description are never read as a salary.
const PAY_WORDS: &[&str] = &[
    "salary",
    "salaries",
    "compensation",
    "pay",
    "paid",
    "base",
    "range",
    "ote",
    "wage",
    "wages",
    "rate",
    "earn",
    "earning",
    "gehalt",
    "salaire",
    "stipendio",
    "sueldo",
    "salário",
    "wynagrodzenie",
    "lön",
];

/// The first salary stated in a sentence that talks about pay.
pub fn salary_from_text(description: &str) -> Option<Salary> {
    description
        .lines()
        .flat_map(|line| line.split(". "))
        .filter(|sentence| {
            let lower = sentence.to_lowercase();
            lower.split(|c: char| !c.is_alphanumeric()).any(|word| PAY_WORDS.contains(&word))
        })
        .take(50)
        .find_map(parse_salary_text)
}

/// Employment type from the title first ("Senior Engineer (Contract)"), then a short text field.
pub fn employment_type_from_title(title: &str) -> Option<EmploymentType> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
    let has = |word: &str| words.contains(&word);
    if has("intern") || has("internship") || has("werkstudent") || has("praktikum") || lower.contains("working student")
    {
        Some(EmploymentType::Internship)
    } else if has("contract") || has("contractor") || has("freelance") || has("freelancer") {
        Some(EmploymentType::Contract)
    } else if has("part-time") || lower.contains("part time") {
        Some(EmploymentType::PartTime)
    } else if has("temporary") || has("temp") || has("seasonal") {
        Some(EmploymentType::Temporary)
    } else {
        None
    }
}

/// Employment type stated as such in a description ("This is a 6-month contract role",
/// "Employment type: Part-time"). Mentions in passing ("our full-time staff get...") say nothing
/// about this job, so only phrases that describe the role count.
pub fn employment_type_from_description(description: &str) -> Option<EmploymentType> {
    let lower = description.to_lowercase().replace(['\u{2010}', '\u{2011}', '\u{2013}'], "-");
    let lower = lower.replace("full time", "full-time").replace("part time", "part-time");
    const ROLE_NOUNS: [&str; 5] = ["role", "position", "job", "opportunity", "contract"];
    // Every phrase below holds the kind itself; most descriptions name few kinds at all.
    let stated = |kind: &str| {
        lower.contains(kind)
            && (ROLE_NOUNS.iter().any(|noun| {
                lower.contains(&format!("{kind} {noun}"))
                    && [&format!("is a {kind} {noun}"), &format!("this {kind} {noun}"), &format!("a {kind} {noun}")]
                        .iter()
                        .any(|phrase| lower.contains(phrase.as_str()))
            }) || ["employment type: ", "job type: ", "contract type: ", "type of employment: "]
                .iter()
                .any(|label| lower.contains(&format!("{label}{kind}"))))
    };
    if stated("internship") || lower.contains("this is an internship") || lower.contains("this internship") {
        Some(EmploymentType::Internship)
    } else if stated("part-time") {
        Some(EmploymentType::PartTime)
    } else if stated("temporary") || stated("fixed-term") {
        Some(EmploymentType::Temporary)
    } else if stated("contract") || stated("freelance") || stated("contractor") || lower.contains("month contract") {
        Some(EmploymentType::Contract)
    } else if stated("full-time") || stated("permanent") {
        Some(EmploymentType::FullTime)
    } else {
        None
    }
}

/// A work mode stated in the opening of a description ("This is a fully remote role").
pub fn work_mode_from_description(description: &str) -> Option<WorkMode> {
    let opening: String = description.chars().take(1500).collect();
    let lower = opening.to_lowercase();
    if ["hybrid role", "hybrid position", "hybrid working", "hybrid work", "days in the office", "days a week in"]
        .iter()
        .any(|phrase| lower.contains(phrase))
    {
        return Some(WorkMode::Hybrid);
    }
    if [
        "fully remote",
        "100% remote",
        "remote-first",
        "remote first",
        "work from anywhere",
        "this role is remote",
        "is a remote",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
    {
        return Some(WorkMode::Remote);
    }
    if ["on-site role", "onsite role", "in-office role", "must be on site", "5 days in the office", "office-based"]
        .iter()
        .any(|phrase| lower.contains(phrase))
    {
        return Some(WorkMode::Onsite);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobhound_sources::SalaryPeriod;

    #[test]
    fn pay_is_read_only_from_sentences_about_pay() {
        let description = "We raised $20M in our Series B.\nPerks: $50 gym stipend.\nThe base salary range is $140,000 - $170,000. Equity too.";
        let salary = salary_from_text(description).map(|s| (s.min, s.max, s.currency, s.period));
        assert_eq!(salary, Some((Some(140_000.0), Some(170_000.0), Some("USD".into()), SalaryPeriod::Year)));
        assert_eq!(salary_from_text("We raised $20M. Our office has 300 desks."), None);
    }

    #[test]
    fn titles_and_openings_state_type_and_mode() {
        assert_eq!(employment_type_from_title("Senior Engineer (Contract)"), Some(EmploymentType::Contract));
        assert_eq!(
            employment_type_from_title("Werkstudent Customer Success (x/f/m)"),
            Some(EmploymentType::Internship)
        );
        assert_eq!(employment_type_from_title("Internal Tools Engineer"), None, "whole words only");
        assert_eq!(work_mode_from_description("This is a fully remote role across Europe."), Some(WorkMode::Remote));
        assert_eq!(
            work_mode_from_description("You will spend 3 days in the office each week."),
            Some(WorkMode::Hybrid)
        );
        assert_eq!(work_mode_from_description("We build remote controls."), None);
    }

    #[test]
    fn descriptions_state_employment_type_only_about_the_role() {
        let cases = [
            ("This is a full-time position based in Berlin.", Some(EmploymentType::FullTime)),
            ("We are hiring for a part time role on our support team.", Some(EmploymentType::PartTime)),
            ("Employment type: Contract\nDuration: 6 months", Some(EmploymentType::Contract)),
            ("This is a 6-month contract with a view to extend.", Some(EmploymentType::Contract)),
            ("A fixed-term position covering parental leave.", Some(EmploymentType::Temporary)),
            ("This internship runs over the summer.", Some(EmploymentType::Internship)),
            ("Job type: Permanent, full-time", Some(EmploymentType::FullTime)),
            ("Our full-time employees get 30 days of holiday.", None),
            ("You will review contract terms with our legal team.", None),
            ("We value part-time and flexible working for everyone.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(employment_type_from_description(text), expected, "{text}");
        }
    }
}
