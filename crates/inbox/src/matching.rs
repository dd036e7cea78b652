//! Which application a message is about: the thread it answers (a message already matched), the
//! sender's own domain, the company's name where an ATS writes it (sender name, subject, body),
//! and the job's title to choose between two applications to one company. A message that fits
//! none is not about an application.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::MailMessage;

/// An application as the matcher sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationRef {
    pub id: i64,
    pub company: String,
    pub title: String,
    /// Hosts the job was listed on or links to (its apply URL, the company's careers site).
    pub hosts: Vec<String>,
    /// Message-IDs already matched to it: a reply in the same thread is about it too.
    pub message_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchedBy {
    /// It answers a message already matched.
    Thread,
    /// It comes from the company's own domain.
    Domain,
    /// The company is named where the sender, subject or body says who writes.
    Company,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageMatch {
    pub application_id: i64,
    pub matched_by: MatchedBy,
    /// The job's title is in the message as well.
    pub title_seen: bool,
}

/// Mail domains of ATSs that write for their customers (the company is in the name or text).
const ATS_DOMAINS: &[&str] = &[
    "greenhouse-mail.io",
    "greenhouse.io",
    "lever.co",
    "myworkday.com",
    "myworkdayjobs.com",
    "ashbyhq.com",
    "smartrecruiters.com",
    "icims.com",
    "personio.de",
    "personio.com",
    "teamtailor.com",
    "workablemail.com",
    "workable.com",
    "breezy.hr",
    "recruitee.com",
    "jobvite.com",
    "bamboohr.com",
];

/// Words of a company's legal form, left out when its name is looked for.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "gmbh",
    "ag",
    "se",
    "kg",
    "co",
    "co.",
    "corp",
    "corp.",
    "corporation",
    "limited",
    "plc",
    "sa",
    "sas",
    "sarl",
    "bv",
    "b.v.",
    "oy",
    "ab",
    "as",
    "srl",
    "s.l.",
    "s.a.",
    "&",
];

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '.'))
        .map(|word| word.trim_matches('.').to_string())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The company's name without its legal form ("Stark Industries GmbH" is "stark industries").
fn brand(company: &str) -> Vec<String> {
    words(company).into_iter().filter(|word| !LEGAL_FORMS.contains(&word.as_str())).collect()
}

/// Whether `needle` (a run of words) stands in `haystack` as whole words.
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|window| window == needle)
}

