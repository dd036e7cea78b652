//! Workday careers sites (`{tenant}.wd{N}.myworkdayjobs.com/[{locale}/]{site}`): the site's own
//! JSON search, `POST /wday/cxs/{tenant}/{site}/jobs` with `{limit, offset, searchText,
//! appliedFacets}` in pages of 20, then `GET /wday/cxs/{tenant}/{site}{externalPath}` per new job
//! for its description, start date, time type and every location. Notes: docs/sources/workday.md.
//!
//! The stored parameter is `{tenant}.wd{N}/{site}`, with `?q=WORDS` when the board is searched.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::info::Politeness;
use crate::paging::{DetailCall, Paged, read_details, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, dates, text};

pub struct Workday;

/// Workday refuses more than 20 a page.
const PAGE_SIZE: usize = 20;
const HOST_SUFFIX: &str = "myworkdayjobs.com";

/// Workday answers clients that hurry with 4xx: one request a second per tenant, and a refusal
/// is retried with backoff rather than hammered.
const POLITENESS: Politeness =
    Politeness { min_interval: std::time::Duration::from_secs(1), max_retries: 3, stop_on_rate_limit: false };

/// A Workday careers site: its tenant, data centre (`wd5`), site name, and the words searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub tenant: String,
    pub data_centre: String,
    pub site: String,
    pub search: String,
}

impl Board {
    fn param(&self) -> String {
        let base = format!("{}.{}/{}", self.tenant, self.data_centre, self.site);
        if self.search.is_empty() {
            base
        } else {
            let query: String =
                url::form_urlencoded::Serializer::new(String::new()).append_pair("q", &self.search).finish();
            format!("{base}?{query}")
        }
    }

    fn host(&self) -> String {
        format!("{}.{}.{HOST_SUFFIX}", self.tenant, self.data_centre)
    }

    fn origin(&self) -> String {
        format!("https://{}", self.host())
    }

    /// The site's JSON API root on `origin` (the tenant's own host, or a test server).
    fn api(&self, origin: &str) -> String {
        format!("{}/wday/cxs/{}/{}", origin.trim_end_matches('/'), self.tenant, self.site)
    }
}

