//! A company's own careers page with no board, feed or JSON-LD behind it, read by a recipe (see
//! `recipe`): the page's job items, and for each new job on the same site its own page, for the
//! description (its JSON-LD when it has one).

use scraper::{Html, Selector};
use serde_json::json;
use url::Url;

use crate::paging::{DetailCall, read_details};
use crate::recipe::{RecipeItem, read_page};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::{ParsedPosting, SourceCategory, SourceError, SourceInfo, SourceKind, dates};

pub struct Page;

impl Source for Page {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            label: "Careers page (read by a recipe)",
            category: SourceCategory::Feed,
            param_label: "Careers page URL",
            param_example: "https://www.example.com/jobs/",
            param_optional: false,
            ..SourceInfo::board(
                SourceKind::Page,
                "Careers page",
                "",
                "The company's own page, read a few times a day; each new job's page is read once.",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        super::page_url("careers page", input)
    }

    fn describe(&self, param: &str) -> String {
        format!("careers page {param}")
    }

    fn default_name(&self, param: &str) -> String {
        Url::parse(param)
            .ok()
            .and_then(|url| url.host_str().map(|host| host.trim_start_matches("www.").to_string()))
            .unwrap_or_else(|| param.to_string())
    }

    /// A page read without its stored recipe: the built-in finder's.
    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        let page = Url::parse("https://page.invalid/")
            .map_err(|error| SourceError::Malformed { what: "careers page".into(), reason: error.to_string() })?;
        let read =
            read_page(&String::from_utf8_lossy(body), &page, None).map_err(|refusal| refused(&page, &refusal))?;
        Ok(read.items.iter().filter_map(posting).collect())
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let address = super::page_url("careers page", param)?;
            let page = Url::parse(&address)
                .map_err(|error| SourceError::Malformed { what: address.clone(), reason: error.to_string() })?;
            let what = self.describe(&address);
            let body = context.get(SourceKind::Page, address.clone(), &what).await?;
            let read = read_page(&String::from_utf8_lossy(&body), &page, context.recipe)
                .map_err(|refusal| refused(&page, &refusal))?;
            let mut outcome = FetchOutcome::single_page(read.items.iter().filter_map(posting).collect());
            if let Some(update) = &read.update
                && update.healed
            {
                outcome
                    .warnings
                    .push(format!("layout changed; recipe renewed on {}", chrono::Utc::now().format("%Y-%m-%d")));
            }
            outcome.recipe = read.update;
            // Each new job on the page's own site has a page of its own with its description.
            let site = page.host_str().map(str::to_string);
            let details = DetailCall {
                kind: SourceKind::Page,
                reads: "descriptions",
                request: |posting: &ParsedPosting| (posting.url.clone().unwrap_or_default(), what.clone()),
                apply: apply_detail,
            };
            let (mut own, mut elsewhere): (Vec<ParsedPosting>, Vec<ParsedPosting>) =
                outcome.postings.drain(..).partition(|posting| {
                    posting
                        .url
                        .as_deref()
                        .and_then(|url| Url::parse(url).ok())
                        .is_some_and(|url| url.host_str().map(str::to_string) == site)
                });
            read_details(&context, &mut own, details, &mut outcome.warnings).await;
            outcome.postings = own;
            outcome.postings.append(&mut elsewhere);
            Ok(outcome)
        })
    }
}

fn refused(page: &Url, refusal: &crate::recipe::Refusal) -> SourceError {
    SourceError::NoRecipe { page: page.to_string(), reason: refusal.to_string() }
}

/// An item as a posting; its link is its identity on the page.
fn posting(item: &RecipeItem) -> Option<ParsedPosting> {
    let link = item.link.clone()?;
    Some(ParsedPosting {
        source: SourceKind::Page,
        source_id: link.clone(),
        url: Some(link.clone()),
        apply_url: Some(link),
        title: item.title.clone(),
        company: None,
        locations: item.location.clone().into_iter().collect(),
        work_mode: item.location.as_deref().and_then(crate::WorkMode::from_text),
        employment_type: None,
        salary: item.salary.as_deref().and_then(crate::salary_text::parse_salary_text),
        posted_at: item.posted.as_deref().and_then(dates::parse_date),
        description_html: None,
        payload: json!(item),
    })
}

/// A job's own page: its JSON-LD posting's description when it has one, else its main content.
pub fn apply_detail(posting: &mut ParsedPosting, body: &[u8]) {
    let address = posting.url.clone();
    if let Ok(found) = super::jsonld::parse_page(body, address.as_deref())
        && let Some(described) = found.into_iter().find(|found| found.description_html.is_some())
    {
        posting.description_html = described.description_html;
        posting.posted_at = posting.posted_at.or(described.posted_at);
        posting.salary = posting.salary.take().or(described.salary);
        return;
    }
    let html = String::from_utf8_lossy(body);
    let document = Html::parse_document(&html);
    for css in ["main", "article", "[role=main]", "#content", ".content"] {
        if let Ok(selector) = Selector::parse(css)
            && let Some(content) = document.select(&selector).next()
        {
            let inner = content.inner_html();
            if crate::text::strip_tags(&inner).trim().len() > 80 {
                posting.description_html = Some(inner);
                return;
            }
        }
    }
}
