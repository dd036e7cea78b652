//! Job boards searched by keywords (or read whole, for the remote-only boards).

pub mod adzuna;
pub mod arbeitnow;
pub mod himalayas;
pub mod jsearch;
pub mod linkedin;
pub mod remoteok;
pub mod remotive;
pub mod themuse;
pub mod usajobs;

use crate::{SearchQuery, SourceKind};

/// A board's parameter is a search: normalised so equal searches compare equal.
pub(crate) fn search_param(input: &str) -> String {
    SearchQuery::from_param(input).to_param()
}

pub(crate) fn describe_search(kind: SourceKind, param: &str) -> String {
    let phrase = SearchQuery::from_param(param).phrase();
    if phrase.is_empty() {
        kind.display_name().to_string()
    } else {
        format!("{} search '{phrase}'", kind.display_name())
    }
}

/// `key=value` pairs as a URL query string, empty values left out.
pub(crate) fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs.iter().filter(|(_, value)| !value.is_empty()) {
        serializer.append_pair(key, value);
    }
    serializer.finish()
}
