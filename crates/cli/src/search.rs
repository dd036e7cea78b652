//! `search QUERY [filters]`: the jobs list with the app's filters, for scripts.

use clap::Args;
use jobhound_core::Jobhound;
use jobhound_core::applying::ApplicationStatus;
use jobhound_core::normalize::Seniority;
use jobhound_core::search::JobQuery;
use jobhound_core::search::{JobFilters, JobSort};
use jobhound_core::sources::{EmploymentType, WorkMode};
use serde_json::json;

use crate::commands::Failure;
use crate::output::{json_line, line};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find in title, company, location, skills or description (empty for every job).
    #[arg(default_value = "")]
    query: String,
    /// remote, hybrid or onsite (repeatable).
    #[arg(long = "remote", value_name = "MODE")]
    work_modes: Vec<String>,
    #[arg(long)]
    location: Option<String>,
    /// Yearly pay the job's range must reach.
    #[arg(long)]
    salary_min: Option<f64>,
    /// Yearly pay the job's range must start at or below.
    #[arg(long)]
    salary_max: Option<f64>,
    /// intern, junior, mid, senior, staff, principal, lead, manager, director (repeatable).
    #[arg(long)]
    seniority: Vec<String>,
    /// full_time, part_time, contract, temporary, internship (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    employment_types: Vec<String>,
    #[arg(long, value_name = "DAYS")]
    posted_within: Option<u32>,
    /// Application status (repeatable).
    #[arg(long)]
    status: Vec<String>,
    /// Only this source kind.
    #[arg(long)]
    source: Option<String>,
    /// Only this campaign's matches.
    #[arg(long, value_name = "NAME")]
    campaign: Option<String>,
    /// newest, score or salary.
    #[arg(long)]
    sort: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

fn each<T>(texts: &[String], what: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, Failure> {
    texts.iter().map(|text| parse(text).ok_or_else(|| Failure::input(format!("unknown {what} {text:?}")))).collect()
}

fn query(app: &Jobhound, args: SearchArgs) -> Result<JobQuery, Failure> {
    let sort = match args.sort.as_deref() {
        None => None,
        Some("newest") => Some(JobSort::Newest),
        Some("score") => Some(JobSort::Score),
        Some("salary") => Some(JobSort::Salary),
        Some(other) => return Err(Failure::input(format!("unknown sort {other:?}; use newest, score or salary"))),
    };
    let filters = JobFilters {
        work_modes: each(&args.work_modes, "work mode", WorkMode::parse)?,
        location: args.location,
        salary_min: args.salary_min,
        salary_max: args.salary_max,
        seniority: each(&args.seniority, "seniority", Seniority::parse)?,
        employment_types: each(&args.employment_types, "employment type", EmploymentType::parse)?,
        posted_within_days: args.posted_within,
        statuses: args.status.iter().map(|s| ApplicationStatus::parse(s)).collect::<Result<_, _>>()?,
        new_since: None,
        hidden: None,
    };
    let campaign_id = args.campaign.map(|name| app.find_campaign(&name)).transpose()?.map(|campaign| campaign.id);
    Ok(JobQuery {
        text: Some(args.query).filter(|text| !text.trim().is_empty()),
        source: args.source,
        campaign_id,
        limit: Some(args.limit),
        offset: None,
        filters: Some(filters),
        sort,
    })
}

pub fn run(app: &Jobhound, args: SearchArgs, as_json: bool) -> Result<(), Failure> {
    let page = app.list_jobs(&query(app, args)?)?;
    if as_json {
        let rows: Vec<_> = page
            .jobs
            .iter()
            .map(|job| json!({"id": job.id, "title": job.title, "company": job.company, "score": job.score}))
            .collect();
        return json_line(&rows);
    }
    for job in &page.jobs {
        let score = job.score.map(|score| format!("{score:>3}  ")).unwrap_or_default();
        line(&format!("{score}{:>6}  {} - {} [{}]", job.id, job.title, job.company, job.locations.join("; ")))?;
    }
    let more = if page.total_capped { "+" } else { "" };
    line(&format!("{} of {}{more} jobs", page.jobs.len(), page.total))
}
