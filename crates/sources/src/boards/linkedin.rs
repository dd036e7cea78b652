//! LinkedIn guest job search: HTML cards from `/jobs-guest/jobs/api/seeMoreJobPostings/search`.
//! Opt-in only (LinkedIn's terms forbid scraping): slow, few pages, and a full stop on the first
//! 429 or refusal.

use std::time::Duration;

use scraper::{ElementRef, Html, Selector};
use serde_json::json;

use crate::paging::{Paged, read_search_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::clean_opt;
use crate::{ParsedPosting, Politeness, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates};

pub struct Linkedin;

const PAGE_SIZE: usize = 25;
const MAX_PAGES: u32 = 4;

impl Source for Linkedin {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            label: "LinkedIn",
            opt_in_warning: Some(
                "LinkedIn's User Agreement forbids scraping. Jobhound reads only the logged-out job search, slowly, and stops at the first refusal; turn it on only if you accept that risk.",
            ),
            attribution: Some("LinkedIn"),
            politeness: Politeness { min_interval: Duration::from_secs(5), max_retries: 0, stop_on_rate_limit: true },
            ..SourceInfo::board(
                SourceKind::Linkedin,
                "LinkedIn (guest search)",
                "https://www.linkedin.com",
                "Against LinkedIn's terms: off by default, a few pages at a time, stop on the first 429.",
            )
        }
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_cards(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let base = context.base_url(SourceKind::Linkedin);
            let page = |start: usize| {
                let (query, what, base) = (&query, &what, &base);
                async move {
                    let params = super::query_string(&[
                        ("keywords", &query.keywords),
                        ("location", query.location.as_deref().unwrap_or_default()),
                        ("f_WT", if query.remote_only { "2" } else { "" }),
                        ("sortBy", "DD"),
                        ("start", &start.to_string()),
                    ]);
                    let url = format!("{base}/jobs-guest/jobs/api/seeMoreJobPostings/search?{params}");
                    let body = match context.get(SourceKind::Linkedin, url, what).await {
                        Ok(body) => body,
                        // LinkedIn answers 400 past the last page.
                        Err(SourceError::UnexpectedStatus { status: 400, .. }) if start > 0 => {
                            return Ok(Paged { postings: Vec::new(), next: None });
                        }
                        Err(error) => return Err(error),
                    };
                    let postings = parse_cards(&body).map_err(|error| error.about(what))?;
                    let next = (postings.len() >= PAGE_SIZE).then_some(start + postings.len());
                    Ok(Paged { postings, next })
                }
            };
            read_search_pages(context.limits.max_pages.min(MAX_PAGES), 0, page).await
        })
    }
}

fn selector(css: &str) -> Result<Selector, SourceError> {
    Selector::parse(css).map_err(|error| SourceError::Malformed { what: "LinkedIn".into(), reason: error.to_string() })
}

/// Parses the HTML fragment of job cards. A page with no cards at all is not an error (the search
/// may simply be empty), but a page that is not a card list is.
pub fn parse_cards(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let html = std::str::from_utf8(body).map_err(|error| SourceError::Malformed {
        what: "LinkedIn response".into(),
        reason: format!("not UTF-8 text ({error})"),
    })?;
    let document = Html::parse_fragment(html);
    let card = selector("div.base-search-card")?;
    let link = selector("a.base-card__full-link")?;
    let title = selector("h3.base-search-card__title")?;
    let company = selector("h4.base-search-card__subtitle")?;
    let location = selector("span.job-search-card__location")?;
    let date = selector("time")?;
    let salary = selector("span.job-search-card__salary-info")?;
    let text_of = |element: ElementRef<'_>, wanted: &Selector| {
        element.select(wanted).next().and_then(|found| clean_opt(Some(&found.text().collect::<String>())))
    };
    let mut postings = Vec::new();
    for element in document.select(&card) {
        let urn = element.value().attr("data-entity-urn").unwrap_or_default();
        let Some(id) = urn.rsplit(':').next().filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
        else {
            continue;
        };
        let href = element.select(&link).next().and_then(|anchor| anchor.value().attr("href")).map(strip_tracking);
        let posted =
            element.select(&date).next().and_then(|time| time.value().attr("datetime")).and_then(dates::parse_date);
        let location_text = text_of(element, &location);
        let salary_text = text_of(element, &salary);
        postings.push(ParsedPosting {
            source: SourceKind::Linkedin,
            source_id: id.to_string(),
            url: href.clone().or_else(|| Some(format!("https://www.linkedin.com/jobs/view/{id}"))),
            apply_url: href,
            title: text_of(element, &title),
            company: text_of(element, &company),
            work_mode: location_text.as_deref().and_then(WorkMode::from_text),
            locations: location_text.clone().into_iter().collect(),
            employment_type: None,
            salary: salary_text.as_deref().and_then(crate::salary_text::parse_salary_text),
            posted_at: posted,
            description_html: None,
            payload: json!({
                "id": id,
                "title": text_of(element, &title),
                "company": text_of(element, &company),
                "location": location_text,
                "url": element.select(&link).next().and_then(|anchor| anchor.value().attr("href")),
                "posted": element.select(&date).next().and_then(|time| time.value().attr("datetime")),
                "salary": salary_text,
            }),
        });
    }
    if postings.is_empty() && html.trim().len() > 200 && !html.contains("base-card") {
        return Err(SourceError::Malformed {
            what: "LinkedIn response".into(),
            reason: "no job cards in the page (LinkedIn may have changed its markup or shown a sign-in wall)".into(),
        });
    }
    Ok(postings)
}

/// Card links carry tracking parameters; the job's own URL is the path.
fn strip_tracking(href: &str) -> String {
    match url::Url::parse(href) {
        Ok(mut url) => {
            url.set_query(None);
            url.set_fragment(None);
            url.to_string()
        }
        Err(_) => href.to_string(),
    }
}
