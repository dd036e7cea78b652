//! Dispatching a parsed command line to core, and how failures become exit codes (2 for bad input).

use jobhound_core::parse_output::parse_body;
use jobhound_core::search::JobQuery;
use jobhound_core::sources::SourceKind;
use jobhound_core::{CoreError, Jobhound, store};

use crate::output::{json_line, line};
use crate::{BenchCommand, Cli, Command, EvalCommand, InboxCommand, JobsCommand, KeyCommand, SourceCommand};

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

impl From<jobhound_bench::BenchError> for Failure {
    fn from(error: jobhound_bench::BenchError) -> Self {
        match error {
            jobhound_bench::BenchError::Core(error) => error.into(),
            other => Failure::internal(other.to_string()),
        }
    }
}

impl From<CoreError> for Failure {
    fn from(error: CoreError) -> Self {
        use jobhound_core::ErrorCode;
        let exit_code = match error.code() {
            ErrorCode::NotFound
            | ErrorCode::InvalidInput
            | ErrorCode::SourceParse
            | ErrorCode::FileTooLarge
            | ErrorCode::UnsupportedFile
            | ErrorCode::CorruptFile
            | ErrorCode::NoText
            | ErrorCode::NotABackup => 2,
            _ => 1,
        };
        Self { message: error.to_string(), exit_code }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Parse { source, file } => parse(&source, &file),
        Command::Salary { text } => json_line(&jobhound_core::sources::salary_text::parse_salary_text(&text)),
        Command::Source(command) => source(&open(&cli.data_dir)?, command, cli.json),
        Command::Sources => crate::sources_view::print(&open(&cli.data_dir)?, cli.json),
        Command::Browser(command) => crate::browser_hosts::run(&open(&cli.data_dir)?, command, cli.json),
        Command::Eval(EvalCommand::Dedup { pairs }) => crate::eval::dedup(pairs.as_deref(), cli.json),
        Command::Eval(EvalCommand::Fabrication { pairs }) => crate::eval::fabrication(pairs.as_deref(), cli.json),
        Command::Eval(EvalCommand::Inbox { dir }) => crate::eval::inbox(dir.as_deref(), cli.json),
        Command::Inbox(InboxCommand::Classify { file }) => crate::inbox::classify(&file, cli.json),
        Command::Inbox(command) => crate::inbox::run(&open(&cli.data_dir)?, command, cli.json),
        Command::Mcp => crate::mcp::run(open(&cli.data_dir)?),
        Command::NativeHost { caller } => crate::native_host::serve_with(&open(&cli.data_dir)?, &caller),
        Command::Bench(command) => bench(command, cli.json),
        Command::Key(command) => key(&open(&cli.data_dir)?, command, cli.json),
        Command::Jobs(command) => jobs(&open(&cli.data_dir)?, command, cli.json),
        Command::Campaign(command) => crate::campaign::run(&open(&cli.data_dir)?, command, cli.json),
        Command::Config(command) => crate::applying::config(&open(&cli.data_dir)?, command, cli.json),
        Command::Resume(command) => crate::applying::resume(open(&cli.data_dir)?, command, cli.json),
        Command::Application(command) => crate::applying::application(&open(&cli.data_dir)?, command, cli.json),
        Command::Letter(command) => crate::applying::letter(open(&cli.data_dir)?, command, cli.json),
        Command::Demo => {
            let report = open(&cli.data_dir)?.import_demo()?;
            if cli.json {
                json_line(&report)
            } else {
                line(&format!("imported {} demo jobs ({} new)", report.jobs_seen, report.new_jobs))
            }
        }
        Command::Search(args) => crate::search::run(&open(&cli.data_dir)?, args, cli.json),
        Command::Export { format, out } => crate::your_data::export(&open(&cli.data_dir)?, &format, &out, cli.json),
        Command::Backup { out } => crate::your_data::backup(&open(&cli.data_dir)?, &out, cli.json),
        Command::Restore { file } => crate::your_data::restore(&open(&cli.data_dir)?, &file, cli.json),
        Command::Import { from, file } => crate::your_data::import(&open(&cli.data_dir)?, &from, &file, cli.json),
        Command::Forget { yes } => crate::your_data::forget(&open(&cli.data_dir)?, yes, cli.json),
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

pub fn open(data_dir: &Option<std::path::PathBuf>) -> Result<Jobhound, Failure> {
    let dir = store::resolve_data_dir(data_dir.as_deref())?;
    Ok(Jobhound::open(&dir)?)
}

pub fn kind(name: &str) -> Result<SourceKind, Failure> {
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

pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::internal(format!("cannot start the async runtime: {error}")))
}

fn source(app: &Jobhound, command: SourceCommand, json: bool) -> Result<(), Failure> {
    match command {
        SourceCommand::Add { kind_or_url, input } => {
            let added = match kind_or_url.parse::<SourceKind>() {
                Ok(kind) => app.add_source(kind, input.as_deref().unwrap_or_default())?,
                Err(_) if kind_or_url.contains('.') && input.is_none() => app.add_source_from_url(&kind_or_url)?,
                Err(_) => return Err(kind(&kind_or_url).err().unwrap_or_else(|| Failure::input("unknown source"))),
            };
            if json { json_line(&added) } else { line(&format!("watching {} as #{}", added.description, added.id)) }
        }
        SourceCommand::OptIn { kind: name } | SourceCommand::OptOut { kind: name }
            if kind(&name)? != SourceKind::Linkedin =>
        {
            Err(Failure::input(format!("{name} is not an opt-in source; only linkedin is")))
        }
        SourceCommand::OptIn { .. } => {
            app.set_linkedin_enabled(true)?;
            line(&format!("LinkedIn turned on. {}", SourceKind::Linkedin.info().opt_in_warning.unwrap_or_default()))
        }
        SourceCommand::OptOut { .. } => {
            app.set_linkedin_enabled(false)?;
            line("LinkedIn turned off")
        }
        SourceCommand::Detect { url } => {
            let found = runtime()?.block_on(app.discover_sources(&url))?;
            if json {
                return json_line(&found);
            }
            if found.is_empty() {
                return line("no job board found on that page or the careers pages it links to");
            }
            for candidate in found {
                line(&format!(
                    "{} {} (found by {})",
                    candidate.kind,
                    candidate.param,
                    serde_json::to_value(candidate.how)
                        .ok()
                        .and_then(|how| how.as_str().map(str::to_string))
                        .unwrap_or_default()
                ))?;
            }
            Ok(())
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
                let dark =
                    source.days_without_jobs.map(|days| format!(" - no jobs for {days} days")).unwrap_or_default();
                line(&format!(
                    "#{} {} {} ({} jobs) - {health}{dark}",
                    source.id, source.kind, source.name, source.job_count
                ))?;
            }
            Ok(())
        }
        SourceCommand::Fetch { id } => {
            let fetched = runtime()?.block_on(app.refresh_source(id));
            if json {
                let mut printed = serde_json::json!({"jobs_seen": 0, "new_jobs": 0, "healed": false, "error": null});
                match &fetched {
                    Ok(report) => {
                        printed = serde_json::to_value(report).map_err(|error| Failure::internal(error.to_string()))?;
                        printed["jobs_seen"] = report.seen.into();
                        printed["error"] = serde_json::Value::Null;
                    }
                    Err(error) => printed["error"] = error.to_string().into(),
                }
                json_line(&printed)?;
                return fetched.map(|_| ()).map_err(Failure::from);
            }
            let report = fetched?;
            {
                line(&format!(
                    "{}: {} jobs listed, {} new, {} updated, {} unchanged, {} closed",
                    report.source.name, report.seen, report.new_jobs, report.updated, report.unchanged, report.closed
                ))?;
                report.warnings.iter().try_for_each(|warning| line(&format!("  note: {warning}")))
            }
        }
        SourceCommand::Show { id } => {
            let (source, recipe) = app.source_with_recipe(id)?;
            if json {
                let mut printed =
                    serde_json::to_value(&source).map_err(|error| Failure::internal(error.to_string()))?;
                printed["recipe"] =
                    serde_json::to_value(&recipe).map_err(|error| Failure::internal(error.to_string()))?;
                return json_line(&printed);
            }
            line(&format!("#{} {} ({})", source.id, source.description, source.name))?;
            match recipe {
                Some(stored) => line(&format!(
                    "recipe v{}{}: item '{}', title '{}', link '{}'",
                    stored.version,
                    if stored.healed { " (renewed after the page changed)" } else { "" },
                    stored.recipe.item,
                    stored.recipe.title,
                    stored.recipe.link
                )),
                None => Ok(()),
            }
        }
        SourceCommand::Remove { id } => {
            app.remove_source(id)?;
            if json { json_line(&serde_json::json!({"removed": id})) } else { line(&format!("stopped watching #{id}")) }
        }
    }
}

