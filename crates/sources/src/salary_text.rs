//! Pay written as text: "$120k-$150k", "EUR 60.000 - 75.000 per year", "45/hr", "up to £50,000",
//! "60'000 CHF", "₹12,00,000 a year". Returns nothing rather than a wrong number: "competitive",
//! "DOE", phone numbers, years, "401k" and funding rounds are not pay.

use crate::{Salary, SalaryPeriod};

/// A yearly figure above this is a funding round or a typo, not a salary.
const MAX_YEARLY: f64 = 2_000_000.0;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num { value: f64, suffix: f64, percent: bool, retirement: bool },
    Cur(&'static str),
    Word(String),
    Sym(char),
}

/// Reads the first amount or range in `text` that is clearly pay: next to a currency, written
/// with `k`, or followed by a period ("45/hr").
pub fn parse_salary_text(text: &str) -> Option<Salary> {
    let tokens = merge_currencies(tokenize(text));
    let start = (0..tokens.len()).find(|&index| is_money(&tokens, index))?;
    let Tok::Num { value, suffix, .. } = tokens[start] else { return None };
    let mut low = value * suffix;
    let mut high = None;

    // A partner after a range marker, skipping currencies and period words: "$50/hour to $60/hour".
    let mut cursor = start + 1;
    let mut saw_range = false;
    while cursor < tokens.len() && cursor <= start + 6 {
        match &tokens[cursor] {
            Tok::Sym('-' | '–' | '—' | '~') => saw_range = true,
            Tok::Word(word) if word == "to" || word == "and" => saw_range = true,
            Tok::Num { value: other, suffix: other_suffix, percent: false, retirement: false } if saw_range => {
                let mut other_value = other * other_suffix;
                // "150 - 210K": the k on one bound belongs to both.
                if *other_suffix > 1.0 && suffix == 1.0 && low < 1000.0 && low * other_suffix <= other_value {
                    low *= other_suffix;
                } else if suffix > 1.0 && *other_suffix == 1.0 && other_value < 1000.0 {
                    other_value *= suffix;
                }
                high = Some(other_value);
                break;
            }
            Tok::Cur(_) | Tok::Sym('/' | '.' | ' ' | '(' | ')') => {}
            Tok::Word(word) if period_word(word).is_some() || matches!(word.as_str(), "per" | "a" | "an") => {}
            _ => break,
        }
        cursor += 1;
    }

    // "80-95k EUR": the clear amount is the upper bound and its partner comes first.
    let mut first = start;
    if high.is_none()
        && let Some((partner, partner_value, partner_suffix)) = partner_before(&tokens, start)
    {
        let mut partner_amount = partner_value * partner_suffix;
        if partner_suffix == 1.0 && suffix > 1.0 && partner_amount < 1000.0 {
            partner_amount *= suffix;
        }
        high = Some(low);
        low = partner_amount;
        first = partner;
    }

    let before: Vec<&str> = tokens[first.saturating_sub(4)..first]
        .iter()
        .filter_map(|token| if let Tok::Word(word) = token { Some(word.as_str()) } else { None })
        .collect();
    let plus_after = matches!(tokens.get(start + 1), Some(Tok::Sym('+')));
    let (mut min, mut max) = (Some(low), high);
    if high.is_none() && (before.iter().any(|word| matches!(*word, "up" | "max" | "maximum" | "upto"))) {
        (min, max) = (None, Some(low));
    } else if high.is_none()
        && (plus_after || before.iter().any(|word| matches!(*word, "from" | "min" | "minimum" | "least" | "starting")))
    {
        (min, max) = (Some(low), None);
    }
    if let (Some(low), Some(high)) = (min, max)
        && low > high
    {
        return None;
    }

    let currency = currency_near(&tokens, start)
        .or_else(|| tokens.iter().find_map(|token| if let Tok::Cur(code) = token { Some(*code) } else { None }));
    let largest = max.or(min).unwrap_or(low);
    let period = match period_in(&tokens) {
        Some(period) => period,
        // Without a stated period only a yearly-sized figure is safe to read.
        None if largest >= 10_000.0 => SalaryPeriod::Year,
        None => return None,
    };
    if largest * period.per_year() > MAX_YEARLY {
        return None;
    }
    Salary::new(min, max, currency.map(str::to_string), period)
}

