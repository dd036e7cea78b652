//! Employers as dedup compares them: "Vercel, Inc.", "VERCEL INC " and "vercel.com" are one.

const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "sl",
    "bv",
    "nv",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "se",
    "oy",
    "ab",
    "as",
    "asa",
    "srl",
    "spa",
    "sro",
    "pty",
    "pte",
    "pvt",
    "private",
    "kk",
    "kg",
    "ug",
    "group",
    "holdings",
    "io",
    "com",
    "ai",
    "app",
    "hq",
    "&",
    "and",
];

/// "Vercel, Inc.", "Vercel Inc", "The Vercel Company GmbH" and "vercel.com" compare equal; so do
/// "Acme B.V." and "Acme BV", and "Acme GmbH & Co. KG" and "Acme".
pub fn company_key(company: &str) -> String {
    let lower = company.to_lowercase();
    let mut words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric() && c != '&').filter(|word| !word.is_empty()).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1 {
        // Initials written with dots ("B.V.", "S.A.") are the suffix written without them.
        let initials = words.iter().rev().take_while(|word| word.chars().count() == 1 && **word != "&").count();
        if initials >= 2
            && initials < words.len()
            && COMPANY_SUFFIXES.contains(&words[words.len() - initials..].concat().as_str())
        {
            words.truncate(words.len() - initials);
        } else if words.last().is_some_and(|word| COMPANY_SUFFIXES.contains(word)) {
            words.pop();
        } else {
            break;
        }
    }
    words.concat()
}
