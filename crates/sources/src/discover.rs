//! The boards behind a company's own site: a careers page that is not on a known host is fetched
//! and read for what points at a board (links and iframes to a known ATS, ATS embed scripts, a
//! feed, JSON-LD job postings), with one more hop from a homepage to its "Careers" or "Jobs" page.
//! What is found is offered best first, with how it was found; the person picks.

use scraper::{Html, Selector};
use serde::Serialize;
use ts_rs::TS;
use url::Url;

use crate::{HttpClient, SourceCategory, SourceError, SourceKind, detect};

/// How a board was found, best evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FoundHow {
    /// The pasted URL is the board's own.
    Url,
    /// An iframe embeds the board.
    Iframe,
    /// An ATS embed script loads the board.
    Script,
    /// A link leads to the board.
    Link,
    /// The page names a feed of its jobs.
    Feed,
    /// The page carries schema.org job postings.
    Jsonld,
    /// A recipe reads the page's own job list.
    Recipe,
}

/// A board found behind a page, as `source add` takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Candidate {
    pub kind: SourceKind,
    pub param: String,
    pub how: FoundHow,
}

/// Words of a link to a careers page, in the languages job seekers paste most.
const CAREERS_WORDS: &[&str] = &[
    "careers",
    "career",
    "jobs",
    "job openings",
    "open positions",
    "open roles",
    "join us",
    "join our team",
    "work with us",
    "we're hiring",
    "we are hiring",
    "vacancies",
    "karriere",
    "stellenangebote",
    "jobs & karriere",
    "vacatures",
    "werken bij",
    "carrières",
    "emplois",
    "empleo",
    "trabaja con nosotros",
    "lavora con noi",
];

/// Pages fetched beyond the pasted one, at most: a homepage's careers links.
const MAX_HOPS: usize = 2;

/// Finds the boards behind `input`. A URL on a known ATS is its own answer; any other page is
/// fetched and read, then, if it names no board, the same site's careers pages it links to.
pub async fn discover(http: &HttpClient, input: &str) -> Result<Vec<Candidate>, SourceError> {
    let (kind, param) = detect(input)?;
    if !matches!(kind, SourceKind::Jsonld) {
        return Ok(vec![Candidate { kind, param, how: FoundHow::Url }]);
    }
    let page_url = Url::parse(&param).map_err(|_| SourceError::BadParam {
        kind: "careers page",
        input: input.to_string(),
        hint: "paste the full address of a careers page",
    })?;
    let body = http.get_bytes(page_url.as_str(), &format!("the page {page_url}")).await?;
    let html = String::from_utf8_lossy(&body).into_owned();
    let mut found = candidates_in_page(&html, &page_url);
    let mut read = vec![(page_url.clone(), html.clone())];
    if found.is_empty() {
        for link in careers_links(&html, &page_url).into_iter().take(MAX_HOPS) {
            // A careers link that fails is one lead lost, not the whole search.
            let Ok(body) = http.get_bytes(link.as_str(), &format!("the page {link}")).await else { continue };
            let linked = String::from_utf8_lossy(&body).into_owned();
            found.extend(candidates_in_page(&linked, &link));
            read.push((link, linked));
            if !found.is_empty() {
                break;
            }
        }
    }
    // No board behind the pages: one of them may list its jobs itself, for a recipe to read.
    if found.is_empty()
        && let Some((page, _)) = read.iter().rev().find(|(page, html)| crate::recipe::find(html, page).is_ok())
    {
        found.push(Candidate { kind: SourceKind::Page, param: page.to_string(), how: FoundHow::Recipe });
    }
    Ok(best_first(found))
}

