//! What a keyword-searched board is asked: stored as one parameter string, either plain keywords
//! ("rust developer") or a query string ("keywords=rust&location=Berlin&country=de&remote=true").

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchQuery {
    pub keywords: String,
    pub location: Option<String>,
    /// Two-letter country code, for sources searched per country (Adzuna).
    pub country: Option<String>,
    pub remote_only: bool,
}

impl SearchQuery {
    pub fn keywords(keywords: &str) -> Self {
        Self { keywords: keywords.trim().to_string(), ..Self::default() }
    }

    pub fn from_param(param: &str) -> Self {
        let param = param.trim();
        if !param.contains('=') {
            return Self::keywords(param);
        }
        let pairs: HashMap<String, String> = url::form_urlencoded::parse(param.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        let text = |key: &str| pairs.get(key).map(|value| value.trim().to_string()).filter(|value| !value.is_empty());
        Self {
            keywords: text("keywords").or_else(|| text("q")).unwrap_or_default(),
            location: text("location"),
            country: text("country").map(|country| country.to_ascii_lowercase()),
            remote_only: text("remote").is_some_and(|value| matches!(value.as_str(), "true" | "1" | "yes")),
        }
    }

    pub fn to_param(&self) -> String {
        if self.location.is_none() && self.country.is_none() && !self.remote_only && !self.keywords.contains('=') {
            return self.keywords.clone();
        }
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        out.append_pair("keywords", &self.keywords);
        if let Some(location) = &self.location {
            out.append_pair("location", location);
        }
        if let Some(country) = &self.country {
            out.append_pair("country", country);
        }
        if self.remote_only {
            out.append_pair("remote", "true");
        }
        out.finish()
    }

    /// Keywords and location as one phrase, for sources with a single query box (JSearch).
    pub fn phrase(&self) -> String {
        match &self.location {
            Some(location) if !self.keywords.is_empty() => format!("{} in {location}", self.keywords),
            Some(location) => location.clone(),
            None => self.keywords.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keywords_and_query_strings_round_trip() {
        assert_eq!(SearchQuery::from_param(" rust developer "), SearchQuery::keywords("rust developer"));
        let full = SearchQuery::from_param("keywords=rust+dev&location=Berlin&country=DE&remote=true");
        assert_eq!(full.keywords, "rust dev");
        assert_eq!(full.location.as_deref(), Some("Berlin"));
        assert_eq!(full.country.as_deref(), Some("de"));
        assert!(full.remote_only);
        assert_eq!(SearchQuery::from_param(&full.to_param()), full);
        assert_eq!(SearchQuery::keywords("go").to_param(), "go");
        assert_eq!(full.phrase(), "rust dev in Berlin");
    }
}
