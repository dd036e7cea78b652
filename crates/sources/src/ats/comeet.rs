//! Comeet's careers API: `GET https://www.comeet.co/careers-api/2.0/company/{uid}/positions?token=…&details=true`,
//! a bare array of positions with their description sections. The company's public careers token
//! is on its careers page; the stored parameter is `{uid}:{token}`. Notes: docs/sources/comeet.md.

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Comeet;

/// A company on Comeet: its uid (`F6.003`) and the public token its careers page uses.
fn company_from_input(input: &str) -> Result<(String, String), SourceError> {
    let input = input.trim();
    let bad = |hint| SourceError::BadParam { kind: "Comeet", input: input.to_string(), hint };
    let valid = |uid: &str, token: &str| {
        super::is_token(uid) && !token.is_empty() && token.chars().all(|c| c.is_ascii_alphanumeric())
    };
    if let Some((uid, token)) = input.split_once(':')
        && !input.contains("://")
        && valid(uid, token)
    {
        return Ok((uid.to_string(), token.to_string()));
    }
    let url = super::as_url(input).ok_or_else(|| bad("paste the company's careers API address, or uid:token"))?;
    let segments = super::segments(&url);
    let uid = match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["careers-api", _, "company", uid, ..] => Some(uid.to_string()),
        ["jobs", _, uid, ..] => Some(uid.to_string()),
        _ => None,
    };
    let token = url.query_pairs().find(|(key, _)| key == "token").map(|(_, value)| value.to_string());
    match (uid, token) {
        (Some(uid), Some(token)) if valid(&uid, &token) => Ok((uid, token)),
        (Some(_), None) => Err(bad(
            "Comeet also needs the company's careers token: it is in the careers page's source (comeet_token), or paste the careers-api address with ?token=",
        )),
        _ => Err(bad("the address is not a Comeet careers page")),
    }
}

impl Source for Comeet {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "Comeet careers-api address with its token, or uid:token",
            ..SourceInfo::ats(
                SourceKind::Comeet,
                "Comeet",
                "https://www.comeet.co",
                "F6.003:6F329B2DE6379829B229B2037983E8B3E8B",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        company_from_input(input).map(|(uid, token)| format!("{uid}:{token}"))
    }

    fn describe(&self, param: &str) -> String {
        let uid = param.split(':').next().unwrap_or(param);
        format!("Comeet company {uid}")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_positions(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let (uid, token) = company_from_input(param)?;
            let what = self.describe(param);
            let url = format!(
                "{}/careers-api/2.0/company/{uid}/positions?token={token}&details=true",
                context.base_url(SourceKind::Comeet)
            );
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

#[derive(Deserialize)]
struct Position {
    uid: String,
    name: Option<String>,
    company_name: Option<String>,
    location: Option<Location>,
    workplace_type: Option<String>,
    employment_type: Option<String>,
    time_updated: Option<String>,
    url_active_page: Option<String>,
    url_comeet_hosted_page: Option<String>,
    #[serde(default)]
    details: Vec<Section>,
}

#[derive(Deserialize)]
struct Location {
    name: Option<String>,
    city: Option<String>,
    state: Option<String>,
    country: Option<String>,
    is_remote: Option<bool>,
}

#[derive(Deserialize)]
struct Section {
    name: Option<String>,
    value: Option<String>,
    order: Option<i64>,
}

pub fn parse_positions(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Comeet", error))?;
    Ok(parse_items("Comeet", items, |item| position(item).map(Some)))
}

fn position(payload: Value) -> Result<ParsedPosting, String> {
    let mut position: Position = typed(&payload)?;
    position.details.sort_by_key(|section| section.order.unwrap_or(i64::MAX));
    let html: String = position
        .details
        .iter()
        .filter_map(|section| {
            let value = section.value.as_deref()?;
            // "<p><br></p><p>&nbsp;</p>" is an empty section.
            if crate::text::strip_tags(value).replace('\u{a0}', " ").trim().is_empty() {
                return None;
            }
            let name = clean_opt(section.name.as_deref()).map(|name| html_escape::encode_text(&name).into_owned());
            Some(name.map_or_else(|| value.to_string(), |name| format!("<h3>{name}</h3>{value}")))
        })
        .collect();
    let place = position.location.as_ref().and_then(|location| {
        let parts: Vec<String> = [&location.city, &location.state, &location.country]
            .into_iter()
            .filter_map(|part| clean_opt(part.as_deref()))
            .collect();
        if parts.is_empty() { clean_opt(location.name.as_deref()) } else { Some(parts.join(", ")) }
    });
    let remote = position.location.as_ref().and_then(|location| location.is_remote) == Some(true);
    let url = position.url_active_page.or(position.url_comeet_hosted_page);
    Ok(ParsedPosting {
        source: SourceKind::Comeet,
        source_id: position.uid,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(position.name.as_deref()),
        company: clean_opt(position.company_name.as_deref()),
        locations: place.into_iter().collect(),
        work_mode: if remote {
            Some(WorkMode::Remote)
        } else {
            position.workplace_type.as_deref().and_then(WorkMode::from_text)
        },
        employment_type: position.employment_type.as_deref().and_then(text::employment_type),
        salary: None,
        posted_at: position.time_updated.as_deref().and_then(dates::parse_date),
        description_html: (!html.is_empty()).then_some(html),
        payload,
    })
}