/// The number before a range marker that ends at `index`: "80 - 95k", "€80k to €95k".
fn partner_before(tokens: &[Tok], index: usize) -> Option<(usize, f64, f64)> {
    let skip_currency = |at: usize| if at > 0 && matches!(tokens[at - 1], Tok::Cur(_)) { at - 1 } else { at };
    let marker = skip_currency(index).checked_sub(1)?;
    let is_marker = match &tokens[marker] {
        Tok::Sym('-' | '–' | '—' | '~') => true,
        Tok::Word(word) => word == "to",
        _ => false,
    };
    let number = skip_currency(marker).checked_sub(1)?;
    match tokens[number] {
        Tok::Num { value, suffix, percent: false, retirement: false } if is_marker && value > 0.0 => {
            Some((number, value, suffix))
        }
        _ => None,
    }
}

fn is_money(tokens: &[Tok], index: usize) -> bool {
    let Tok::Num { value, suffix, percent, retirement } = tokens[index] else { return false };
    if percent || retirement || value <= 0.0 {
        return false;
    }
    let currency_adjacent = currency_near(tokens, index).is_some();
    let is_year = suffix == 1.0 && value.fract() == 0.0 && (1900.0..=2100.0).contains(&value);
    if currency_adjacent {
        return true;
    }
    if is_year {
        return false;
    }
    if suffix == 1000.0 {
        return true;
    }
    // "45/hr", "30 per hour", "25 an hour"
    let next_words: Vec<&Tok> = tokens[index + 1..].iter().take(3).collect();
    matches!(next_words.first(), Some(Tok::Sym('/')))
        && next_words.iter().any(|token| matches!(token, Tok::Word(word) if period_word(word).is_some()))
        || next_words.windows(2).any(|pair| {
            matches!(pair[0], Tok::Word(word) if matches!(word.as_str(), "per" | "an" | "a"))
                && matches!(pair[1], Tok::Word(word) if period_word(word).is_some())
        })
}

/// A currency directly before or after the number at `index` (spaces aside).
fn currency_near(tokens: &[Tok], index: usize) -> Option<&'static str> {
    let before = index.checked_sub(1).and_then(|i| tokens.get(i));
    let after = tokens.get(index + 1);
    [before, after].into_iter().flatten().find_map(|token| if let Tok::Cur(code) = token { Some(*code) } else { None })
}

/// Tokens, each with whether it touches the one before (no space between).
fn tokenize(text: &str) -> Vec<(Tok, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        let glued = index > 0 && !chars[index - 1].is_whitespace();
        if c.is_ascii_digit() {
            let (token, next) = number_at(&chars, index);
            tokens.push((token, glued));
            index = next;
        } else if c.is_alphabetic() {
            let start = index;
            while index < chars.len() && chars[index].is_alphabetic() {
                index += 1;
            }
            tokens.push((Tok::Word(chars[start..index].iter().collect::<String>().to_lowercase()), glued));
        } else {
            if !c.is_whitespace() {
                tokens.push((Tok::Sym(c), glued));
            }
            index += 1;
        }
    }
    tokens
}

