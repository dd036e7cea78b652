//! What an employer's message says about an application, by rules: phrases of confirmations,
//! rejections, interview invitations, assessments and offers in English, German, French and
//! Spanish, as the big ATSs' templates and recruiters write them. When several kinds speak, a
//! rejection wins (it often thanks for applying and may say "we cannot offer you the position"),
//! then an offer, an assessment, an interview, and a confirmation last. Job alerts and newsletters
//! from the same senders are none of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::MailMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MailStatus {
    /// The application was received.
    Received,
    Rejected,
    /// An invitation to an interview, or scheduling one.
    Interview,
    /// A test, take-home or case study to do.
    Assessment,
    Offer,
    /// None of these (a job alert, a newsletter, a recruiter's pitch...).
    Other,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Received => "received",
            MailStatus::Rejected => "rejected",
            MailStatus::Interview => "interview",
            MailStatus::Assessment => "assessment",
            MailStatus::Offer => "offer",
            MailStatus::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Received, Self::Rejected, Self::Interview, Self::Assessment, Self::Offer, Self::Other]
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Classification {
    pub status: MailStatus,
    /// 0 to 1: how sure the rules are.
    pub confidence: f64,
    /// The words that decided it, as the message writes them.
    pub evidence: String,
}

/// Kinds in the order they win when several speak.
const PRECEDENCE: [MailStatus; 5] =
    [MailStatus::Rejected, MailStatus::Offer, MailStatus::Assessment, MailStatus::Interview, MailStatus::Received];

const REJECTED: &[&str] = &[
    "unfortunately",
    "regret to inform",
    "not to move forward",
    "not be moving forward",
    "won't be moving forward",
    "will not be moving forward",
    "decided to move forward with other",
    "decided to proceed with other",
    "move forward with other candidates",
    "pursue other candidates",
    "decided not to proceed",
    "not been selected",
    "were not selected",
    "position has been filled",
    "role has been filled",
    "no longer under consideration",
    "not able to offer you",
    "unable to offer you",
    "not a match at this time",
    "leider",
    "absage",
    "nicht weiter berücksichtigen",
    "nicht berücksichtigen",
    "für einen anderen kandidaten entschieden",
    "für eine andere kandidatin entschieden",
    "anderweitig besetzt",
    "malheureusement",
    "pas été retenue",
    "pas été retenu",
    "ne pas donner suite",
    "ne pouvons pas donner suite",
    "lamentablemente",
    "no ha sido seleccionad",
    "no has sido seleccionad",
    "hemos decidido continuar con otros",
    "otros candidatos",
];

const OFFER: &[&str] = &[
    "pleased to offer you",
    "delighted to offer you",
    "happy to offer you",
    "excited to offer you",
    "extend an offer",
    "extend you an offer",
    "offer of employment",
    "offer letter",
    "your offer",
    "vertragsangebot",
    "arbeitsvertrag",
    "ihnen die stelle anbieten",
    "ihnen ein angebot",
    "promesse d'embauche",
    "proposition d'embauche",
    "vous proposer le poste",
    "carta de oferta",
    "nos complace ofrecerte",
    "nos complace ofrecerle",
    "oferta formal",
];

const ASSESSMENT: &[&str] = &[
    "coding challenge",
    "coding assessment",
    "online assessment",
    "technical assessment",
    "take-home",
    "take home assignment",
    "case study",
    "hackerrank",
    "codility",
    "codesignal",
    "testgorilla",
    "complete the assessment",
    "complete an assessment",
    "assessment link",
    "testaufgabe",
    "online-test",
    "fallstudie",
    "programmieraufgabe",
    "test technique",
    "exercice technique",
    "étude de cas",
    "prueba técnica",
    "prueba tecnica",
    "caso práctico",
];

const INTERVIEW: &[&str] = &[
    "invite you to an interview",
    "invite you for an interview",
    "invite you to interview",
    "like to interview you",
    "schedule an interview",
    "schedule a call",
    "schedule a time",
    "schedule time",
    "set up a call",
    "set up a time",
    "phone screen",
    "book a time",
    "book a slot",
    "calendly.com",
    "your interview",
    "interview with",
    "next round",
    "vorstellungsgespräch",
    "einladung zum gespräch",
    "einladung zu einem gespräch",
    "kennenlerngespräch",
    "telefoninterview",
    "entretien",
    "vous rencontrer",
    "entrevista",
    "agendar una llamada",
];

const RECEIVED: &[&str] = &[
    "thank you for applying",
    "thanks for applying",
    "thank you for your application",
    "thank you for your interest",
    "received your application",
    "application has been received",
    "application was received",
    "application has been submitted",
    "we got your application",
    "application received",
    "vielen dank für ihre bewerbung",
    "vielen dank für deine bewerbung",
    "danke für deine bewerbung",
    "ihre bewerbung erhalten",
    "deine bewerbung erhalten",
    "eingang ihrer bewerbung",
    "eingangsbestätigung",
    "bien reçu votre candidature",
    "merci pour votre candidature",
    "merci de votre candidature",
    "hemos recibido tu candidatura",
    "hemos recibido su candidatura",
    "gracias por tu candidatura",
    "gracias por su candidatura",
    "gracias por postularte",
];

/// Messages that look like an employer's but are not about an application.
const NOT_ABOUT_AN_APPLICATION: &[&str] = &[
    "job alert",
    "jobs you may be interested in",
    "jobs you might like",
    "recommended jobs",
    "recommended for you",
    "new jobs matching",
    "new jobs for you",
    "jobs based on your",
    "weekly digest",
    "our newsletter",
    "i came across your profile",
    "came across your profile",
    "an opportunity that might interest you",
    "would you be open to",
    "jobempfehlungen",
    "neue jobs für sie",
    "offres qui pourraient vous intéresser",
    "ofertas que te pueden interesar",
];

