//! Feeds and pages: Hacker News "Who is hiring?", RSS/Atom feeds, schema.org JobPosting pages, and
//! careers pages read by a recipe.

pub mod hackernews;
pub mod jsonld;
pub mod page;
pub mod rss;

use crate::SourceError;

/// A feed or page URL as typed: `https://` added when left off; only http(s) accepted.
pub(crate) fn page_url(kind: &'static str, input: &str) -> Result<String, SourceError> {
    let input = input.trim();
    let bad = |hint| SourceError::BadParam { kind, input: input.to_string(), hint };
    if input.is_empty() {
        return Err(bad("paste the page's address"));
    }
    let with_scheme = if input.contains("://") { input.to_string() } else { format!("https://{input}") };
    let url = url::Url::parse(&with_scheme).map_err(|_| bad("it is not a web address"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad("only http and https addresses can be fetched"));
    }
    Ok(url.to_string())
}

/// A stable id for an item that carries none: FNV-1a over its identifying text.
pub(crate) fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
