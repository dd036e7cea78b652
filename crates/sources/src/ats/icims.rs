//! iCIMS careers portals: `GET https://careers-{company}.icims.com/jobs/search?ss=1&in_iframe=1&pr=N`,
//! HTML pages of job cards (`li.iCIMS_JobCardItem`), zero-based page numbers. Notes:
//! docs/sources/icims.md.

use scraper::{ElementRef, Html, Selector};
use serde_json::json;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::clean;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind};

pub struct Icims;

/// Cards of a full page; a shorter page is the last (inferred from the portal's paging).
const PAGE_SIZE: usize = 20;

/// `careers-{company}.icims.com` (any page on it), or the portal's host.
fn host_from_input(input: &str) -> Result<String, SourceError> {
    let input = input.trim();
    let bad = |hint| SourceError::BadParam { kind: "iCIMS", input: input.to_string(), hint };
    let url = super::as_url(input).ok_or_else(|| bad("paste the company's iCIMS careers URL"))?;
    let host = super::host(&url);
    let company = host.strip_suffix(".icims.com").filter(|company| super::is_token(company) && !company.contains('.'));
    company.map(|_| host.clone()).ok_or_else(|| bad("the URL is not an iCIMS careers portal (…icims.com)"))
}

impl Source for Icims {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "iCIMS careers URL",
            ..SourceInfo::ats(SourceKind::Icims, "iCIMS", "", "https://careers-wipfli.icims.com/jobs")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        host_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("iCIMS portal {param}")
    }

    fn default_name(&self, param: &str) -> String {
        let first = param.split('.').next().unwrap_or(param);
        first.strip_prefix("careers-").unwrap_or(first).to_string()
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_page(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let host = host_from_input(param)?;
            let what = self.describe(&host);
            let origin = super::tenant_origin(&context, SourceKind::Icims, &host);
            let page = |number: usize| {
                let (origin, what) = (&origin, &what);
                async move {
                    let url = format!("{origin}/jobs/search?ss=1&in_iframe=1&pr={number}");
                    let body = context.get(SourceKind::Icims, url, what).await?;
                    let postings = parse_page(&body).map_err(|error| error.about(what))?;
                    let full = postings.len() >= PAGE_SIZE;
                    Ok(Paged { postings, next: full.then_some(number + 1) })
                }
            };
            read_pages(context.limits.max_pages, 0, page, |outcome, _| format!("stopped after {} pages", outcome.pages))
                .await
        })
    }
}

fn selector(css: &str) -> Result<Selector, SourceError> {
    Selector::parse(css).map_err(|error| SourceError::Malformed { what: "iCIMS".into(), reason: error.to_string() })
}

/// The job cards of a search page. A page of the portal without the card list is not a search
/// page (an error); a list with no cards is an empty board.
pub fn parse_page(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let html = String::from_utf8_lossy(body);
    let document = Html::parse_document(&html);
    let cards = selector("li.iCIMS_JobCardItem")?;
    let anchor = selector("a.iCIMS_Anchor")?;
    let heading = selector("h3")?;
    let header_spans = selector(".header span:not(.sr-only)")?;
    let fields = selector("dl.iCIMS_JobHeaderGroup .iCIMS_JobHeaderTag")?;
    let field_name = selector("dt")?;
    let field_value = selector("dd")?;
    let found: Vec<ElementRef<'_>> = document.select(&cards).collect();
    let is_search_page = !found.is_empty() || html.contains("iCIMS_JobsTable") || html.contains("iCIMS_JobCardItem");
    if !is_search_page {
        return Err(SourceError::Malformed {
            what: "iCIMS page".into(),
            reason: "no job card list on the page (not an iCIMS search page)".into(),
        });
    }
    let text_of = |element: ElementRef<'_>| clean(&element.text().collect::<String>());
    Ok(found
        .into_iter()
        .filter_map(|card| {
            let link = card.select(&anchor).next()?;
            let href = link.value().attr("href")?;
            // ".../jobs/8214/payroll-tax-specialist/job?in_iframe=1": the id is the path's number.
            let id =
                href.split("/jobs/").nth(1)?.split('/').next().filter(|id| id.bytes().all(|b| b.is_ascii_digit()))?;
            let url = href.split('?').next().unwrap_or(href).to_string();
            let title = link.select(&heading).next().and_then(text_of).or_else(|| {
                // The anchor's title reads "8214 - Payroll Tax Specialist".
                link.value().attr("title").and_then(|title| title.split_once(" - ")).and_then(|(_, title)| clean(title))
            });
            let places: Vec<String> = card.select(&header_spans).filter_map(text_of).collect();
            let details: Vec<(String, String)> = card
                .select(&fields)
                .filter_map(|field| {
                    Some((
                        field.select(&field_name).next().and_then(text_of)?,
                        field.select(&field_value).next().and_then(text_of)?,
                    ))
                })
                .collect();
            let payload = json!({"href": href, "title": title, "locations": places, "fields": details});
            Some(ParsedPosting {
                source: SourceKind::Icims,
                source_id: id.to_string(),
                url: Some(url.clone()),
                apply_url: Some(url),
                title,
                company: None,
                locations: places,
                work_mode: None,
                employment_type: None,
                salary: None,
                posted_at: None,
                description_html: None,
                payload,
            })
        })
        .collect())
}
