//! Eightfold careers sites: `GET https://{host}/api/apply/v2/jobs?domain={domain}&start=N&num=10`,
//! pages of positions counted by `start`, dates in epoch seconds. The stored parameter is
//! `{host}?domain={domain}` (`fcx.eightfold.ai?domain=fcx.com`). Notes: docs/sources/eightfold.md.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates};

pub struct Eightfold;

const PAGE_SIZE: usize = 10;

/// A site: its host and the company domain it lists jobs for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub host: String,
    pub domain: String,
}

/// Reads `https://fcx.eightfold.ai/careers?domain=fcx.com` (a job's page too) or the stored form.
/// Without a `domain`, the tenant's `.com` is taken (the usual one; the site says otherwise by
/// answering with no positions).
pub fn site_from_input(input: &str) -> Result<Site, SourceError> {
    let input = input.trim();
    let bad = |hint| SourceError::BadParam { kind: "Eightfold", input: input.to_string(), hint };
    let url = super::as_url(input).ok_or_else(|| bad("paste the company's careers URL (…eightfold.ai/careers)"))?;
    let host = super::host(&url);
    let tenant = host.strip_suffix(".eightfold.ai").filter(|tenant| super::is_token(tenant) && !tenant.contains('.'));
    let Some(tenant) = tenant else {
        return Err(bad("the URL is not an Eightfold careers site (…eightfold.ai)"));
    };
    let domain = url
        .query_pairs()
        .find(|(key, _)| key == "domain")
        .map(|(_, value)| value.trim().to_ascii_lowercase())
        .filter(|domain| domain.contains('.') && super::is_token(domain))
        .unwrap_or_else(|| format!("{tenant}.com"));
    Ok(Site { host, domain })
}

impl Source for Eightfold {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "Eightfold careers URL",
            ..SourceInfo::ats(SourceKind::Eightfold, "Eightfold", "", "https://fcx.eightfold.ai/careers?domain=fcx.com")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        site_from_input(input).map(|site| format!("{}?domain={}", site.host, site.domain))
    }

    fn describe(&self, param: &str) -> String {
        site_from_input(param)
            .map_or_else(|_| format!("Eightfold site {param}"), |site| format!("Eightfold site of {}", site.domain))
    }

    fn default_name(&self, param: &str) -> String {
        site_from_input(param).map_or_else(|_| param.to_string(), |site| site.domain)
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_page(body).map(|page| page.postings)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let site = site_from_input(param)?;
            let what = self.describe(param);
            let origin = super::tenant_origin(&context, SourceKind::Eightfold, &site.host);
            let page = |start: usize| {
                let (origin, what, site) = (&origin, &what, &site);
                async move {
                    let url =
                        format!("{origin}/api/apply/v2/jobs?domain={}&start={start}&num={PAGE_SIZE}", site.domain);
                    let body = context.get(SourceKind::Eightfold, url, what).await?;
                    let page = parse_page(&body).map_err(|error| error.about(what))?;
                    let read = start + page.postings.len();
                    // A pruned answer without `count` ends at its first short page.
                    let more = page.count.map_or(page.postings.len() == PAGE_SIZE, |count| read < count);
                    Ok(Paged { postings: page.postings, next: more.then_some(read) })
                }
            };
            read_pages(context.limits.max_pages, 0, page, |outcome, start| {
                format!("stopped after {} pages ({start} positions read)", outcome.pages)
            })
            .await
        })
    }
}

pub struct Page {
    pub count: Option<usize>,
    pub postings: Vec<ParsedPosting>,
}

#[derive(Deserialize)]
struct Positions {
    count: Option<usize>,
    #[serde(default)]
    positions: Vec<Value>,
}

#[derive(Deserialize)]
struct Position {
    id: Value,
    name: Option<String>,
    posting_name: Option<String>,
    location: Option<String>,
    #[serde(default)]
    locations: Vec<String>,
    t_create: Option<Value>,
    job_description: Option<String>,
    work_location_option: Option<String>,
    #[serde(rename = "canonicalPositionUrl")]
    canonical_position_url: Option<String>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let page: Positions = serde_json::from_slice(body).map_err(|error| malformed("Eightfold", error))?;
    Ok(Page { count: page.count, postings: parse_items("Eightfold", page.positions, |item| position(item).map(Some)) })
}

fn position(payload: Value) -> Result<ParsedPosting, String> {
    let position: Position = typed(&payload)?;
    let id = id_text(&position.id).ok_or("a position without an id")?;
    let mut places: Vec<String> = position.locations.iter().filter_map(|place| clean_opt(Some(place))).collect();
    if places.is_empty() {
        places.extend(clean_opt(position.location.as_deref()));
    }
    Ok(ParsedPosting {
        source: SourceKind::Eightfold,
        source_id: id,
        url: position.canonical_position_url.clone(),
        apply_url: position.canonical_position_url,
        title: clean_opt(position.posting_name.as_deref()).or_else(|| clean_opt(position.name.as_deref())),
        company: None,
        locations: places,
        work_mode: position.work_location_option.as_deref().and_then(WorkMode::from_text),
        employment_type: None,
        salary: None,
        posted_at: position.t_create.as_ref().and_then(dates::from_epoch_value),
        description_html: position.job_description.filter(|html| !html.trim().is_empty()),
        payload,
    })
}
