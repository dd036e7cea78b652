//! SmartRecruiters Posting API: `GET /v1/companies/{id}/postings?limit=100&offset=N` for the list,
//! then `GET /v1/companies/{id}/postings/{postingId}` per job for its description and apply link.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{DetailCall, Paged, read_details, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct SmartRecruiters;

const PAGE_SIZE: usize = 100;

/// Company identifiers are case-sensitive (`Ubisoft2`), so they are kept as typed.
pub fn company_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("SmartRecruiters", input, &["smartrecruiters.com"], |_, url| {
        match super::segments(url).as_slice() {
            [v1, companies, id, ..] if v1 == "v1" && companies == "companies" => Some(id.clone()),
            [id, ..] => Some(id.clone()),
            [] => None,
        }
    })
}

impl Source for SmartRecruiters {
    fn info(&self) -> SourceInfo {
        SourceInfo::ats(SourceKind::Smartrecruiters, "SmartRecruiters", "https://api.smartrecruiters.com", "Ubisoft2")
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        company_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("SmartRecruiters company '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_list(body).map(|page| page.postings)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let company = company_from_input(param)?;
            let what = self.describe(&company);
            let base = format!("{}/v1/companies/{company}/postings", context.base_url(SourceKind::Smartrecruiters));
            let page = |(offset, _): (usize, usize)| {
                let (base, what) = (&base, &what);
                async move {
                    let url = format!("{base}?limit={PAGE_SIZE}&offset={offset}");
                    let body = context.get(SourceKind::Smartrecruiters, url, what).await?;
                    let page = parse_list(&body).map_err(|error| error.about(what))?;
                    // The API answers an unknown company with an empty 200, indistinguishable from
                    // a company with no openings: say both.
                    if offset == 0 && page.total_found == 0 {
                        return Err(SourceError::NoJobsFound {
                            url: what.clone(),
                            reason: "SmartRecruiters knows no such company, or it has no open jobs (identifiers are case-sensitive)".into(),
                        });
                    }
                    let read = offset + page.postings.len();
                    let next = (read < page.total_found).then_some((read, page.total_found));
                    Ok(Paged { postings: page.postings, next })
                }
            };
            let stopped = |outcome: &FetchOutcome, (_, total_found): &(usize, usize)| {
                format!("stopped after {} pages of {total_found}", outcome.pages)
            };
            let mut outcome = read_pages(context.limits.max_pages, (0, 0), page, stopped).await?;
            let descriptions = DetailCall {
                kind: SourceKind::Smartrecruiters,
                reads: "descriptions",
                request: |posting: &ParsedPosting| (format!("{base}/{}", posting.source_id), what.clone()),
                apply: apply_detail,
            };
            read_details(&context, &mut outcome.postings, descriptions, &mut outcome.warnings).await;
            Ok(outcome)
        })
    }
}

pub struct ListPage {
    pub total_found: usize,
    pub postings: Vec<ParsedPosting>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct List {
    total_found: Option<usize>,
    #[serde(default)]
    content: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Posting {
    id: String,
    name: Option<String>,
    company: Option<Company>,
    released_date: Option<String>,
    location: Option<Location>,
    type_of_employment: Option<Label>,
    #[serde(default)]
    custom_field: Vec<CustomField>,
}

#[derive(Deserialize)]
struct Company {
    identifier: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    full_location: Option<String>,
    city: Option<String>,
    remote: Option<bool>,
    hybrid: Option<bool>,
}

#[derive(Deserialize)]
struct Label {
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CustomField {
    field_label: Option<String>,
    value_label: Option<String>,
}

pub fn parse_list(body: &[u8]) -> Result<ListPage, SourceError> {
    let list: List = serde_json::from_slice(body).map_err(|error| malformed("SmartRecruiters", error))?;
    let postings = parse_items("SmartRecruiters", list.content, |item| parse_posting(item).map(Some));
    Ok(ListPage { total_found: list.total_found.unwrap_or(postings.len()), postings })
}

fn parse_posting(payload: Value) -> Result<ParsedPosting, String> {
    let posting: Posting = typed(&payload)?;
    let identifier = posting.company.as_ref().and_then(|company| company.identifier.clone());
    let url = identifier.map(|identifier| format!("https://jobs.smartrecruiters.com/{identifier}/{}", posting.id));
    let flexibility = posting
        .custom_field
        .iter()
        .filter(|field| field.field_label.as_deref().is_some_and(|label| label.to_lowercase().contains("flexib")))
        .find_map(|field| field.value_label.as_deref().and_then(WorkMode::from_text));
    let work_mode = match &posting.location {
        Some(Location { remote: Some(true), .. }) => Some(WorkMode::Remote),
        Some(Location { hybrid: Some(true), .. }) => Some(WorkMode::Hybrid),
        _ => flexibility,
    };
    let location = posting.location.as_ref().and_then(|location| {
        clean_opt(location.full_location.as_deref()).or_else(|| clean_opt(location.city.as_deref()))
    });
    Ok(ParsedPosting {
        source: SourceKind::Smartrecruiters,
        source_id: posting.id,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(posting.name.as_deref()),
        company: posting.company.and_then(|company| clean_opt(company.name.as_deref())),
        locations: location.into_iter().collect(),
        work_mode,
        employment_type: posting
            .type_of_employment
            .and_then(|kind| kind.label)
            .as_deref()
            .and_then(text::employment_type),
        salary: None,
        posted_at: posting.released_date.as_deref().and_then(dates::parse_date),
        description_html: None,
        payload,
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Detail {
    job_ad: Option<JobAd>,
    apply_url: Option<String>,
    posting_url: Option<String>,
}

#[derive(Deserialize)]
struct JobAd {
    sections: Option<Sections>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sections {
    company_description: Option<Section>,
    job_description: Option<Section>,
    qualifications: Option<Section>,
    additional_information: Option<Section>,
}

#[derive(Deserialize)]
struct Section {
    title: Option<String>,
    text: Option<String>,
}

/// Fills a listed posting from its detail: the job ad's sections as one description, the apply link.
pub fn apply_detail(posting: &mut ParsedPosting, body: &[u8]) {
    let Ok(detail) = serde_json::from_slice::<Detail>(body) else {
        tracing::warn!("unreadable SmartRecruiters detail for {}", posting.source_id);
        return;
    };
    if let Some(sections) = detail.job_ad.and_then(|ad| ad.sections) {
        let html: String = [
            sections.company_description,
            sections.job_description,
            sections.qualifications,
            sections.additional_information,
        ]
        .into_iter()
        .flatten()
        .filter_map(|section| {
            let text = section.text.filter(|text| !text.trim().is_empty())?;
            let title = html_escape::encode_text(section.title.as_deref().unwrap_or_default()).into_owned();
            Some(if title.is_empty() { text } else { format!("<h3>{title}</h3>{text}") })
        })
        .collect();
        if !html.is_empty() {
            posting.description_html = Some(html);
        }
    }
    if let Some(apply) = detail.apply_url.filter(|url| !url.is_empty()) {
        posting.apply_url = Some(apply);
    }
    if let Some(page) = detail.posting_url.filter(|url| !url.is_empty()) {
        posting.url = Some(page);
    }
}
