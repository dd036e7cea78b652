//! Tidying extracted text, and telling text from a scanned page's emptiness.

/// Text as extraction leaves it (ragged spaces, runs of blank lines, stray control characters)
/// made readable and stable: single spaces, trimmed lines, at most one blank line in a row.
pub(crate) fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_lines = 0;
    for line in raw.lines() {
        let words: Vec<&str> =
            line.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&words.join(" "));
    }
    out
}

/// Whether extracted text has enough letters to be worth keeping; a scanned PDF yields none, or
/// only page numbers.
pub(crate) fn has_words(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_spaces_and_blank_lines() {
        assert_eq!(tidy("  Jane   Doe \n\n\n\n Rust\tengineer\n"), "Jane Doe\n\nRust engineer");
        assert!(!has_words("1\n2\n3"));
        assert!(has_words("Senior engineer with Rust and Go"));
    }
}
