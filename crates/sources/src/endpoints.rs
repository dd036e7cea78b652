//! Each source's base URL, replaceable through `JOBHOUND_BASE_URL_<KIND>` for tests and mirrors.

use std::collections::HashMap;

use crate::SourceKind;

/// Where each source is fetched from. Defaults to the public APIs; `JOBHOUND_BASE_URL_<KIND>`
/// points a source at a mirror or a local mock server (Lever's EU host: `JOBHOUND_BASE_URL_LEVER_EU`).
#[derive(Debug, Clone, Default)]
pub struct Endpoints {
    overrides: HashMap<String, String>,
}

pub(crate) const LEVER_EU: &str = "lever_eu";
const LEVER_EU_DEFAULT: &str = "https://api.eu.lever.co";

impl Endpoints {
    pub fn from_env() -> Self {
        let mut endpoints = Self::default();
        let names = SourceKind::ALL.iter().map(|kind| kind.as_str()).chain([LEVER_EU]);
        for name in names {
            if let Ok(url) = std::env::var(format!("JOBHOUND_BASE_URL_{}", name.to_ascii_uppercase()))
                && !url.trim().is_empty()
            {
                endpoints.overrides.insert(name.to_string(), url.trim().trim_end_matches('/').to_string());
            }
        }
        endpoints
    }

    pub fn with_base_url(mut self, kind: SourceKind, url: &str) -> Self {
        self.overrides.insert(kind.as_str().to_string(), url.trim().trim_end_matches('/').to_string());
        self
    }

    pub fn with_lever_eu_base_url(mut self, url: &str) -> Self {
        self.overrides.insert(LEVER_EU.to_string(), url.trim().trim_end_matches('/').to_string());
        self
    }

    pub fn base_url(&self, kind: SourceKind) -> &str {
        self.overrides.get(kind.as_str()).map(String::as_str).unwrap_or_else(|| kind.default_base_url())
    }

    pub fn is_overridden(&self, kind: SourceKind) -> bool {
        self.overrides.contains_key(kind.as_str())
    }

    pub(crate) fn lever_eu_base_url(&self) -> &str {
        self.overrides.get(LEVER_EU).map(String::as_str).unwrap_or(LEVER_EU_DEFAULT)
    }
}
