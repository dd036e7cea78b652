//! Pay written as text: "$120k-$150k", "EUR 60.000 - 75.000 per year", "45/hr", "€75k–110k".

use crate::{Salary, SalaryPeriod};

/// Reads the first amount or range in `text`. Needs a currency, a `k` or a period word to be sure
/// the numbers are pay, so "Series B, 2020" is not read as a salary.
pub fn parse_salary_text(text: &str) -> Option<Salary> {
    let currency = currency_in(text);
    let period = period_in(text);
    let amounts = amounts_in(text);
    let (first, second) = match amounts.as_slice() {
        [] => return None,
        [only] => (*only, None),
        [first, second, ..] if second.joined_by_range => (*first, Some(*second)),
        [first, ..] => (*first, None),
    };
    let has_k = first.thousands || second.is_some_and(|amount| amount.thousands);
    if currency.is_none() && period.is_none() && !has_k {
        return None;
    }
    let mut low = first.value;
    let high = second.map(|amount| amount.value);
    // "150 - 210K": the k on the upper bound applies to both.
    if let (Some(high_value), false) = (high, first.thousands)
        && second.is_some_and(|amount| amount.thousands)
        && low < 1000.0
        && low * 1000.0 <= high_value
    {
        low *= 1000.0;
    }
    let largest = high.unwrap_or(low).max(low);
    let period = match period {
        Some(period) => period,
        None if largest >= 10_000.0 => SalaryPeriod::Year,
        None if largest < 500.0 && currency.is_some() => SalaryPeriod::Hour,
        None => return None,
    };
    Salary::new(Some(low), high, currency.map(str::to_string), period)
}

#[derive(Debug, Clone, Copy)]
struct Amount {
    value: f64,
    thousands: bool,
    /// Whether a range marker ("-", "–", "to") stands between this amount and the one before.
    joined_by_range: bool,
}

fn amounts_in(text: &str) -> Vec<Amount> {
    let chars: Vec<char> = text.chars().collect();
    let mut amounts = Vec::new();
    let mut index = 0;
    let mut gap = String::new();
    while index < chars.len() {
        let c = chars[index];
        let starts_number = c.is_ascii_digit() && (index == 0 || !chars[index - 1].is_alphanumeric());
        if !starts_number {
            gap.push(c);
            index += 1;
            continue;
        }
        let start = index;
        while index < chars.len()
            && (chars[index].is_ascii_digit()
                || (matches!(chars[index], ',' | '.' | ' ' | '\u{a0}')
                    && chars.get(index + 1).is_some_and(char::is_ascii_digit)
                    && is_group_separator(&chars, index)))
        {
            index += 1;
        }
        let raw: String = chars[start..index].iter().collect();
        let thousands = chars.get(index).is_some_and(|c| matches!(c, 'k' | 'K'))
            && chars.get(index + 1).is_none_or(|c| !c.is_alphabetic());
        let multiplier = if thousands {
            index += 1;
            1000.0
        } else if chars.get(index).is_some_and(|c| matches!(c, 'm' | 'M'))
            && chars.get(index + 1).is_none_or(|c| !c.is_alphabetic())
        {
            index += 1;
            1_000_000.0
        } else {
            1.0
        };
        if let Some(value) = number_value(&raw) {
            let lower_gap = gap.to_lowercase();
            let joined_by_range = !amounts.is_empty()
                && gap.chars().count() <= 8
                && (lower_gap.contains(['-', '–', '—', '~']) || lower_gap.contains("to"));
            amounts.push(Amount { value: value * multiplier, thousands: multiplier > 1.0, joined_by_range });
        }
        gap.clear();
    }
    amounts
}