/// A number with its grouping ("60.000", "60,000", "60 000", "60'000", "12,00,000"), decimals
/// ("1.5", "1,5") and suffix ("k", "M", "%").
fn number_at(chars: &[char], start: usize) -> (Tok, usize) {
    let mut index = start;
    let mut raw = String::new();
    while index < chars.len() {
        let c = chars[index];
        if c.is_ascii_digit() {
            raw.push(c);
            index += 1;
            continue;
        }
        let digits_after = chars[index + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let groups = match c {
            ',' => digits_after == 3 || digits_after == 2 && raw.len() <= 2,
            '.' => digits_after >= 1,
            ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’' => digits_after == 3 && !raw.contains(['.', ',']),
            _ => false,
        };
        if !groups {
            break;
        }
        raw.push(if matches!(c, ',' | '.') { c } else { '_' });
        index += 1;
    }
    let value = number_value(&raw).unwrap_or(0.0);
    let next = chars.get(index).copied();
    let after_next = chars.get(index + 1).copied();
    let standalone = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let (suffix, consumed) = match next {
        Some('k' | 'K') if standalone(after_next) => (1000.0, 1),
        Some('m' | 'M') if standalone(after_next) => (1_000_000.0, 1),
        _ => (1.0, 0),
    };
    let percent = next == Some('%');
    // "401k" / "401(k)" is a retirement plan.
    let retirement = raw == "401" && (suffix == 1000.0 || next == Some('('));
    (Tok::Num { value, suffix, percent, retirement }, index + consumed)
}

fn number_value(raw: &str) -> Option<f64> {
    let without_spaces = raw.replace('_', "");
    let last_separator = without_spaces.rfind([',', '.']);
    let normalized = match last_separator {
        Some(position) => {
            let tail = &without_spaces[position + 1..];
            let separators = without_spaces.matches([',', '.']).count();
            let mixed = without_spaces.contains(',') && without_spaces.contains('.');
            let is_decimal = tail.len() != 3 && (mixed || separators == 1);
            let (whole, fraction) = without_spaces.split_at(position);
            let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
            if is_decimal { format!("{whole}.{}", &fraction[1..]) } else { format!("{whole}{tail}") }
        }
        None => without_spaces,
    };
    normalized.parse::<f64>().ok().filter(|value| value.is_finite())
}

const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "SEK", "PLN", "NOK", "DKK", "JPY", "SGD", "NZD", "BRL", "MXN",
    "ZAR", "CZK", "HUF", "ILS", "HKD",
];

/// Currency symbols and codes become `Tok::Cur`; "CA$", "A$", "US$" take their prefix.
fn merge_currencies(tokens: Vec<(Tok, bool)>) -> Vec<Tok> {
    let mut merged: Vec<Tok> = Vec::with_capacity(tokens.len());
    for (token, glued) in tokens {
        let currency = match &token {
            Tok::Sym('$') => {
                let prefixed = match merged.last() {
                    Some(Tok::Word(word)) if glued => match word.as_str() {
                        "ca" | "c" | "cad" => Some("CAD"),
                        "a" | "au" | "aud" => Some("AUD"),
                        "nz" => Some("NZD"),
                        "s" | "sg" => Some("SGD"),
                        "us" | "usd" => Some("USD"),
                        "hk" => Some("HKD"),
                        "r" => Some("BRL"),
                        _ => None,
                    },
                    _ => None,
                };
                if prefixed.is_some() {
                    merged.pop();
                }
                Some(prefixed.unwrap_or("USD"))
            }
            Tok::Sym('€') => Some("EUR"),
            Tok::Sym('£') => Some("GBP"),
            Tok::Sym('₹') => Some("INR"),
            Tok::Sym('¥') => Some("JPY"),
            Tok::Word(word) if word == "zł" || word == "pln" => Some("PLN"),
            Tok::Word(word) if word == "fr" || word == "sfr" => Some("CHF"),
            Tok::Word(word) => CODES.iter().copied().find(|code| code.eq_ignore_ascii_case(word)),
            _ => None,
        };
        merged.push(currency.map_or(token, Tok::Cur));
    }
    merged
}

fn period_word(word: &str) -> Option<SalaryPeriod> {
    Some(match word {
        "hour" | "hourly" | "hr" | "hrs" | "h" | "ph" => SalaryPeriod::Hour,
        "day" | "daily" | "diem" => SalaryPeriod::Day,
        "week" | "weekly" | "wk" | "pw" => SalaryPeriod::Week,
        "month" | "monthly" | "mo" | "pcm" | "mth" => SalaryPeriod::Month,
        "year" | "yearly" | "annual" | "annually" | "annum" | "yr" | "pa" | "p" | "ote" => SalaryPeriod::Year,
        _ => return None,
    })
}