fn bench(command: BenchCommand, json: bool) -> Result<(), Failure> {
    let dir =
        tempfile::tempdir().map_err(|error| Failure::internal(format!("cannot make a scratch folder: {error}")))?;
    match command {
        BenchCommand::Ingest { jobs } => {
            let result = jobhound_bench::ingest_bench(dir.path(), jobs.max(1))?;
            if json {
                return json_line(&result);
            }
            line(&format!(
                "first pass {:.2} s (a board ahead: parse {:.2} s, normalize {:.2} s; then dedup+store+index {:.2} s, rank {:.2} s), re-ingest {:.2} s, {} matches scored and stored for 5 campaigns",
                result.first_seconds,
                result.first_stages.parse,
                result.first_stages.normalize,
                result.first_stages.store,
                result.first_stages.rank,
                result.reingest_seconds,
                result.ranked
            ))?;
            line(&format!(
                "store floor {:.2} s: SQLite alone stores the first pass's rows at {:.0} postings/s, the most any pipeline can reach here",
                result.store_floor_seconds, result.store_floor_postings_per_second
            ))?;
            line(&format!(
                "ingest {:.0} postings/s baseline {:.0} rows/s ratio {:.3} peak_mb {:.0} reingest_speedup {:.1}",
                result.postings_per_second,
                result.baseline_rows_per_second,
                result.ratio,
                result.peak_mb,
                result.reingest_speedup
            ))
        }
        BenchCommand::Search { jobs, queries } => {
            let result = jobhound_bench::search_bench(dir.path(), jobs.max(1), queries.max(1))?;
            if json {
                return json_line(&result);
            }
            for (sort, p95) in &result.filtered_p95_ms {
                line(&format!("filtered list sorted by {sort}: p95 {p95:.2} ms"))?;
            }
            line(&format!(
                "search p50 {:.2} ms p95 {:.2} ms max {:.2} ms queries {} jobs {}",
                result.p50_ms, result.p95_ms, result.max_ms, result.queries, result.jobs
            ))
        }
    }
}