fn best_first(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by_key(|candidate| candidate.how);
    let mut seen = std::collections::HashSet::new();
    found.retain(|candidate| seen.insert((candidate.kind, candidate.param.clone())));
    found
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// The board a URL is on, when its host is a known ATS's and it names a board there.
fn ats_board(url: &str) -> Option<(SourceKind, String)> {
    let (kind, param) = detect(url).ok()?;
    (kind.info().category == SourceCategory::Ats).then_some((kind, param))
}

/// Every board `html` (served at `page_url`) points at.
pub fn candidates_in_page(html: &str, page_url: &Url) -> Vec<Candidate> {
    let document = Html::parse_document(html);
    let mut found = Vec::new();
    let mut add = |address: &str, how: FoundHow| {
        if let Ok(absolute) = page_url.join(address.trim())
            && let Some((kind, param)) = ats_board(absolute.as_str())
        {
            found.push(Candidate { kind, param, how });
        }
    };
    let attributes = [
        ("iframe[src]", "src", FoundHow::Iframe),
        ("script[src]", "src", FoundHow::Script),
        ("a[href]", "href", FoundHow::Link),
    ];
    for (css, attribute, how) in attributes {
        let Some(wanted) = selector(css) else { continue };
        for element in document.select(&wanted) {
            if let Some(address) = element.value().attr(attribute) {
                add(address, how);
            }
        }
    }
    // Embed snippets that build the board's address in code: any known ATS URL in a script.
    if let Some(scripts) = selector("script:not([src])") {
        for script in document.select(&scripts) {
            let code: String = script.text().collect();
            for address in urls_in(&code) {
                add(&address, FoundHow::Script);
            }
        }
    }
    if let Some(feeds) = selector("link[rel=alternate][href]") {
        for link in document.select(&feeds) {
            let kind = link.value().attr("type").unwrap_or_default();
            if (kind.contains("rss") || kind.contains("atom"))
                && let Some(href) = link.value().attr("href")
                && let Ok(feed) = page_url.join(href)
            {
                found.push(Candidate { kind: SourceKind::Rss, param: feed.to_string(), how: FoundHow::Feed });
            }
        }
    }
    if crate::feeds::jsonld::parse_page(html.as_bytes(), Some(page_url.as_str()))
        .is_ok_and(|postings| !postings.is_empty())
    {
        found.push(Candidate { kind: SourceKind::Jsonld, param: page_url.to_string(), how: FoundHow::Jsonld });
    }
    best_first(found)
}

/// `https://…` addresses written in code, up to the first character that cannot be in one.
fn urls_in(code: &str) -> Vec<String> {
    code.match_indices("https://")
        .map(|(at, _)| {
            code[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '`' | '<' | '>' | ')' | '\\'))
                .collect()
        })
        .collect()
}

/// Links on the same site whose text or address reads like a careers page, best first.
pub fn careers_links(html: &str, page_url: &Url) -> Vec<Url> {
    let document = Html::parse_document(html);
    let Some(links) = selector("a[href]") else { return Vec::new() };
    let mut found: Vec<(usize, Url)> = Vec::new();
    for link in document.select(&links) {
        let Some(target) = link.value().attr("href").and_then(|href| page_url.join(href).ok()) else { continue };
        if target.host_str() != page_url.host_str() || target.path() == page_url.path() {
            continue;
        }
        let text = link.text().collect::<String>().trim().to_lowercase();
        let path = target.path().to_lowercase();
        let score = if CAREERS_WORDS.contains(&text.as_str()) {
            0
        } else if CAREERS_WORDS.iter().any(|word| text.contains(word)) {
            1
        } else if ["/careers", "/jobs", "/karriere", "/vacatures", "/join"].iter().any(|part| path.contains(part)) {
            2
        } else {
            continue;
        };
        if !found.iter().any(|(_, known)| known == &target) {
            found.push((score, target));
        }
    }
    found.sort_by_key(|(score, _)| *score);
    found.into_iter().map(|(_, url)| url).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Url {
        Url::parse("https://www.acme.example/careers").unwrap()
    }

    #[test]
    fn iframes_scripts_links_feeds_and_jsonld_are_found_best_first() {
        let html = r#"<html><head>
            <link rel="alternate" type="application/rss+xml" href="/jobs.rss">
            <script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>
            <script>var board = "https://jobs.lever.co/acme-eu"; load(board);</script>
            </head><body>
            <a href="https://jobs.ashbyhq.com/acme">All openings</a>
            <a href="https://twitter.com/acme">Twitter</a>
            <iframe src="https://acme.wd5.myworkdayjobs.com/en-US/Acme_Careers"></iframe>
            <script type="application/ld+json">{"@type":"JobPosting","title":"Engineer","datePosted":"2026-11-01"}</script>
            </body></html>"#;
        let found = candidates_in_page(html, &page());
        let summary: Vec<(&str, &str, FoundHow)> =
            found.iter().map(|candidate| (candidate.kind.as_str(), candidate.param.as_str(), candidate.how)).collect();
        assert_eq!(
            summary,
            [
                ("workday", "acme.wd5/Acme_Careers", FoundHow::Iframe),
                ("greenhouse", "acme", FoundHow::Script),
                ("lever", "acme-eu", FoundHow::Script),
                ("ashby", "acme", FoundHow::Link),
                ("rss", "https://www.acme.example/jobs.rss", FoundHow::Feed),
                ("jsonld", "https://www.acme.example/careers", FoundHow::Jsonld),
            ]
        );
    }

    #[test]
    fn a_homepage_offers_its_careers_links_and_nothing_else() {
        let html = r#"<a href="/about">About us</a><a href="/en/careers/">Careers</a>
            <a href="/blog/we-are-hiring-engineers">We're hiring engineers!</a>
            <a href="https://other.example/jobs">Jobs elsewhere</a><a href="/team">Team</a>"#;
        let home = Url::parse("https://www.acme.example/").unwrap();
        let links: Vec<String> = careers_links(html, &home).into_iter().map(String::from).collect();
        assert_eq!(
            links,
            ["https://www.acme.example/en/careers/", "https://www.acme.example/blog/we-are-hiring-engineers"]
        );
        assert!(candidates_in_page("<p>About us</p>", &home).is_empty());
    }
}
