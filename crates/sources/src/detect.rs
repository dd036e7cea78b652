//! What a pasted careers URL is: a known ATS board (with its token), a feed, or a page to read
//! JSON-LD from.

use crate::{SourceError, SourceKind, registry};

/// The ATS hosts recognised in a pasted URL, most specific first.
const ATS_HOSTS: &[(&str, SourceKind)] = &[
    ("greenhouse.io", SourceKind::Greenhouse),
    ("lever.co", SourceKind::Lever),
    ("ashbyhq.com", SourceKind::Ashby),
    ("workable.com", SourceKind::Workable),
    ("recruitee.com", SourceKind::Recruitee),
    ("smartrecruiters.com", SourceKind::Smartrecruiters),
    ("myworkdayjobs.com", SourceKind::Workday),
    ("jobs.personio.de", SourceKind::Personio),
    ("jobs.personio.com", SourceKind::Personio),
    ("teamtailor.com", SourceKind::Teamtailor),
    ("bamboohr.com", SourceKind::Bamboohr),
    ("breezy.hr", SourceKind::Breezy),
    ("pinpointhq.com", SourceKind::Pinpoint),
    ("rippling.com", SourceKind::Rippling),
    ("eightfold.ai", SourceKind::Eightfold),
    ("comeet.co", SourceKind::Comeet),
    ("comeet.com", SourceKind::Comeet),
    ("jobs.gem.com", SourceKind::Gem),
    ("app.dover.com", SourceKind::Dover),
    ("icims.com", SourceKind::Icims),
    ("jobs.jobvite.com", SourceKind::Jobvite),
];

/// Finds the source for a pasted URL: the ATS and its token when the host is one Jobhound knows,
/// an RSS feed when the path looks like one, else a page whose JSON-LD will be read.
pub fn detect(input: &str) -> Result<(SourceKind, String), SourceError> {
    let trimmed = input.trim();
    let with_scheme = if trimmed.contains("://") { trimmed.to_string() } else { format!("https://{trimmed}") };
    let url = url::Url::parse(&with_scheme)
        .ok()
        .filter(|url| url.host_str().is_some_and(|host| host.contains('.')))
        .ok_or_else(|| SourceError::BadParam {
            kind: "careers page",
            input: trimmed.to_string(),
            hint: "paste the full address of a careers page or job board",
        })?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    for (suffix, kind) in ATS_HOSTS {
        if host == *suffix || host.ends_with(&format!(".{suffix}")) {
            return registry::source(*kind).param_from_input(trimmed).map(|param| (*kind, param));
        }
    }
    let path = url.path().to_ascii_lowercase();
    if path.ends_with(".rss") || path.ends_with(".xml") || path.ends_with("/feed") || path.ends_with(".atom") {
        return Ok((SourceKind::Rss, url.to_string()));
    }
    if host.ends_with("ycombinator.com") {
        return registry::source(SourceKind::Hackernews)
            .param_from_input(trimmed)
            .map(|id| (SourceKind::Hackernews, id));
    }
    Ok((SourceKind::Jsonld, url.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn careers_urls_resolve_to_their_board() {
        for (input, kind, param) in [
            ("https://boards.greenhouse.io/vercel", SourceKind::Greenhouse, "vercel"),
            ("job-boards.greenhouse.io/vercel/jobs/1", SourceKind::Greenhouse, "vercel"),
            ("https://jobs.lever.co/spotify", SourceKind::Lever, "spotify"),
            ("https://jobs.eu.lever.co/acme/123", SourceKind::Lever, "eu:acme"),
            ("https://jobs.ashbyhq.com/linear", SourceKind::Ashby, "linear"),
            ("https://apply.workable.com/vortexa/", SourceKind::Workable, "vortexa"),
            ("https://channable.recruitee.com/", SourceKind::Recruitee, "channable"),
            ("https://careers.smartrecruiters.com/Ubisoft2", SourceKind::Smartrecruiters, "Ubisoft2"),
            ("https://jobs.smartrecruiters.com/Ubisoft2/744000151912444", SourceKind::Smartrecruiters, "Ubisoft2"),
            (
                "https://weworkremotely.com/categories/remote-programming-jobs.rss",
                SourceKind::Rss,
                "https://weworkremotely.com/categories/remote-programming-jobs.rss",
            ),
            ("https://news.ycombinator.com/item?id=49522897", SourceKind::Hackernews, "49522897"),
            (
                "https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site",
                SourceKind::Workday,
                "gdit.wd5/External_Career_Site",
            ),
            ("https://example.com/careers", SourceKind::Jsonld, "https://example.com/careers"),
        ] {
            let detected = detect(input).map_err(|error| error.to_string());
            assert_eq!(detected, Ok((kind, param.to_string())), "{input}");
        }
    }

    #[test]
    fn non_urls_are_refused() {
        assert!(detect("not a url").is_err());
        assert!(detect("").is_err());
    }
}