fn period_in(tokens: &[Tok]) -> Option<SalaryPeriod> {
    tokens.iter().enumerate().find_map(|(index, token)| {
        let Tok::Word(word) = token else { return None };
        // "p.a." and "/h" are periods only in those shapes; "p" or "h" alone are not.
        match word.as_str() {
            "p" => matches!(tokens.get(index + 2), Some(Tok::Word(next)) if next == "a").then_some(SalaryPeriod::Year),
            "h" => matches!(index.checked_sub(1).and_then(|i| tokens.get(i)), Some(Tok::Sym('/')))
                .then_some(SalaryPeriod::Hour),
            _ => period_word(word),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Option<f64>, Option<f64>, Option<String>, SalaryPeriod);

    fn read(text: &str) -> Option<Read> {
        parse_salary_text(text).map(|salary| (salary.min, salary.max, salary.currency, salary.period))
    }

    fn money(min: Option<f64>, max: Option<f64>, currency: Option<&str>, period: SalaryPeriod) -> Option<Read> {
        Some((min, max, currency.map(str::to_string), period))
    }

    #[test]
    fn common_shapes_are_read() {
        use SalaryPeriod::*;
        for (text, expected) in [
            ("$120k-$150k", money(Some(120_000.0), Some(150_000.0), Some("USD"), Year)),
            ("€75k–110k", money(Some(75_000.0), Some(110_000.0), Some("EUR"), Year)),
            ("$150 - 210K USD + equity", money(Some(150_000.0), Some(210_000.0), Some("USD"), Year)),
            ("EUR 60.000 - 75.000 per year", money(Some(60_000.0), Some(75_000.0), Some("EUR"), Year)),
            ("45/hr", money(Some(45.0), None, None, Hour)),
            ("$90k - $105k", money(Some(90_000.0), Some(105_000.0), Some("USD"), Year)),
            ("£4,500 per month", money(Some(4500.0), None, Some("GBP"), Month)),
            ("$120,000.50", money(Some(120_000.5), None, Some("USD"), Year)),
            ("60 000 - 70 000 zł brutto rocznie", money(Some(60_000.0), Some(70_000.0), Some("PLN"), Year)),
            ("CHF 110'000 to 130'000", money(Some(110_000.0), Some(130_000.0), Some("CHF"), Year)),
            ("up to £50,000", money(None, Some(50_000.0), Some("GBP"), Year)),
            ("from €60k", money(Some(60_000.0), None, Some("EUR"), Year)),
            ("$140k+ DOE", money(Some(140_000.0), None, Some("USD"), Year)),
            ("CA$95,000 - CA$110,000", money(Some(95_000.0), Some(110_000.0), Some("CAD"), Year)),
            ("A$130k", money(Some(130_000.0), None, Some("AUD"), Year)),
            ("₹12,00,000 - ₹18,00,000 per annum", money(Some(1_200_000.0), Some(1_800_000.0), Some("INR"), Year)),
            ("SEK 45 000 per month", money(Some(45_000.0), None, Some("SEK"), Month)),
            ("$50/hour to $60/hour", money(Some(50.0), Some(60.0), Some("USD"), Hour)),
            ("€450 a day", money(Some(450.0), None, Some("EUR"), Day)),
            ("1.500 € / Woche per week", money(Some(1500.0), None, Some("EUR"), Week)),
            ("Founded 2015. Pay: 80-95k EUR", money(Some(80_000.0), Some(95_000.0), Some("EUR"), Year)),
            ("a $100k base salary", money(Some(100_000.0), None, Some("USD"), Year)),
            ("€80k to €95k", money(Some(80_000.0), Some(95_000.0), Some("EUR"), Year)),
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
    }

    #[test]
    fn text_that_is_not_pay_gives_nothing() {
        for text in [
            "competitive",
            "DOE",
            "Competitive salary + 401k",
            "401(k) matching",
            "Series B, founded 2020, 40 people",
            "Call us on 0800 123 456",
            "+44 20 7946 0958",
            "Remote (Europe)",
            "We raised $20M from top investors",
            "10% bonus",
            "$45",
            "€4,500",
            "",
            "$150k - $120k",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
