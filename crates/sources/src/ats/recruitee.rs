//! Recruitee careers-site API: `GET https://{slug}.recruitee.com/api/offers/`, no paging.

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, Salary, SalaryPeriod, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Recruitee;

pub fn slug_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Recruitee", input, &["recruitee.com"], |host, _| {
        host.strip_suffix(".recruitee.com").filter(|sub| !sub.contains('.') && *sub != "app").map(str::to_string)
    })
    .map(|slug| slug.to_ascii_lowercase())
}

/// The offers URL: on `{slug}.recruitee.com`, or below an overriding base URL as `{base}/{slug}`.
pub fn offers_url(base_url: &str, slug: &str) -> String {
    if base_url.contains("{slug}") {
        format!("{}/api/offers/", base_url.replace("{slug}", slug))
    } else {
        format!("{}/{slug}/api/offers/", base_url.trim_end_matches('/'))
    }
}

impl Source for Recruitee {
    fn info(&self) -> SourceInfo {
        SourceInfo::ats(SourceKind::Recruitee, "Recruitee", "https://{slug}.recruitee.com", "channable")
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        slug_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Recruitee company '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_offers(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let slug = slug_from_input(param)?;
            let what = self.describe(&slug);
            let url = offers_url(context.base_url(SourceKind::Recruitee), &slug);
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

#[derive(Deserialize)]
struct Offers {
    offers: Vec<Value>,
}

#[derive(Deserialize)]
struct Offer {
    id: Value,
    title: Option<String>,
    company_name: Option<String>,
    status: Option<String>,
    location: Option<String>,
    #[serde(default)]
    locations: Vec<OfferLocation>,
    remote: Option<bool>,
    hybrid: Option<bool>,
    on_site: Option<bool>,
    salary: Option<OfferSalary>,
    employment_type_code: Option<String>,
    description: Option<String>,
    requirements: Option<String>,
    published_at: Option<String>,
    created_at: Option<String>,
    careers_url: Option<String>,
    careers_apply_url: Option<String>,
}

#[derive(Deserialize)]
struct OfferLocation {
    city: Option<String>,
    state: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct OfferSalary {
    min: Option<Value>,
    max: Option<Value>,
    period: Option<String>,
    currency: Option<String>,
}

pub fn parse_offers(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let offers: Offers = serde_json::from_slice(body).map_err(|error| malformed("Recruitee", error))?;
    Ok(parse_items("Recruitee", offers.offers, parse_offer))
}

fn amount(value: &Option<Value>) -> Option<f64> {
    match value.as_ref()? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().replace(',', "").parse().ok(),
        _ => None,
    }
}

fn parse_offer(mut payload: Value) -> Result<Option<ParsedPosting>, String> {
    // A recruiter's mailbox address is personal data Jobhound has no use for.
    if let Some(object) = payload.as_object_mut() {
        object.remove("mailbox_email");
    }
    let offer: Offer = typed(&payload)?;
    if offer.status.as_deref().is_some_and(|status| status != "published") {
        return Ok(None);
    }
    let source_id = crate::support::id_text(&offer.id).ok_or("offer without an id")?;
    let mut locations: Vec<String> = offer
        .locations
        .iter()
        .filter_map(|location| {
            let parts: Vec<&str> = [&location.city, &location.state, &location.country]
                .into_iter()
                .filter_map(|part| part.as_deref().map(str::trim).filter(|part| !part.is_empty()))
                .collect();
            let mut unique: Vec<&str> = Vec::new();
            for part in parts {
                if !unique.contains(&part) {
                    unique.push(part);
                }
            }
            (!unique.is_empty()).then(|| unique.join(", "))
        })
        .collect();
    if locations.is_empty() {
        locations.extend(clean_opt(offer.location.as_deref()));
    }
    let work_mode = if offer.remote == Some(true) {
        Some(WorkMode::Remote)
    } else if offer.hybrid == Some(true) {
        Some(WorkMode::Hybrid)
    } else if offer.on_site == Some(true) {
        Some(WorkMode::Onsite)
    } else {
        None
    };
    let salary = offer.salary.and_then(|salary| {
        let period = match salary.period.as_deref()? {
            "hour" => SalaryPeriod::Hour,
            "day" => SalaryPeriod::Day,
            "week" => SalaryPeriod::Week,
            "month" => SalaryPeriod::Month,
            "year" => SalaryPeriod::Year,
            _ => return None,
        };
        Salary::new(amount(&salary.min), amount(&salary.max), salary.currency, period)
    });
    let description = [offer.description, offer.requirements]
        .into_iter()
        .flatten()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join("");
    Ok(Some(ParsedPosting {
        source: SourceKind::Recruitee,
        source_id,
        url: offer.careers_url,
        apply_url: offer.careers_apply_url,
        title: clean_opt(offer.title.as_deref()),
        company: clean_opt(offer.company_name.as_deref()),
        locations,
        work_mode,
        employment_type: offer.employment_type_code.as_deref().and_then(text::employment_type),
        salary,
        posted_at: offer.published_at.or(offer.created_at).as_deref().and_then(dates::parse_date),
        description_html: (!description.is_empty()).then_some(description),
        payload,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_out_of_careers_urls() {
        assert_eq!(slug_from_input("channable").ok().as_deref(), Some("channable"));
        assert_eq!(slug_from_input("https://channable.recruitee.com/o/some-job").ok().as_deref(), Some("channable"));
        assert!(slug_from_input("https://recruitee.com").is_err());
        assert_eq!(offers_url("https://{slug}.recruitee.com", "acme"), "https://acme.recruitee.com/api/offers/");
        assert_eq!(offers_url("http://127.0.0.1:9/", "acme"), "http://127.0.0.1:9/acme/api/offers/");
    }
}
