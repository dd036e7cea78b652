//! The day an interview invitation names ("on Tuesday, 15 December", "am 15.12.2026", "le 15
//! décembre", "el 15 de diciembre", "2026-12-15"), so the application's follow-up lands on it.
//! Only a day on or after the message's own date, within four months, counts: an earlier one is
//! the date applied, a later one is a start date.

use chrono::{Datelike, Duration, NaiveDate};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
];

const HORIZON_DAYS: i64 = 120;

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, number)| *number)
}

fn day(word: &str) -> Option<u32> {
    let digits = word
        .trim_end_matches('.')
        .trim_end_matches(",")
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th")
        .trim_end_matches("er");
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

fn year(word: Option<&&str>) -> Option<i32> {
    word.and_then(|word| word.trim_end_matches([',', '.']).parse().ok()).filter(|year| (2000..=2100).contains(year))
}

/// With no year written, the next such day from the message's date.
fn dated(year: Option<i32>, month: u32, day: u32, sent: NaiveDate) -> Option<NaiveDate> {
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day),
        None => NaiveDate::from_ymd_opt(sent.year(), month, day)
            .filter(|date| *date >= sent)
            .or_else(|| NaiveDate::from_ymd_opt(sent.year() + 1, month, day)),
    }
}

fn numeric(word: &str, sent: NaiveDate) -> Option<NaiveDate> {
    let word = word.trim_end_matches([',', '.', ')', ';']);
    if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
        return Some(date);
    }
    for separator in ['.', '/'] {
        let parts: Vec<&str> = word.split(separator).collect();
        if parts.len() != 3 || parts.iter().any(|part| part.is_empty() || !part.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
        let year: i32 = parts[2].parse().ok()?;
        let year = if year < 100 { 2000 + year } else { year };
        // Dots are day first everywhere they are used; a slash is month first unless it cannot be.
        let (month, day) = if separator == '.' || a > 12 { (b, a) } else { (a, b) };
        return dated(Some(year), month, day, sent);
    }
    None
}

/// The first day the text names on or after `sent` and within four months of it.
pub fn mentioned_day(text: &str, sent: NaiveDate) -> Option<NaiveDate> {
    let lowered = text.to_lowercase();
    let words: Vec<&str> =
        lowered.split(|c: char| c.is_whitespace() || c == '(' || c == '"').filter(|word| !word.is_empty()).collect();
    let fits = |date: &NaiveDate| *date >= sent && *date <= sent + Duration::days(HORIZON_DAYS);
    for (at, word) in words.iter().enumerate() {
        let word = word.trim_end_matches(',');
        let found = if let Some(date) = numeric(word, sent) {
            Some(date)
        } else if let Some(month) = month(word) {
            // "December 15[, 2026]"
            words
                .get(at + 1)
                .and_then(|next| day(next))
                .and_then(|day| dated(year(words.get(at + 2)), month, day, sent))
        } else if let Some(day) = day(word) {
            // "15 December [2026]", "15. Dezember", "15 de diciembre", "15th of December"
            let mut next = at + 1;
            if matches!(words.get(next), Some(&"de" | &"of")) {
                next += 1;
            }
            let month = words.get(next).and_then(|word| month(word.trim_end_matches(',')));
            if matches!(words.get(next + 1), Some(&"de")) {
                next += 1;
            }
            month.and_then(|month| dated(year(words.get(next + 1)), month, day, sent))
        } else {
            None
        };
        if let Some(date) = found.filter(fits) {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn day_of(text: &str) -> Option<String> {
        mentioned_day(text, sent()).map(|date| date.to_string())
    }

    #[test]
    fn days_written_the_ways_invitations_write_them() {
        assert_eq!(day_of("Are you free on Tuesday, December 15 at 10am?").as_deref(), Some("2026-12-15"));
        assert_eq!(day_of("an interview on 15 December 2026 at 14:00").as_deref(), Some("2026-12-15"));
        assert_eq!(day_of("on the 9th of December").as_deref(), Some("2026-12-09"));
        assert_eq!(day_of("Termin am 15.12.2026 um 10 Uhr").as_deref(), Some("2026-12-15"));
        assert_eq!(day_of("am Dienstag, 15. Dezember").as_deref(), Some("2026-12-15"));
        assert_eq!(day_of("un entretien le 7 janvier à 11h").as_deref(), Some("2027-01-07"));
        assert_eq!(day_of("una entrevista el 10 de diciembre de 2026").as_deref(), Some("2026-12-10"));
        assert_eq!(day_of("Slot: 2026-12-03 09:30").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of("call on 12/14/2026").as_deref(), Some("2026-12-14"));
    }

    #[test]
    fn days_before_the_message_or_far_after_it_are_not_the_interview() {
        assert_eq!(day_of("Thank you for your application of 20 November 2026."), None);
        assert_eq!(day_of("The role starts on 1 June 2027."), None);
        assert_eq!(day_of("You applied on 2026-11-20; we'd like to talk on 8 December."), Some("2026-12-08".into()));
        assert_eq!(day_of("We would like to schedule a call this week."), None);
        assert_eq!(day_of("We have 25 candidates and 3 rounds."), None);
    }
}
