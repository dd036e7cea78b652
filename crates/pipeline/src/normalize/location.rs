//! Places and work modes: remote, hybrid or on-site read from a location label or the text.

use jobhound_sources::WorkMode;

/// Splits a location label such as "Hybrid - London" or "Remote (US)" into the work mode it states
/// and the place left over. "Remote" alone leaves no place.
pub fn split_work_mode(label: &str) -> (Option<WorkMode>, Option<String>) {
    let label = label.trim();
    let lower = label.to_ascii_lowercase();
    for (prefix, mode) in [
        ("remote", WorkMode::Remote),
        ("hybrid", WorkMode::Hybrid),
        ("on-site", WorkMode::Onsite),
        ("onsite", WorkMode::Onsite),
        ("on site", WorkMode::Onsite),
        ("in office", WorkMode::Onsite),
        ("in-office", WorkMode::Onsite),
    ] {
        if let Some(rest) = lower.strip_prefix(prefix)
            && rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        {
            let place = label[prefix.len()..].trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ',' | '(' | ')' | '/' | '|')
            });
            return (Some(mode), (!place.is_empty()).then(|| place.to_string()));
        }
    }
    let mode = work_mode_from_text(label);
    (mode, (!label.is_empty()).then(|| label.to_string()))
}

/// The work mode a short text states in words ("Berlin (Hybrid)", "Fully remote"), if any.
pub fn work_mode_from_text(text: &str) -> Option<WorkMode> {
    WorkMode::from_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_into_mode_and_place() {
        let cases = [
            ("Hybrid - London", Some(WorkMode::Hybrid), Some("London")),
            ("Remote - US", Some(WorkMode::Remote), Some("US")),
            ("Remote (EMEA)", Some(WorkMode::Remote), Some("EMEA")),
            ("Remote", Some(WorkMode::Remote), None),
            ("On-site: Berlin, Germany", Some(WorkMode::Onsite), Some("Berlin, Germany")),
            ("Berlin, Germany", None, Some("Berlin, Germany")),
            ("London (Hybrid)", Some(WorkMode::Hybrid), Some("London (Hybrid)")),
            ("Remoteville", None, Some("Remoteville")),
            ("NYC", None, Some("NYC")),
        ];
        for (label, mode, place) in cases {
            assert_eq!(split_work_mode(label), (mode, place.map(str::to_string)), "{label}");
        }
    }
}