fn is_data_centre(label: &str) -> bool {
    label.strip_prefix("wd").is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// A locale segment of a site URL ("en-US", "fr-FR", "de"): not the site's name.
fn is_locale(segment: &str) -> bool {
    let parts: Vec<&str> = segment.split('-').collect();
    matches!(parts.as_slice(), [language] if language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(parts.as_slice(), [language, region]
            if language.len() == 2 && region.len() == 2 && language.bytes().all(|b| b.is_ascii_alphabetic())
                && region.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Reads a careers URL (`https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site`, a job's
/// page on it, or the site's `/wday/cxs/` API address) or a stored `gdit.wd5/External_Career_Site`.
pub fn board_from_input(input: &str) -> Result<Board, SourceError> {
    let input = input.trim().trim_end_matches('/');
    let bad = |hint| SourceError::BadParam { kind: "Workday", input: input.to_string(), hint };
    if input.is_empty() {
        return Err(bad("paste the company's Workday careers URL (…myworkdayjobs.com/…)"));
    }
    let (address, search) = match input.split_once('?') {
        Some((address, query)) => {
            let search = url::form_urlencoded::parse(query.as_bytes())
                .find(|(key, _)| key == "q")
                .map(|(_, value)| value.trim().to_string())
                .unwrap_or_default();
            (address, search)
        }
        None => (input, String::new()),
    };
    let board = |tenant: &str, data_centre: &str, site: &str| {
        let valid = super::is_token(tenant) && is_data_centre(data_centre) && super::is_token(site);
        valid.then(|| Board {
            tenant: tenant.to_ascii_lowercase(),
            data_centre: data_centre.to_ascii_lowercase(),
            site: site.to_string(),
            search: search.clone(),
        })
    };
    // The stored form: tenant.wdN/site.
    if !address.contains("://")
        && let Some((host, site)) = address.split_once('/')
        && let Some((tenant, data_centre)) = host.split_once('.')
        && !site.contains('/')
        && is_data_centre(data_centre)
    {
        return board(tenant, data_centre, site).ok_or_else(|| bad("that is not a Workday site name"));
    }
    let url = super::as_url(address).ok_or_else(|| bad("it is not a URL"))?;
    let host = super::host(&url);
    let labels: Vec<&str> = host.split('.').collect();
    let [tenant, data_centre, ..] = labels.as_slice() else {
        return Err(bad("the URL is not on a Workday careers site (…myworkdayjobs.com)"));
    };
    if !host.ends_with(&format!(".{HOST_SUFFIX}")) || labels.len() != 4 {
        return Err(bad("the URL is not on a Workday careers site (…myworkdayjobs.com)"));
    }
    let segments = super::segments(&url);
    let site = match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["wday", "cxs", _, site, ..] => Some(site.to_string()),
        [locale, site, ..] if is_locale(locale) => Some(site.to_string()),
        [site, ..] if !is_locale(site) => Some(site.to_string()),
        _ => None,
    };
    site.and_then(|site| board(tenant, data_centre, &site))
        .ok_or_else(|| bad("the URL does not name the careers site (…myworkdayjobs.com/SiteName)"))
}

impl Source for Workday {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "Workday careers URL",
            terms: "The careers site's own public search, as its web page uses it; fetched a few times a day, one request a second, never while a refusal lasts.",
            politeness: POLITENESS,
            ..SourceInfo::ats(
                SourceKind::Workday,
                "Workday",
                "",
                "https://gdit.wd5.myworkdayjobs.com/External_Career_Site",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        board_from_input(input).map(|board| board.param())
    }

    fn describe(&self, param: &str) -> String {
        match board_from_input(param) {
            Ok(board) if board.search.is_empty() => format!("Workday site '{}' of {}", board.site, board.tenant),
            Ok(board) => format!("Workday site '{}' of {} (searching \"{}\")", board.site, board.tenant, board.search),
            Err(_) => format!("Workday site {param}"),
        }
    }

    fn default_name(&self, param: &str) -> String {
        board_from_input(param).map(|board| board.tenant).unwrap_or_else(|_| param.to_string())
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_list(body, None, Utc::now()).map(|page| page.postings)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let board = board_from_input(param)?;
            let what = self.describe(param);
            let origin = super::tenant_origin(&context, SourceKind::Workday, &board.host());
            let api = board.api(&origin);
            let fetched_at = Utc::now();
            let (searches, narrowed, dropped) = searches(&board, context.campaign_words);
            let mut outcome = FetchOutcome { narrowed, ..FetchOutcome::default() };
            let mut seen = std::collections::HashSet::new();
            for search in &searches {
                let page = |(offset, total): (usize, usize)| {
                    let (api, what, board) = (&api, &what, &board);
                    async move {
                        let body =
                            json!({"appliedFacets": {}, "limit": PAGE_SIZE, "offset": offset, "searchText": search});
                        let answer =
                            context.post(SourceKind::Workday, format!("{api}/jobs"), body.to_string(), what).await?;
                        let page = parse_list(&answer, Some(board), fetched_at).map_err(|error| error.about(what))?;
                        // Only the first page carries the total; later ones answer 0.
                        let total = if offset == 0 { page.total } else { total };
                        let read = offset + page.postings.len();
                        Ok(Paged { postings: page.postings, next: (read < total).then_some((read, total)) })
                    }
                };
                let stopped = |outcome: &FetchOutcome, (_, total): &(usize, usize)| {
                    format!("stopped after {} pages of {total} jobs", outcome.pages)
                };
                let found = read_pages(context.limits.max_pages, (0, 0), page, stopped).await?;
                outcome.pages += found.pages;
                outcome.truncated |= found.truncated;
                outcome.warnings.extend(found.warnings);
                // A job matching two of the campaign's words is one job.
                outcome
                    .postings
                    .extend(found.postings.into_iter().filter(|posting| seen.insert(posting.source_id.clone())));
            }
            if dropped > 0 {
                outcome.warnings.push(format!(
                    "searched the site for the campaign's first {MAX_CAMPAIGN_SEARCHES} keywords; {dropped} more were not searched"
                ));
            }
            let details = DetailCall {
                kind: SourceKind::Workday,
                reads: "descriptions",
                request: |posting: &ParsedPosting| (format!("{api}{}", external_path(posting)), what.clone()),
                apply: apply_detail,
            };
            read_details(&context, &mut outcome.postings, details, &mut outcome.warnings).await;
            Ok(outcome)
        })
    }
}

/// Most searches one fetch makes for a campaign's keywords: each is at least one request, one a
/// second.
const MAX_CAMPAIGN_SEARCHES: usize = 5;

/// What to search the site for: the board's own words when it was added searched; else, in a
/// campaign's run, each of the campaign's keywords (`narrowed`: the listing is not the whole
/// board); else everything. Also says how many keywords were left out.
fn searches(board: &Board, campaign_words: &[String]) -> (Vec<String>, bool, usize) {
    if !board.search.is_empty() {
        return (vec![board.search.clone()], false, 0);
    }
    let mut words: Vec<String> = Vec::new();
    for word in campaign_words.iter().map(|word| word.trim()).filter(|word| !word.is_empty()) {
        if !words.iter().any(|known| known.eq_ignore_ascii_case(word)) {
            words.push(word.to_string());
        }
    }
    if words.is_empty() {
        return (vec![String::new()], false, 0);
    }
    let dropped = words.len().saturating_sub(MAX_CAMPAIGN_SEARCHES);
    words.truncate(MAX_CAMPAIGN_SEARCHES);
    (words, true, dropped)
}

/// One page of a site's search: its postings and the total the site reports.
pub struct ListPage {
    pub total: usize,
    pub postings: Vec<ParsedPosting>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct List {
    total: Option<usize>,
    #[serde(default)]
    job_postings: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Listed {
    title: Option<String>,
    external_path: String,
    locations_text: Option<String>,
    posted_on: Option<String>,
    time_type: Option<String>,
}

/// Reads a search page. With the `board` the page came from, links are the site's job pages.
pub fn parse_list(body: &[u8], board: Option<&Board>, fetched_at: DateTime<Utc>) -> Result<ListPage, SourceError> {
    let list: List = serde_json::from_slice(body).map_err(|error| malformed("Workday", error))?;
    let postings = parse_items("Workday", list.job_postings, |item| parse_listed(item, board, fetched_at).map(Some));
    Ok(ListPage { total: list.total.unwrap_or(postings.len()), postings })
}

fn parse_listed(payload: Value, board: Option<&Board>, fetched_at: DateTime<Utc>) -> Result<ParsedPosting, String> {
    let listed: Listed = typed(&payload)?;
    if !listed.external_path.starts_with('/') {
        return Err(format!("an externalPath that is not a path: {}", listed.external_path));
    }
    let url = board.map(|board| format!("{}/{}{}", board.origin(), board.site, listed.external_path));
    // "2 Locations" counts places without naming them: the detail names them.
    let location = clean_opt(listed.locations_text.as_deref()).filter(|text| !is_location_count(text));
    Ok(ParsedPosting {
        source: SourceKind::Workday,
        source_id: listed.external_path,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(listed.title.as_deref()),
        company: None,
        locations: location.into_iter().collect(),
        work_mode: None,
        employment_type: listed.time_type.as_deref().and_then(text::employment_type),
        salary: None,
        posted_at: listed.posted_on.as_deref().and_then(|posted| posted_on(posted, fetched_at)),
        description_html: None,
        payload,
    })
}

fn is_location_count(text: &str) -> bool {
    text.split_once(' ').is_some_and(|(count, word)| {
        count.bytes().all(|b| b.is_ascii_digit()) && word.trim().eq_ignore_ascii_case("locations")
    })
}

/// "Posted Today", "Posted Yesterday", "Posted 3 Days Ago", as of `fetched_at`. "Posted 30+ Days
/// Ago" is only a lower bound, not a date: `None` (the detail's start date says when).
pub fn posted_on(text: &str, fetched_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("posted").unwrap_or(&lower).trim();
    let days = match rest {
        "today" => 0,
        "yesterday" => 1,
        _ => {
            let number = rest.strip_suffix("days ago").or_else(|| rest.strip_suffix("day ago"))?.trim();
            number.parse::<i64>().ok()?
        }
    };
    Some(fetched_at - Duration::days(days))
}

/// The path a listed posting's detail is read at (its id).
fn external_path(posting: &ParsedPosting) -> &str {
    &posting.source_id
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Detail {
    job_posting_info: Option<PostingInfo>,
    hiring_organization: Option<Organization>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostingInfo {
    job_description: Option<String>,
    location: Option<String>,
    #[serde(default)]
    additional_locations: Vec<String>,
    start_date: Option<String>,
    time_type: Option<String>,
    job_req_id: Option<String>,
    external_url: Option<String>,
    remote_type: Option<String>,
}

#[derive(Deserialize)]
struct Organization {
    name: Option<String>,
}

/// Fills a listed posting from its detail: description, every location, start date, time type and
/// the site's own link. The hiring organization is often a legal entity ("IL00 Mellanox
/// Technologies, Ltd."), not the brand people know: it is kept with the posting, not as its company.
pub fn apply_detail(posting: &mut ParsedPosting, body: &[u8]) {
    let Ok(detail) = serde_json::from_slice::<Detail>(body) else {
        tracing::warn!("unreadable Workday detail for {}", posting.source_id);
        return;
    };
    let Some(info) = detail.job_posting_info else { return };
    if let Some(html) = info.job_description.filter(|html| !html.trim().is_empty()) {
        posting.description_html = Some(html);
    }
    let locations: Vec<String> =
        info.location.iter().chain(&info.additional_locations).filter_map(|place| clean_opt(Some(place))).collect();
    if !locations.is_empty() {
        posting.locations = locations;
    }
    if let Some(start) = info.start_date.as_deref().and_then(dates::parse_date) {
        posting.posted_at = Some(start);
    }
    if let Some(kind) = info.time_type.as_deref().and_then(text::employment_type) {
        posting.employment_type = Some(kind);
    }
    if let Some(mode) = info.remote_type.as_deref().and_then(crate::WorkMode::from_text) {
        posting.work_mode = Some(mode);
    }
    if let Some(link) = info.external_url.filter(|link| link.starts_with("https://")) {
        posting.url = Some(link.clone());
        posting.apply_url = Some(link);
    }
    if let Value::Object(payload) = &mut posting.payload {
        if let Some(name) = detail.hiring_organization.and_then(|organization| clean_opt(organization.name.as_deref()))
        {
            payload.insert("hiringOrganization".into(), Value::String(name));
        }
        if let Some(requisition) = info.job_req_id {
            payload.insert("jobReqId".into(), Value::String(requisition));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn careers_urls_and_stored_parameters_name_one_site() {
        let gdit = |search: &str| Board {
            tenant: "gdit".into(),
            data_centre: "wd5".into(),
            site: "External_Career_Site".into(),
            search: search.into(),
        };
        for input in [
            "https://gdit.wd5.myworkdayjobs.com/External_Career_Site",
            "https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site/",
            "gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site/job/USA-DC-Washington/Data-Engineer_RQ216675",
            "https://gdit.wd5.myworkdayjobs.com/wday/cxs/gdit/External_Career_Site/jobs",
            "gdit.wd5/External_Career_Site",
            "GDIT.WD5.myworkdayjobs.com/External_Career_Site",
        ] {
            assert_eq!(board_from_input(input).map_err(|error| error.to_string()), Ok(gdit("")), "{input}");
        }
        let searched = board_from_input("gdit.wd5/External_Career_Site?q=data+engineer").unwrap();
        assert_eq!(searched, gdit("data engineer"));
        assert_eq!(searched.param(), "gdit.wd5/External_Career_Site?q=data+engineer");
        for bad in [
            "",
            "https://gdit.myworkdayjobs.com/x",
            "https://example.com/careers",
            "https://gdit.wd5.myworkdayjobs.com/en-US",
        ] {
            assert!(board_from_input(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn relative_posting_dates_count_back_from_the_fetch() {
        let now = DateTime::parse_from_rfc3339("2026-12-05T12:00:00Z").unwrap().with_timezone(&Utc);
        let day = |text: &str| posted_on(text, now).map(|time| time.date_naive().to_string());
        assert_eq!(day("Posted Today").as_deref(), Some("2026-12-05"));
        assert_eq!(day("Posted Yesterday").as_deref(), Some("2026-12-04"));
        assert_eq!(day("Posted 8 Days Ago").as_deref(), Some("2026-11-27"));
        assert_eq!(day("Posted 1 Day Ago").as_deref(), Some("2026-12-04"));
        assert_eq!(day("Posted 30+ Days Ago"), None, "a lower bound is not a date");
        assert_eq!(day("Posted sometime"), None);
    }

    #[test]
    fn a_tenant_is_asked_at_most_once_a_second_and_refusals_are_retried() {
        // Workday answers clients that hurry with 4xx; the shared client spaces requests per host.
        let pace = Workday.info().politeness;
        assert!(pace.min_interval >= std::time::Duration::from_secs(1), "{pace:?}");
        assert!(pace.max_retries >= 1 && !pace.stop_on_rate_limit, "{pace:?}");
    }

    #[test]
    fn a_location_count_is_not_a_place() {
        assert!(is_location_count("2 Locations"));
        assert!(!is_location_count("USA DC Washington"));
    }
}
