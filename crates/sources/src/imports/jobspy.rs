//! JobSpy's CSV (`jobs.to_csv(...)` after `scrape_jobs`): one row per job from Indeed, LinkedIn,
//! Glassdoor, ZipRecruiter, Google and others, with JobSpy's own column names.

use crate::imports::{Row, no_fetch, not_fetchable, read_rows};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::{clean, employment_type, plain_to_html};
use crate::{
    ParsedPosting, Salary, SalaryPeriod, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode, dates,
};

pub struct JobSpy;

/// The columns JobSpy always writes that an import cannot do without.
const REQUIRED: [&str; 4] = ["site", "job_url", "title", "company"];

impl Source for JobSpy {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            category: SourceCategory::Import,
            param_label: "A CSV written by JobSpy",
            param_example: "jobs.csv",
            ..SourceInfo::board(SourceKind::Jobspy, "JobSpy import", "", "Imported from your own file.")
        }
    }

    fn param_from_input(&self, _input: &str) -> Result<String, SourceError> {
        Err(not_fetchable(SourceKind::Jobspy))
    }

    fn describe(&self, _param: &str) -> String {
        "JobSpy CSV".into()
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        Ok(read_rows(body, "JobSpy", &REQUIRED)?.into_iter().map(posting).collect())
    }

    fn fetch<'a>(&'a self, _: FetchContext<'a>, _: &'a str) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        no_fetch(SourceKind::Jobspy)
    }
}

/// JobSpy's `interval`: yearly, monthly, weekly, daily, hourly.
fn period(interval: Option<&str>) -> SalaryPeriod {
    match interval.map(str::to_ascii_lowercase).as_deref() {
        Some("hourly") => SalaryPeriod::Hour,
        Some("daily") => SalaryPeriod::Day,
        Some("weekly") => SalaryPeriod::Week,
        Some("monthly") => SalaryPeriod::Month,
        _ => SalaryPeriod::Year,
    }
}

fn posting(row: Row) -> ParsedPosting {
    let site = row.get("site").unwrap_or("unknown").to_ascii_lowercase();
    let url = row.get("job_url").map(str::to_string);
    // JobSpy's ids carry the site ("in-…", "li-…"); older files have none, and the URL is unique.
    let own_id = row.get("id").or(url.as_deref()).unwrap_or_default();
    let salary = Salary::new(
        row.number("min_amount"),
        row.number("max_amount"),
        row.get("currency").map(str::to_ascii_uppercase),
        period(row.get("interval")),
    );
    let remote = row.get("is_remote").map(str::to_ascii_lowercase);
    let work_mode = match remote.as_deref() {
        Some("true" | "1" | "yes") => Some(WorkMode::Remote),
        _ => row.get("work_from_home_type").and_then(WorkMode::from_text),
    };
    ParsedPosting {
        source: SourceKind::Jobspy,
        source_id: format!("{site}:{own_id}"),
        apply_url: row.get("job_url_direct").map(str::to_string).or_else(|| url.clone()),
        url,
        title: row.get("title").and_then(clean),
        company: row.get("company").and_then(clean),
        locations: row.get("location").and_then(clean).into_iter().collect(),
        work_mode,
        // A list when a job is several ("fulltime, contract"): the first is the main one.
        employment_type: row.get("job_type").and_then(|types| types.split(',').next()).and_then(employment_type),
        salary,
        posted_at: row.get("date_posted").and_then(dates::parse_date),
        // JobSpy writes descriptions as Markdown (its default) or HTML; both read as paragraphs.
        description_html: row
            .get("description")
            .map(|text| if text.trim_start().starts_with('<') { text.to_string() } else { plain_to_html(text) }),
        payload: row.into_payload(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

    #[test]
    fn a_row_becomes_a_posting_with_pay_place_and_type() {
        let csv = format!(
            "{HEADER}\nin-8a1b,indeed,https://www.indeed.com/viewjob?jk=8a1b,https://careers.acme.com/jobs/42,Senior Rust Engineer,Acme,\"Austin, TX, US\",2026-11-02,\"fulltime, contract\",direct_data,hourly,60,80,usd,True,,,,,\"**About us**\n\nWe build tools.\",,,,,,,,,,,,,,\n"
        );
        let postings = JobSpy.parse(csv.as_bytes()).unwrap();
        let posting = &postings[0];
        assert_eq!(posting.source_id, "indeed:in-8a1b");
        assert_eq!(posting.apply_url.as_deref(), Some("https://careers.acme.com/jobs/42"));
        assert_eq!(posting.locations, vec!["Austin, TX, US"]);
        assert_eq!(posting.work_mode, Some(WorkMode::Remote));
        assert_eq!(posting.employment_type, Some(crate::EmploymentType::FullTime));
        let salary = posting.salary.as_ref().unwrap();
        assert_eq!((salary.min, salary.max, salary.period), (Some(60.0), Some(80.0), SalaryPeriod::Hour));
        assert_eq!(salary.yearly_min, Some(124_800.0));
        assert_eq!(salary.currency.as_deref(), Some("USD"));
        assert!(posting.description_html.as_deref().unwrap().starts_with("<p>**About us**</p>"));
        assert_eq!(posting.posted_at.unwrap().to_rfc3339(), "2026-11-02T00:00:00+00:00");
    }

    #[test]
    fn nan_cells_are_empty_and_a_foreign_csv_is_refused_by_name() {
        let csv = format!(
            "{HEADER}\nli-9,linkedin,https://www.linkedin.com/jobs/view/9,nan,Analyst,Beta,nan,nan,nan,,nan,nan,nan,nan,False,,,,,nan,,,,,,,,,,,,,,\n"
        );
        let posting = &JobSpy.parse(csv.as_bytes()).unwrap()[0];
        assert_eq!((posting.salary.is_none(), posting.locations.is_empty()), (true, true));
        assert_eq!(posting.apply_url.as_deref(), Some("https://www.linkedin.com/jobs/view/9"));
        let error = JobSpy.parse(b"status,title,company,link\nNEW,a,b,c\n").unwrap_err().to_string();
        assert!(error.contains("no site, job_url column"), "{error}");
    }
}
