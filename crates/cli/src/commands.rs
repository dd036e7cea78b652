use jobhound_core::jobs::JobQuery;
use jobhound_core::parse_output::parse_body;
use jobhound_core::sources::SourceKind;
use jobhound_core::{CoreError, Jobhound, paths};

use crate::output::{json_line, line};
use crate::{Cli, Command, JobsCommand, SourceCommand};

/// Bad input (a file that cannot be read or parsed, an unknown id) exits 2; anything else 1.
pub struct Failure {
    pub message: String,
    pub exit_code: u8,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Self {
        Self { message: message.into(), exit_code: 2 }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self { message: message.into(), exit_code: 1 }
    }
}

impl From<CoreError> for Failure {
    fn from(error: CoreError) -> Self {
        let exit_code = match error.code() {
            "not_found" | "invalid_input" | "source_parse" => 2,
            _ => 1,
        };
        Self { message: error.to_string(), exit_code }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Parse { source, file } => parse(&source, &file),
        Command::Source(command) => source(&open(&cli.data_dir)?, command, cli.json),
        Command::Jobs(command) => jobs(&open(&cli.data_dir)?, command, cli.json),
        Command::Demo => {
            let report = open(&cli.data_dir)?.import_demo()?;
            if cli.json {
                json_line(&report)
            } else {
                line(&format!("imported {} demo jobs ({} new)", report.jobs_seen, report.new_jobs))
            }
        }
        Command::Status => {
            let status = open(&cli.data_dir)?.status()?;
            if cli.json {
                json_line(&status)
            } else {
                line(&format!(
                    "data dir: {}\ndatabase: {} (schema {})\njobs: {}\nwatched sources: {}",
                    status.data_dir, status.database_path, status.schema_version, status.job_count, status.source_count
                ))
            }
        }
    }
}

fn open(data_dir: &Option<std::path::PathBuf>) -> Result<Jobhound, Failure> {
    let dir = paths::resolve_data_dir(data_dir.as_deref())?;
    Ok(Jobhound::open(&dir)?)
}

fn kind(name: &str) -> Result<SourceKind, Failure> {
    name.parse().map_err(|_| {
        let known: Vec<&str> = SourceKind::ALL.iter().map(|kind| kind.as_str()).collect();
        Failure::input(format!("unknown source '{name}' (known: {})", known.join(", ")))
    })
}

fn parse(source: &str, file: &std::path::Path) -> Result<(), Failure> {
    let kind = kind(source)?;
    let body =
        std::fs::read(file).map_err(|error| Failure::input(format!("cannot read {}: {error}", file.display())))?;
    let jobs = parse_body(kind, &body).map_err(|error| Failure::input(format!("{}: {error}", file.display())))?;
    jobs.iter().try_for_each(json_line)
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::internal(format!("cannot start the async runtime: {error}")))
}

fn source(app: &Jobhound, command: SourceCommand, json: bool) -> Result<(), Failure> {
    match command {
        SourceCommand::Add { kind: name, input } => {
            let added = app.add_source(kind(&name)?, &input)?;
            if json {
                json_line(&added)
            } else {
                line(&format!("watching {} board '{}' as #{}", added.kind, added.param, added.id))
            }
        }
        SourceCommand::List => {
            let sources = app.list_sources()?;
            if json {
                return json_line(&sources);
            }
            for source in sources {
                let health = match (&source.last_error, &source.last_success_at) {
                    (Some(error), _) => format!("failing ({}x): {error}", source.consecutive_failures),
                    (None, Some(at)) => format!("ok, last fetched {at}"),
                    (None, None) => "never fetched".to_string(),
                };
                line(&format!(
                    "#{} {} {} ({} jobs) - {health}",
                    source.id, source.kind, source.name, source.job_count
                ))?;
            }
            Ok(())
        }
        SourceCommand::Fetch { id } => {
            let report = runtime()?.block_on(app.refresh_source(id))?;
            if json {
                json_line(&report)
            } else {
                line(&format!(
                    "{}: {} jobs listed, {} new, {} updated, {} unchanged",
                    report.source.name, report.seen, report.new_jobs, report.updated, report.unchanged
                ))
            }
        }
        SourceCommand::Remove { id } => {
            app.remove_source(id)?;
            if json { json_line(&serde_json::json!({"removed": id})) } else { line(&format!("stopped watching #{id}")) }
        }
    }
}

fn jobs(app: &Jobhound, command: JobsCommand, json: bool) -> Result<(), Failure> {
    match command {
        JobsCommand::List { query, source, limit } => {
            let page = app.list_jobs(&JobQuery { text: query, source, limit: Some(limit), offset: None })?;
            if json {
                return json_line(&page);
            }
            for job in page.jobs {
                let place = job.locations.join("; ");
                line(&format!("{:>6}  {} - {} [{}]", job.id, job.title, job.company, place))?;
            }
            Ok(())
        }
        JobsCommand::Show { id } => {
            let job = app.get_job(id)?;
            if json {
                json_line(&job)
            } else {
                line(&format!(
                    "{} - {}\n{}\napply: {}\n\n{}",
                    job.title,
                    job.company,
                    job.locations.join("; "),
                    job.apply_url.unwrap_or_default(),
                    jobhound_core::normalize::html_to_text(&job.description_html)
                ))
            }
        }
    }
}