fn key(app: &Jobhound, command: KeyCommand, json: bool) -> Result<(), Failure> {
    match command {
        KeyCommand::List => {
            let keys: Vec<_> = app.sources_overview()?.into_iter().flat_map(|source| source.keys).collect();
            if json {
                return json_line(&keys);
            }
            keys.iter().try_for_each(|key| {
                line(&format!("{:<18} {:<36} {}", key.name, key.label, if key.is_set { "set" } else { "not set" }))
            })
        }
        KeyCommand::Set { name, value } => {
            let value = match value {
                Some(value) => value,
                None => {
                    let mut value = String::new();
                    std::io::stdin()
                        .read_line(&mut value)
                        .map_err(|error| Failure::input(format!("cannot read the key from standard input: {error}")))?;
                    value
                }
            };
            if value.trim().is_empty() {
                return Err(Failure::input("the key is empty; use `key clear` to remove a key"));
            }
            app.set_source_key(&name, &value)?;
            line(&format!("{name} stored in the system keychain"))
        }
        KeyCommand::Clear { name } => {
            app.set_source_key(&name, "")?;
            line(&format!("{name} removed"))
        }
    }
}

fn jobs(app: &Jobhound, command: JobsCommand, json: bool) -> Result<(), Failure> {
    match command {
        JobsCommand::List { query, source, campaign, limit } => {
            let campaign_id = campaign.map(|name| app.find_campaign(&name)).transpose()?.map(|campaign| campaign.id);
            let page = app.list_jobs(&JobQuery {
                text: query,
                source,
                campaign_id,
                limit: Some(limit),
                ..JobQuery::default()
            })?;
            if json {
                return json_line(&page);
            }
            for job in page.jobs {
                let place = job.locations.join("; ");
                let score = job.score.map(|score| format!("{score:>3}  ")).unwrap_or_default();
                line(&format!("{score}{:>6}  {} - {} [{}]", job.id, job.title, job.company, place))?;
            }
            Ok(())
        }
        JobsCommand::Delete { id } => crate::your_data::delete_job(app, id, json),
        JobsCommand::Remerge => {
            let mut shown = 0;
            let outcome = app.remerge_jobs(&mut |done, total| {
                // Progress goes to stderr, so --json output stays one object.
                if done == total || done >= shown + total / 10 {
                    shown = done;
                    eprintln!("remerge: {done} of {total} jobs compared");
                }
            })?;
            if json {
                return json_line(&outcome);
            }
            let report = &outcome.report;
            line(&format!(
                "{} jobs compared: {} merged into an older copy, {} left apart (each has an application)\nbackup taken first: {} (restore it to undo)",
                report.jobs, report.merged, report.kept_apart, outcome.backup
            ))
        }
        JobsCommand::Recheck { id } => {
            let report = runtime()?.block_on(app.recheck_job(id))?;
            if json {
                return json_line(&report);
            }
            let verdict = if report.still_open { "still listed" } else { "gone: marked closed" };
            line(&format!("job {id}: {verdict} ({})", report.checked.join(", ")))
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