/// A separator inside a number is a thousands group when exactly three digits follow it.
fn is_group_separator(chars: &[char], index: usize) -> bool {
    let digits = chars[index + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    match chars[index] {
        ' ' | '\u{a0}' => digits == 3,
        _ => true,
    }
}

fn number_value(raw: &str) -> Option<f64> {
    let mut normalized = String::new();
    let separators: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| matches!(c, ',' | '.')).collect();
    for (position, c) in raw.char_indices() {
        match c {
            ' ' | '\u{a0}' => {}
            ',' | '.' => {
                let digits_after = raw[position + 1..].chars().take_while(char::is_ascii_digit).count();
                let is_last = separators.last().is_some_and(|(last, _)| *last == position);
                if is_last && digits_after != 3 {
                    normalized.push('.');
                }
            }
            digit => normalized.push(digit),
        }
    }
    normalized.parse::<f64>().ok().filter(|value| *value > 0.0)
}

fn currency_in(text: &str) -> Option<&'static str> {
    let upper = text.to_uppercase();
    for (marker, code) in [
        ("CA$", "CAD"),
        ("C$", "CAD"),
        ("A$", "AUD"),
        ("AU$", "AUD"),
        ("NZ$", "NZD"),
        ("S$", "SGD"),
        ("US$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("₹", "INR"),
        ("¥", "JPY"),
        ("$", "USD"),
    ] {
        if upper.contains(marker) {
            return Some(code);
        }
    }
    let words: Vec<&str> = upper.split(|c: char| !c.is_ascii_alphabetic()).collect();
    ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "INR", "JPY", "SGD", "NZD", "BRL", "MXN"]
        .into_iter()
        .find(|code| words.contains(code))
}

fn period_in(text: &str) -> Option<SalaryPeriod> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let any = |candidates: &[&str]| words.iter().any(|word| candidates.contains(word));
    if any(&["hour", "hourly", "hr", "h", "ph"])
        || lower.contains("/hr")
        || lower.contains("/h ")
        || lower.ends_with("/h")
    {
        Some(SalaryPeriod::Hour)
    } else if any(&["day", "daily", "diem"]) || lower.contains("/day") {
        Some(SalaryPeriod::Day)
    } else if any(&["week", "weekly", "wk"]) {
        Some(SalaryPeriod::Week)
    } else if any(&["month", "monthly", "mo", "pcm"]) || lower.contains("/mo") {
        Some(SalaryPeriod::Month)
    } else if any(&["year", "yearly", "annual", "annually", "yr", "pa", "p.a.", "annum"]) || lower.contains("/yr") {
        Some(SalaryPeriod::Year)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Option<f64>, Option<f64>, Option<String>, SalaryPeriod);

    fn read(text: &str) -> Option<Read> {
        parse_salary_text(text).map(|salary| (salary.min, salary.max, salary.currency, salary.period))
    }

    #[test]
    fn common_shapes_are_read() {
        let usd = Some("USD".to_string());
        let eur = Some("EUR".to_string());
        assert_eq!(read("$120k-$150k"), Some((Some(120_000.0), Some(150_000.0), usd.clone(), SalaryPeriod::Year)));
        assert_eq!(read("€75k–110k"), Some((Some(75_000.0), Some(110_000.0), eur.clone(), SalaryPeriod::Year)));
        assert_eq!(
            read("$150 - 210K USD + equity"),
            Some((Some(150_000.0), Some(210_000.0), usd.clone(), SalaryPeriod::Year))
        );
        assert_eq!(
            read("EUR 60.000 - 75.000 per year"),
            Some((Some(60_000.0), Some(75_000.0), eur.clone(), SalaryPeriod::Year))
        );
        assert_eq!(read("45/hr"), Some((Some(45.0), None, None, SalaryPeriod::Hour)));
        assert_eq!(read("$90k - $105k"), Some((Some(90_000.0), Some(105_000.0), usd.clone(), SalaryPeriod::Year)));
        assert_eq!(read("£4,500 per month"), Some((Some(4500.0), None, Some("GBP".into()), SalaryPeriod::Month)));
        assert_eq!(read("$120,000.50"), Some((Some(120_000.5), None, usd, SalaryPeriod::Year)));
    }

    #[test]
    fn numbers_that_are_not_pay_are_ignored() {
        assert_eq!(read("Series B, founded 2020, 40 people"), None);
        assert_eq!(read("Remote (Europe)"), None);
        assert_eq!(read(""), None);
    }
}
