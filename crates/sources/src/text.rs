//! Small text repairs every parser needs: trimming, entity decoding, mojibake, plain text to HTML.

use crate::{EmploymentType, WorkMode};

/// Trimmed, inner whitespace collapsed; `None` when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

pub fn clean_opt(text: Option<&str>) -> Option<String> {
    text.and_then(clean)
}

/// Some sources (Greenhouse, Arbeitnow) serve HTML entity-escaped, once or twice. Unescape until it
/// is HTML, at most twice, so a literal `&lt;` in real text survives.
pub fn decode_escaped_html(content: &str) -> String {
    if content.contains('<') {
        return content.to_string();
    }
    let once = decode_entities(content);
    if !once.contains('<') && once.contains("&lt;") {
        return decode_entities(&once);
    }
    once
}

/// The entities that make up nearly all of an escaped body, decoded without a table lookup.
const COMMON_ENTITIES: [(&str, &str); 6] =
    [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", "\u{a0}")];

/// `html_escape::decode_html_entities`, with the common entities decoded directly: looking each
/// one up was most of the time a large escaped board took to parse. An entity never spans an `&`,
/// so every other piece from one `&` to the next decodes alone exactly as in the whole text.
fn decode_entities(text: &str) -> String {
    let Some(first) = text.find('&') else {
        return text.to_string();
    };
    let mut decoded = String::with_capacity(text.len());
    decoded.push_str(&text[..first]);
    let mut rest = &text[first..];
    while !rest.is_empty() {
        let end = rest[1..].find('&').map_or(rest.len(), |at| at + 1);
        let piece = &rest[..end];
        match COMMON_ENTITIES.iter().find(|(entity, _)| piece.starts_with(entity)) {
            Some((entity, character)) => {
                decoded.push_str(character);
                decoded.push_str(&piece[entity.len()..]);
            }
            None => decoded.push_str(&html_escape::decode_html_entities(piece)),
        }
        rest = &rest[end..];
    }
    decoded
}

/// Undoes UTF-8 that was decoded as Latin-1 and encoded again ("MecÃ¡nico" → "Mecánico"), which
/// Remote OK serves for some posts. Only runs that decode as valid UTF-8 are replaced, so good
/// text around them (and genuine Latin-1 letters) is left alone.
pub fn repair_mojibake(text: &str) -> String {
    if !text.chars().any(|c| matches!(c, '\u{c2}'..='\u{f4}')) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let lead = u32::from(chars[index]);
        let width = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if width > 1 && index + width <= chars.len() {
            let bytes: Option<Vec<u8>> = chars[index..index + width]
                .iter()
                .enumerate()
                .map(|(position, c)| {
                    let value = u32::from(*c);
                    let fits = if position == 0 { true } else { (0x80..=0xBF).contains(&value) };
                    fits.then(|| u8::try_from(value).ok()).flatten()
                })
                .collect();
            if let Some(decoded) = bytes.and_then(|bytes| String::from_utf8(bytes).ok()) {
                out.push_str(&decoded);
                index += width;
                continue;
            }
        }
        out.push(chars[index]);
        index += 1;
    }
    out
}

/// Plain text (JSearch, Adzuna) as HTML paragraphs, escaped.
pub fn plain_to_html(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| {
            let lines: Vec<String> =
                paragraph.lines().map(|line| html_escape::encode_text(line.trim()).into_owned()).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect()
}

/// Text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    clean(&html_escape::decode_html_entities(&out)).unwrap_or_default()
}

/// Employment type from the many spellings sources use ("Full-time", "FULLTIME", "full_time",
/// "Contractor", "Intern", "fulltime_permanent", "Working student").
pub fn employment_type(text: &str) -> Option<EmploymentType> {
    let squashed: String = text.to_ascii_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    if squashed.is_empty() {
        return None;
    }
    let has = |needle: &str| squashed.contains(needle);
    if has("intern") || has("trainee") || has("apprentice") || has("workingstudent") || has("werkstudent") {
        Some(EmploymentType::Internship)
    } else if has("parttime") || has("halftime") {
        Some(EmploymentType::PartTime)
    } else if has("contract") || has("freelance") || has("consultant") {
        Some(EmploymentType::Contract)
    } else if has("temporary") || has("temp") || has("seasonal") || has("perdiem") {
        Some(EmploymentType::Temporary)
    } else if has("fulltime") || has("permanent") {
        Some(EmploymentType::FullTime)
    } else {
        None
    }
}

