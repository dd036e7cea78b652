//! Jobvite careers sites: `GET https://jobs.jobvite.com/{company}/jobs`, an HTML list of every
//! open job (`a[href="/{company}/job/{id}"]` with a `td.jv-job-list-location`). Notes:
//! docs/sources/jobvite.md.

use scraper::{ElementRef, Html, Selector};
use serde_json::json;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::clean;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind};

pub struct Jobvite;

/// `jobs.jobvite.com/{company}` (any page under it), or the company's name there.
pub fn company_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Jobvite", input, &["jobs.jobvite.com"], |_, url| super::segments(url).into_iter().next())
}

impl Source for Jobvite {
    fn info(&self) -> SourceInfo {
        SourceInfo::ats(SourceKind::Jobvite, "Jobvite", "https://jobs.jobvite.com", "feedingamerica")
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        company_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Jobvite site '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_list(body, None)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let company = company_from_input(param)?;
            let what = self.describe(&company);
            let base = context.base_url(SourceKind::Jobvite);
            let body = context.get(SourceKind::Jobvite, format!("{base}/{company}/jobs"), &what).await?;
            Ok(FetchOutcome::single_page(parse_list(&body, Some(&company)).map_err(|error| error.about(&what))?))
        })
    }
}

fn selector(css: &str) -> Result<Selector, SourceError> {
    Selector::parse(css).map_err(|error| SourceError::Malformed { what: "Jobvite".into(), reason: error.to_string() })
}

/// The job rows of a list page: each link to `/{company}/job/{id}`, with the location cell of its
/// row. With the `company`, only its own jobs, and links are absolute.
pub fn parse_list(body: &[u8], company: Option<&str>) -> Result<Vec<ParsedPosting>, SourceError> {
    let html = String::from_utf8_lossy(body);
    let document = Html::parse_document(&html);
    let links = selector("a[href*=\"/job/\"]")?;
    let location = selector("td.jv-job-list-location, .jv-job-list-location")?;
    if !html.contains("jv-job-list") && document.select(&links).next().is_none() {
        return Err(SourceError::Malformed {
            what: "Jobvite page".into(),
            reason: "no job list on the page (not a Jobvite list page)".into(),
        });
    }
    let text_of = |element: ElementRef<'_>| clean(&element.text().collect::<String>());
    let mut seen = std::collections::HashSet::new();
    Ok(document
        .select(&links)
        .filter_map(|link| {
            let href = link.value().attr("href")?;
            let path = href.split('?').next().unwrap_or(href);
            let mut parts = path.trim_start_matches("https://jobs.jobvite.com").trim_start_matches('/').split('/');
            let (owner, job, id) = (parts.next()?, parts.next()?, parts.next()?);
            if job != "job" || id.is_empty() || company.is_some_and(|company| !owner.eq_ignore_ascii_case(company)) {
                return None;
            }
            if !seen.insert(id.to_string()) {
                return None;
            }
            // The row holding the link holds its location cell.
            let row = link.ancestors().filter_map(ElementRef::wrap).find(|element| element.value().name() == "tr");
            let place = row.and_then(|row| row.select(&location).next()).and_then(text_of);
            let url = format!("https://jobs.jobvite.com/{owner}/job/{id}");
            let title = text_of(link);
            Some(ParsedPosting {
                source: SourceKind::Jobvite,
                source_id: id.to_string(),
                url: Some(url.clone()),
                apply_url: Some(url),
                title: title.clone(),
                company: None,
                locations: place.clone().into_iter().collect(),
                work_mode: title.as_deref().and_then(crate::WorkMode::from_text),
                employment_type: None,
                salary: None,
                posted_at: None,
                description_html: None,
                payload: json!({"href": href, "title": title, "location": place}),
            })
        })
        .collect())
}
