//! JobFunnel's master CSV: `status, title, company, location, date, blurb, tags, link, id,
//! provider, query, locale` (and `wage, remoteness` since v3). Its statuses become applications.

use crate::imports::{Row, no_fetch, not_fetchable, read_rows};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::{clean, plain_to_html};
use crate::{ParsedPosting, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode, dates, salary_text};

pub struct JobFunnel;

const REQUIRED: [&str; 5] = ["status", "title", "company", "link", "id"];

impl Source for JobFunnel {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            category: SourceCategory::Import,
            param_label: "JobFunnel's master CSV",
            param_example: "master.csv",
            ..SourceInfo::board(SourceKind::Jobfunnel, "JobFunnel import", "", "Imported from your own file.")
        }
    }

    fn param_from_input(&self, _input: &str) -> Result<String, SourceError> {
        Err(not_fetchable(SourceKind::Jobfunnel))
    }

    fn describe(&self, _param: &str) -> String {
        "JobFunnel master CSV".into()
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        Ok(read_rows(body, "JobFunnel", &REQUIRED)?
            .into_iter()
            // DELETE asks JobFunnel to drop the job and never show it again.
            .filter(|row| !row.get("status").is_some_and(|status| status.eq_ignore_ascii_case("delete")))
            .map(posting)
            .collect())
    }

    fn fetch<'a>(&'a self, _: FetchContext<'a>, _: &'a str) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        no_fetch(SourceKind::Jobfunnel)
    }
}

/// JobFunnel's `Remoteness` names (FULLY_REMOTE, PARTIALLY_REMOTE, TEMPORARILY_REMOTE, IN_PERSON).
fn work_mode(remoteness: Option<&str>, location: Option<&str>) -> Option<WorkMode> {
    let remoteness = remoteness.map(str::to_ascii_uppercase);
    match remoteness.as_deref() {
        Some("FULLY_REMOTE" | "TEMPORARILY_REMOTE" | "REMOTE") => Some(WorkMode::Remote),
        Some("PARTIALLY_REMOTE" | "HYBRID") => Some(WorkMode::Hybrid),
        Some("IN_PERSON" | "ONSITE") => Some(WorkMode::Onsite),
        _ => location.and_then(WorkMode::from_text),
    }
}

fn posting(row: Row) -> ParsedPosting {
    let provider = row.get("provider").unwrap_or("unknown").to_ascii_lowercase();
    let id = row.get("id").unwrap_or_default();
    let blurb = row.get("blurb").map(str::to_string);
    let tags = row.get("tags").map(str::to_string);
    let description = match (blurb, tags) {
        (Some(blurb), Some(tags)) => Some(format!("{blurb}\n\nTags: {tags}")),
        (blurb, tags) => blurb.or(tags.map(|tags| format!("Tags: {tags}"))),
    };
    ParsedPosting {
        source: SourceKind::Jobfunnel,
        source_id: format!("{provider}:{id}"),
        url: row.get("link").map(str::to_string),
        apply_url: row.get("link").map(str::to_string),
        title: row.get("title").and_then(clean),
        company: row.get("company").and_then(clean),
        locations: row.get("location").and_then(clean).into_iter().collect(),
        work_mode: work_mode(row.get("remoteness"), row.get("location")),
        employment_type: None,
        salary: row.get("wage").and_then(salary_text::parse_salary_text),
        posted_at: row.get("date").and_then(dates::parse_date),
        description_html: description.map(|text| plain_to_html(&text)),
        payload: row.into_payload(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "status,title,company,location,date,blurb,tags,link,id,provider,query,locale,wage,remoteness";

    #[test]
    fn rows_become_postings_and_deleted_ones_are_dropped() {
        let csv = format!(
            "{HEADER}\n\
             APPLIED,Data Engineer,Shopify,\"Toronto, ON\",2026-10-30,Build pipelines.,\"python, sql\",https://ca.indeed.com/viewjob?jk=77,77,INDEED,data engineer,CANADA_ENGLISH,\"$95,000 - $120,000 a year\",PARTIALLY_REMOTE\n\
             DELETE,Spam,Nobody,,2026-10-01,,,https://x.example/1,1,INDEED,x,CANADA_ENGLISH,,\n"
        );
        let postings = JobFunnel.parse(csv.as_bytes()).unwrap();
        assert_eq!(postings.len(), 1);
        let posting = &postings[0];
        assert_eq!(posting.source_id, "indeed:77");
        assert_eq!(posting.work_mode, Some(WorkMode::Hybrid));
        let salary = posting.salary.as_ref().unwrap();
        assert_eq!((salary.min, salary.max), (Some(95_000.0), Some(120_000.0)));
        assert_eq!(posting.description_html.as_deref(), Some("<p>Build pipelines.</p><p>Tags: python, sql</p>"));
        assert_eq!(posting.payload["status"], "APPLIED");
    }

    #[test]
    fn the_older_header_without_wage_still_reads() {
        let csv = "status,title,company,location,date,blurb,tags,link,id,provider,query,locale\n\
                   NEW,QA Analyst,Acme,Remote,2026-11-01,,,https://www.glassdoor.ca/job/5,5,GLASSDOOR,qa,CANADA_ENGLISH\n";
        let posting = &JobFunnel.parse(csv.as_bytes()).unwrap()[0];
        assert_eq!((posting.work_mode, posting.salary.is_none()), (Some(WorkMode::Remote), true));
    }
}