impl WorkMode {
    /// The work mode a short text states in words ("Berlin (Hybrid)", "Fully remote"), if any.
    pub fn from_text(text: &str) -> Option<WorkMode> {
        let lower = text.to_lowercase();
        let words: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
        if words.contains(&"hybrid") {
            Some(WorkMode::Hybrid)
        } else if words.iter().any(|word| matches!(*word, "remote" | "anywhere" | "telecommute" | "wfh")) {
            Some(WorkMode::Remote)
        } else if words.iter().any(|word| matches!(*word, "onsite" | "on-site" | "in-office" | "office-based")) {
            Some(WorkMode::Onsite)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings_in(value: &serde_json::Value, into: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => into.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|item| strings_in(item, into)),
            serde_json::Value::Object(fields) => fields.values().for_each(|field| strings_in(field, into)),
            _ => {}
        }
    }

    #[test]
    fn entities_decode_as_html_escape_decodes_them() {
        let mut texts: Vec<String> = [
            "&lt;p&gt;Tom &amp; Jerry &quot;say&quot; it&#39;s&nbsp;fine&lt;/p&gt;",
            "&amp;lt;p&amp;gt; twice &copy; &eacute;t&eacute; &#x27;hex&#x27; &#8212; &unknown; &amp &lt x",
            "a & b && c &; &# &#; &#xZZ; &lt&gt; trailing &",
            "&ltx; &ampersand &nbspx &quot",
            "no entities at all",
        ]
        .map(str::to_string)
        .to_vec();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded");
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|extension| extension == "json") {
                let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                strings_in(&value, &mut texts);
            }
        }
        let with_entities = texts.iter().filter(|text| text.contains('&')).count();
        assert!(with_entities > 30, "only {with_entities} texts with entities");
        for text in &texts {
            assert_eq!(decode_entities(text), html_escape::decode_html_entities(text), "{text}");
        }
    }

    #[test]
    fn mojibake_is_repaired_and_good_text_left_alone() {
        assert_eq!(repair_mojibake("MecÃ¡nico Automotriz DiagnÃ³stico"), "Mecánico Automotriz Diagnóstico");
        assert_eq!(repair_mojibake("veh\u{c3}\u{ad}culos"), "vehículos");
        assert_eq!(repair_mojibake("café Ãpre"), "café Ãpre");
        assert_eq!(repair_mojibake("€ 50k Ã"), "€ 50k Ã");
        assert_eq!(repair_mojibake("“Quoted” MecÃ¡nico"), "“Quoted” Mecánico");
        assert_eq!(repair_mojibake("plain"), "plain");
    }

    #[test]
    fn employment_types_from_every_spelling() {
        for (text, expected) in [
            ("Full-time", Some(EmploymentType::FullTime)),
            ("FULLTIME", Some(EmploymentType::FullTime)),
            ("fulltime_permanent", Some(EmploymentType::FullTime)),
            ("Part Time", Some(EmploymentType::PartTime)),
            ("Contractor", Some(EmploymentType::Contract)),
            ("INTERN", Some(EmploymentType::Internship)),
            ("Working student", Some(EmploymentType::Internship)),
            ("Temporary", Some(EmploymentType::Temporary)),
            ("", None),
            ("Other", None),
        ] {
            assert_eq!(employment_type(text), expected, "{text}");
        }
    }

    #[test]
    fn plain_text_becomes_escaped_paragraphs() {
        assert_eq!(plain_to_html("A & B\nnext\n\n<b>x</b>"), "<p>A &amp; B<br>next</p><p>&lt;b&gt;x&lt;/b&gt;</p>");
    }

    #[test]
    fn tags_are_stripped_and_entities_decoded() {
        assert_eq!(strip_tags("Quill | <a href=\"x\">https:&#x2F;&#x2F;quill.co</a>"), "Quill | https://quill.co");
    }
}