/// The text with its whitespace collapsed and typographic apostrophes plain, as written.
fn squeezed(text: &str) -> String {
    text.replace(['’', '‘'], "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first phrase of `phrases` in `text`, with where it is.
fn first_match(text: &str, phrases: &[&'static str]) -> Option<(usize, &'static str)> {
    phrases.iter().filter_map(|phrase| text.find(phrase).map(|at| (at, *phrase))).min_by_key(|(at, _)| *at)
}

fn phrases(status: MailStatus) -> &'static [&'static str] {
    match status {
        MailStatus::Rejected => REJECTED,
        MailStatus::Offer => OFFER,
        MailStatus::Assessment => ASSESSMENT,
        MailStatus::Interview => INTERVIEW,
        MailStatus::Received => RECEIVED,
        MailStatus::Other => NOT_ABOUT_AN_APPLICATION,
    }
}

/// The sentence around `at` in `text`, as evidence a person can read.
fn excerpt(text: &str, at: usize, phrase: &str) -> String {
    let start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |stop| stop + 1);
    let end = text[at + phrase.len()..].find(['.', '!', '?', '\n']).map_or(text.len(), |stop| at + phrase.len() + stop);
    let sentence = text[start..end].trim();
    if sentence.chars().count() <= 160 { sentence.to_string() } else { phrase.to_string() }
}

/// Classifies one message by its subject and text.
pub fn classify(message: &MailMessage) -> Classification {
    let written = format!("{}. {}", squeezed(&message.subject), squeezed(&message.text));
    let subject = squeezed(&message.subject).to_lowercase();
    let text = written.to_lowercase();
    // Evidence is quoted as written when lower-casing kept every offset (it almost always does).
    let quoted = if written.len() == text.len() { written.as_str() } else { text.as_str() };
    // A job alert or a recruiter's pitch says nothing of an application, whatever words it uses.
    if let Some((at, phrase)) = first_match(&text, NOT_ABOUT_AN_APPLICATION) {
        let status_in_subject = PRECEDENCE.iter().any(|status| first_match(&subject, phrases(*status)).is_some());
        if !status_in_subject {
            return Classification {
                status: MailStatus::Other,
                confidence: 0.8,
                evidence: excerpt(quoted, at, phrase),
            };
        }
    }
    for status in PRECEDENCE {
        let Some((at, phrase)) = first_match(&text, phrases(status)) else { continue };
        let in_subject = first_match(&subject, phrases(status)).is_some();
        let more = phrases(status).iter().filter(|other| text.contains(**other)).count();
        let confidence = match (in_subject, more) {
            (true, _) | (_, 3..) => 0.95,
            (false, 2) => 0.85,
            _ => 0.7,
        };
        return Classification { status, confidence, evidence: excerpt(quoted, at, phrase) };
    }
    Classification { status: MailStatus::Other, confidence: 0.5, evidence: String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(subject: &str, text: &str) -> MailMessage {
        MailMessage {
            from_name: None,
            from_address: None,
            subject: subject.into(),
            date: None,
            message_id: None,
            references: Vec::new(),
            text: text.into(),
            snippet: String::new(),
        }
    }

    #[test]
    fn each_kind_is_read_and_a_rejection_wins_over_its_thanks_and_its_offer_words() {
        let cases = [
            (
                "Thank you for applying to Acme",
                "We have received your application for Data Engineer.",
                MailStatus::Received,
            ),
            (
                "Your application to Acme",
                "Thank you for applying. Unfortunately, we have decided to move forward with other candidates and are not able to offer you the position.",
                MailStatus::Rejected,
            ),
            (
                "Next steps",
                "We would like to invite you to an interview. Please book a time via calendly.com/acme.",
                MailStatus::Interview,
            ),
            (
                "Acme coding challenge",
                "As a next step, please complete the coding challenge on HackerRank before your interview.",
                MailStatus::Assessment,
            ),
            (
                "Offer",
                "We are delighted to offer you the position of Data Engineer. Your offer letter is attached.",
                MailStatus::Offer,
            ),
            (
                "Ihre Bewerbung",
                "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.",
                MailStatus::Rejected,
            ),
            (
                "Votre candidature",
                "Nous avons bien reçu votre candidature. Merci pour votre candidature !",
                MailStatus::Received,
            ),
            ("Tu candidatura", "Nos gustaría agendar una llamada para una entrevista.", MailStatus::Interview),
            ("New jobs for you", "Job alert: 12 new jobs matching Data Engineer. Unsubscribe.", MailStatus::Other),
        ];
        for (subject, text, expected) in cases {
            let classified = classify(&message(subject, text));
            assert_eq!(classified.status, expected, "{subject}: {classified:?}");
            assert!(!classified.evidence.is_empty(), "{subject}");
            assert!(
                text.contains(&classified.evidence)
                    || subject.contains(&classified.evidence)
                    || classified.evidence.contains(subject),
                "quoted as written: {classified:?}"
            );
        }
    }

    #[test]
    fn confidence_rises_with_the_subject_and_more_phrases() {
        let weak = classify(&message("Hello", "Thank you for your interest in Acme."));
        let strong =
            classify(&message("Application received", "Thank you for applying. We have received your application."));
        assert_eq!((weak.status, strong.status), (MailStatus::Received, MailStatus::Received));
        assert!(strong.confidence > weak.confidence, "{weak:?} {strong:?}");
        let nothing = classify(&message("Lunch?", "Are you free on Friday?"));
        assert_eq!((nothing.status, nothing.confidence), (MailStatus::Other, 0.5));
    }
}
