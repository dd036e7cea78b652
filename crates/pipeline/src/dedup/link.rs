//! Apply links as dedup compares them: the same posting's link with tracking stripped.

/// Query parameters that track a click rather than name a page.
fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "gh_src"
                | "source"
                | "src"
                | "ref"
                | "referrer"
                | "refid"
                | "trk"
                | "trackingid"
                | "lever-source"
                | "lever-origin"
                | "fbclid"
                | "gclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "_hsenc"
                | "_hsmi"
                | "campaign"
                | "medium"
                | "from"
                | "position"
                | "pagenum"
                | "sid"
                | "iis"
                | "iisn"
                | "source_id"
        )
}

/// The apply link with tracking removed, host lower-cased, `www.`, trailing `/apply` and slashes
/// dropped, and the remaining parameters sorted.
pub fn canonical_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut path = parsed.path().trim_end_matches('/').to_string();
    for suffix in ["/apply", "/application"] {
        if let Some(stripped) = path.strip_suffix(suffix) {
            path = stripped.to_string();
        }
    }
    let mut params: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(name, _)| !is_tracking(name))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    params.sort();
    let query = if params.is_empty() {
        String::new()
    } else {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        serializer.extend_pairs(params);
        format!("?{}", serializer.finish())
    };
    Some(format!("{host}{path}{query}"))
}

/// A link that names one job rather than a careers home page many jobs share.
pub(super) fn is_specific(canonical: &str) -> bool {
    let (path_part, query) = canonical.split_once('?').unwrap_or((canonical, ""));
    let segments = path_part.split('/').skip(1).filter(|segment| !segment.is_empty()).count();
    segments >= 2 || query.contains('=') && segments >= 1
}