/// The registrable part of a host ("mail.acme.co.uk" has "acme.co.uk"; "jobs.acme.com" "acme.com").
fn site(host: &str) -> String {
    let host = host.trim().trim_start_matches("www.").to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let keep = if labels.len() >= 3 && labels[labels.len() - 2].len() <= 3 && labels[labels.len() - 1].len() == 2 {
        3
    } else {
        2
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

fn is_ats(domain: &str) -> bool {
    let site = site(domain);
    ATS_DOMAINS.iter().any(|ats| site == *ats || domain.ends_with(ats))
}

/// Abbreviations and spellings a title is retyped with, and the word they stand for.
const TITLE_SYNONYMS: &[(&str, &str)] = &[
    ("sr", "senior"),
    ("sr.", "senior"),
    ("snr", "senior"),
    ("jr", "junior"),
    ("jr.", "junior"),
    ("eng", "engineer"),
    ("engr", "engineer"),
    ("engineering", "engineer"),
    ("dev", "developer"),
    ("mgr", "manager"),
    ("mgmt", "management"),
    ("swe", "software"),
    ("frontend", "front"),
    ("backend", "back"),
    ("fullstack", "full"),
    ("ii", "2"),
    ("iii", "3"),
    ("ingenieur", "engineer"),
    ("ingénieur", "engineer"),
    ("entwickler", "developer"),
    ("développeur", "developer"),
    ("desarrollador", "developer"),
];

/// Words that say little of which job it is ("the", "(m/w/d)", "-").
const TITLE_FILLER: &[&str] = &["the", "a", "an", "of", "and", "for", "m", "w", "d", "f", "h", "x", "-", "–", "remote"];

fn canonical(word: &str) -> String {
    let word = word.trim_matches(|c: char| c == '.' || c == ',');
    TITLE_SYNONYMS
        .iter()
        .find(|(short, _)| *short == word)
        .map_or_else(|| word.to_string(), |(_, long)| long.to_string())
}

/// "Back-end" and "Backend" are one word to a title.
fn join_hyphenated(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(at, c)| {
            !(**c == '-'
                && at.checked_sub(1).and_then(|before| chars.get(before)).is_some_and(|c| c.is_alphanumeric())
                && chars.get(at + 1).is_some_and(|c| c.is_alphanumeric()))
        })
        .map(|(_, c)| *c)
        .collect()
}

fn title_words(title: &str) -> Vec<String> {
    words(&join_hyphenated(title))
        .iter()
        .map(|word| canonical(word))
        .filter(|word| !word.is_empty() && !TITLE_FILLER.contains(&word.as_str()))
        .collect()
}

/// The title is in the text as written, or retyped: at least three quarters of its words (after
/// abbreviations are spelled out) stand within a window of the title's length plus two.
fn title_in(text: &[String], title: &[String]) -> bool {
    if title.is_empty() {
        return false;
    }
    if contains_run(text, title) {
        return true;
    }
    let needed = (title.len() * 3).div_ceil(4).max(if title.len() > 1 { 2 } else { 1 });
    let span = title.len() + 2;
    if text.len() < needed {
        return false;
    }
    (0..text.len()).any(|start| {
        let window = &text[start..(start + span).min(text.len())];
        title.iter().filter(|word| window.contains(word)).count() >= needed
    })
}

/// The application `message` is about, if any; `applications` newest first (a tie goes to the
/// newer).
pub fn match_message(message: &MailMessage, applications: &[ApplicationRef]) -> Option<MessageMatch> {
    let from_domain = message.from_domain();
    let head: Vec<String> = words(&format!("{} {}", message.from_name.clone().unwrap_or_default(), message.subject));
    let body: Vec<String> = words(&message.text.chars().take(3000).collect::<String>());
    let head_words = title_words(&format!("{} {}", message.from_name.clone().unwrap_or_default(), message.subject));
    let body_words = title_words(&message.text.chars().take(3000).collect::<String>());
    let title_seen = |application: &ApplicationRef| {
        let title: Vec<String> = title_words(&application.title);
        title_in(&head_words, &title) || title_in(&body_words, &title)
    };
    let mut best: Option<(u8, MessageMatch)> = None;
    for application in applications {
        let by = if message.references.iter().any(|id| application.message_ids.contains(id)) {
            Some((4, MatchedBy::Thread))
        } else if from_domain
            .as_deref()
            .is_some_and(|domain| !is_ats(domain) && application.hosts.iter().any(|host| site(host) == site(domain)))
        {
            Some((3, MatchedBy::Domain))
        } else {
            let name = brand(&application.company);
            // The sender's own domain can carry the name too ("acme.com" for Acme).
            let in_domain = from_domain.as_deref().is_some_and(|domain| {
                !is_ats(domain) && name.len() == 1 && site(domain).split('.').next() == Some(name[0].as_str())
            });
            if in_domain {
                Some((3, MatchedBy::Domain))
            } else if contains_run(&head, &name) {
                Some((2, MatchedBy::Company))
            } else if contains_run(&body, &name) {
                Some((1, MatchedBy::Company))
            } else {
                None
            }
        };
        let Some((strength, matched_by)) = by else { continue };
        let seen = title_seen(application);
        let rank = strength * 2 + u8::from(seen);
        if best.as_ref().is_none_or(|(known, _)| rank > *known) {
            best = Some((rank, MessageMatch { application_id: application.id, matched_by, title_seen: seen }));
        }
    }
    best.map(|(_, found)| found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str, title: &str) -> bool {
        title_in(&title_words(text), &title_words(title))
    }

    #[test]
    fn a_title_is_found_as_retyped() {
        assert!(seen("your application for Sr. Data Engineer at Acme", "Senior Data Engineer"));
        assert!(seen("the Senior Engineer, Data Platform role", "Senior Data Platform Engineer"));
        assert!(seen("Backend Developer (m/w/d) in Berlin", "Back-end Dev"));
        assert!(seen("Frontend Engineer II", "Front-End Engineer 2"));
        assert!(!seen("your application for Data Analyst", "Senior Data Engineer"));
        assert!(!seen("Engineering Manager", "Data Engineer"));
        assert!(!seen("", "Data Engineer"));
    }

    fn message(from: &str, name: &str, subject: &str, text: &str) -> MailMessage {
        MailMessage {
            from_name: Some(name.into()),
            from_address: Some(from.into()),
            subject: subject.into(),
            date: None,
            message_id: Some("new@x".into()),
            references: Vec::new(),
            text: text.into(),
            snippet: String::new(),
        }
    }

    fn applications() -> Vec<ApplicationRef> {
        vec![
            ApplicationRef {
                id: 1,
                company: "Acme GmbH".into(),
                title: "Data Engineer".into(),
                hosts: vec!["boards.greenhouse.io".into(), "jobs.acme.example".into()],
                message_ids: vec!["first@acme".into()],
            },
            ApplicationRef {
                id: 2,
                company: "Acme GmbH".into(),
                title: "Platform Engineer".into(),
                hosts: vec!["boards.greenhouse.io".into()],
                message_ids: Vec::new(),
            },
            ApplicationRef { id: 3, company: "Globex".into(), title: "Designer".into(), ..ApplicationRef::default() },
        ]
    }

    #[test]
    fn an_ats_message_names_the_company_and_the_title_chooses_between_two_applications() {
        let found = match_message(
            &message(
                "no-reply@us.greenhouse-mail.io",
                "Acme Recruiting",
                "Your application to Acme",
                "Thank you for applying for Platform Engineer.",
            ),
            &applications(),
        )
        .unwrap();
        assert_eq!((found.application_id, found.matched_by, found.title_seen), (2, MatchedBy::Company, true));
    }

    #[test]
    fn a_reply_in_the_thread_or_from_the_companys_domain_is_matched() {
        let mut reply = message("jane@gmail.example", "Jane", "Re: hello", "See you then.");
        reply.references = vec!["first@acme".into()];
        assert_eq!(match_message(&reply, &applications()).map(|found| found.matched_by), Some(MatchedBy::Thread));
        let own = message("jane@mail.acme.example", "Jane Smith", "Next steps", "Can we talk on Monday?");
        let found = match_message(&own, &applications()).unwrap();
        assert_eq!((found.application_id, found.matched_by), (1, MatchedBy::Domain));
        let globex = message("hr@globex.example", "HR", "Hello", "Are you free?");
        assert_eq!(match_message(&globex, &applications()).map(|found| found.application_id), Some(3));
    }

    #[test]
    fn a_message_about_no_application_is_not_matched() {
        let alert =
            message("jobalerts-noreply@linkedin.com", "LinkedIn", "New jobs for you", "Data Engineer at Initech");
        assert_eq!(match_message(&alert, &applications()), None);
        // An ATS's own newsletter does not name the company.
        let news = message("news@greenhouse.io", "Greenhouse", "Hiring trends", "Structured interviews work.");
        assert_eq!(match_message(&news, &applications()), None);
    }
}
