//! BambooHR careers sites: `GET https://{company}.bamboohr.com/careers/list` for the openings, then
//! `GET /careers/{id}/detail` per new one for its description and posting date. Notes:
//! docs/sources/bamboohr.md.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{DetailCall, read_details};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct BambooHr;

fn company_from_input(input: &str) -> Result<String, SourceError> {
    super::subdomain_from_input("BambooHR", input, &["bamboohr.com"]).map(|(company, _)| company)
}

impl Source for BambooHr {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "BambooHR careers URL or company name",
            ..SourceInfo::ats(SourceKind::Bamboohr, "BambooHR", "", "collectivemeasures")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        company_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("BambooHR careers site '{param}'")
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
            let origin = super::tenant_origin(&context, SourceKind::Bamboohr, &format!("{company}.bamboohr.com"));
            let body = context.get(SourceKind::Bamboohr, format!("{origin}/careers/list"), &what).await?;
            let mut outcome =
                FetchOutcome::single_page(parse_list(&body, Some(&company)).map_err(|error| error.about(&what))?);
            let details = DetailCall {
                kind: SourceKind::Bamboohr,
                reads: "descriptions",
                request: |posting: &ParsedPosting| {
                    (format!("{origin}/careers/{}/detail", posting.source_id), what.clone())
                },
                apply: apply_detail,
            };
            read_details(&context, &mut outcome.postings, details, &mut outcome.warnings).await;
            Ok(outcome)
        })
    }
}

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    result: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Opening {
    id: Value,
    job_opening_name: Option<String>,
    employment_status_label: Option<String>,
    location: Option<Place>,
    ats_location: Option<Place>,
    location_type: Option<Value>,
    is_remote: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Place {
    city: Option<String>,
    state: Option<String>,
    province: Option<String>,
    country: Option<Value>,
    address_country: Option<String>,
}

impl Place {
    /// "Fort Lauderdale, Florida": the parts present, trimmed.
    fn label(&self) -> Option<String> {
        let country = self.address_country.clone().or_else(|| match &self.country {
            Some(Value::String(name)) => Some(name.clone()),
            Some(Value::Object(country)) => country.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        });
        let parts: Vec<String> = [self.city.clone(), self.state.clone().or_else(|| self.province.clone()), country]
            .into_iter()
            .filter_map(|part| clean_opt(part.as_deref()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// `locationType` "1" is remote and "2" hybrid (on-site "0" says nothing the place does not).
fn work_mode(location_type: Option<&Value>, is_remote: Option<bool>) -> Option<WorkMode> {
    let kind = location_type.and_then(id_text);
    match (kind.as_deref(), is_remote) {
        (Some("1"), _) | (_, Some(true)) => Some(WorkMode::Remote),
        (Some("2"), _) => Some(WorkMode::Hybrid),
        _ => None,
    }
}

pub fn parse_list(body: &[u8], company: Option<&str>) -> Result<Vec<ParsedPosting>, SourceError> {
    let list: List = serde_json::from_slice(body).map_err(|error| malformed("BambooHR", error))?;
    Ok(parse_items("BambooHR", list.result, |item| opening(item, company).map(Some)))
}

fn opening(payload: Value, company: Option<&str>) -> Result<ParsedPosting, String> {
    let opening: Opening = typed(&payload)?;
    let id = id_text(&opening.id).ok_or("an opening without an id")?;
    // Sites fill one of the two place records: the ATS's own when the company set it.
    let place = opening
        .ats_location
        .as_ref()
        .and_then(Place::label)
        .or_else(|| opening.location.as_ref().and_then(Place::label));
    let url = company.map(|company| format!("https://{company}.bamboohr.com/careers/{id}"));
    Ok(ParsedPosting {
        source: SourceKind::Bamboohr,
        source_id: id,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(opening.job_opening_name.as_deref()),
        company: None,
        locations: place.into_iter().collect(),
        work_mode: work_mode(opening.location_type.as_ref(), opening.is_remote),
        employment_type: opening.employment_status_label.as_deref().and_then(text::employment_type),
        salary: None,
        posted_at: None,
        description_html: None,
        payload,
    })
}

#[derive(Deserialize)]
struct Detail {
    result: Option<DetailResult>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DetailResult {
    job_opening: Option<DetailOpening>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DetailOpening {
    description: Option<String>,
    date_posted: Option<String>,
    job_opening_share_url: Option<String>,
    location: Option<Place>,
    ats_location: Option<Place>,
    location_type: Option<Value>,
    compensation: Option<String>,
}

/// Fills a listed opening from its detail: description, posting date, link, place, pay text.
pub fn apply_detail(posting: &mut ParsedPosting, body: &[u8]) {
    let Some(opening) = serde_json::from_slice::<Detail>(body).ok().and_then(|detail| detail.result?.job_opening)
    else {
        tracing::warn!("unreadable BambooHR detail for {}", posting.source_id);
        return;
    };
    if let Some(html) = opening.description.filter(|html| !html.trim().is_empty()) {
        posting.description_html = Some(html);
    }
    posting.posted_at = opening.date_posted.as_deref().and_then(dates::parse_date).or(posting.posted_at);
    if let Some(link) = opening.job_opening_share_url.filter(|link| link.starts_with("https://")) {
        posting.url = Some(link.clone());
        posting.apply_url = Some(link);
    }
    let place = opening
        .ats_location
        .as_ref()
        .and_then(Place::label)
        .or_else(|| opening.location.as_ref().and_then(Place::label));
    if let Some(place) = place {
        posting.locations = vec![place];
    }
    posting.work_mode = work_mode(opening.location_type.as_ref(), None).or(posting.work_mode);
    posting.salary =
        opening.compensation.as_deref().and_then(crate::salary_text::parse_salary_text).or(posting.salary.take());
}
