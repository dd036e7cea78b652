//! `config`, `resume`, `application` and `letter`: applying from the terminal.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Subcommand;
use jobhound_core::Jobhound;
use jobhound_core::applying::{self, LlmSettings};
use jobhound_core::applying::{ApplicationQuery, ApplicationStatus};
use jobhound_core::applying::{LetterRequest, ResumeLayoutChoice, TailorRequest, TailoredResume};
use jobhound_core::resume::{TermStatus, Violation};
use jobhound_core::store::AppSettings;
use jobhound_core::your_data::Destinations;
use jobhound_documents::DocumentFormat;
use jobhound_llm::CancellationToken;
use serde_json::json;

use crate::commands::{Failure, runtime};
use crate::output::{json_line, line};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print a setting (or every setting without KEY). The API key prints only whether it is set.
    Get { key: Option<String> },
    /// Change a setting. For `llm.api_key` without VALUE the key is read from standard input.
    Set { key: String, value: Option<String> },
    /// Where Jobhound sends data besides the job boards (the writing assistant, webhooks), and
    /// whether a restored backup left them waiting for confirmation.
    Destinations,
    /// Allow sending to the destinations a restored backup named (check them first).
    ConfirmDestinations,
}

#[derive(Debug, Subcommand)]
pub enum ResumeCommand {
    /// Import a PDF or DOCX resume; its text feeds ranking and cover letters.
    Import {
        file: PathBuf,
        #[arg(long)]
        name: Option<String>,
    },
    List,
    /// Print the resume's extracted text (with --json, also its sections).
    Show {
        id: i64,
    },
    /// Delete the resume and its stored file.
    Delete {
        id: i64,
    },
    /// What a job asks for and where the resume shows it: each term present, present under
    /// another name (alias) or missing, required or nice to have, and the coverage.
    Gap {
        #[arg(long)]
        resume: i64,
        #[arg(long)]
        job: i64,
    },
    /// Tailor the resume to a job with the configured model; the result is checked for facts
    /// the resume does not hold (its violations).
    Tailor {
        #[arg(long)]
        resume: i64,
        #[arg(long)]
        job: i64,
        /// Facts of your own for this job, which the check accepts.
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Confirm a claim the check questioned as true ("I really did this").
    Confirm {
        /// The tailored resume's id.
        id: i64,
        #[arg(long)]
        claim: String,
    },
    /// Export a tailored resume; refused (exit 2) while a questioned claim is not confirmed.
    ExportTailored {
        id: i64,
        #[arg(long)]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// classic or compact.
        #[arg(long, default_value = "classic")]
        layout: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApplicationCommand {
    /// Applications, most recently changed first (archived ones only with --status archived).
    List {
        #[arg(long)]
        status: Vec<String>,
    },
    /// Move a job's application to STATUS (creating it). Applying again to a company within 60
    /// days for a similar title is refused unless --force.
    SetStatus {
        job: i64,
        status: String,
        #[arg(long)]
        force: bool,
    },
    /// One application with its timeline, contacts and files.
    Show { job: i64 },
}

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// Write a cover letter for a job with the configured language model.
    Generate {
        #[arg(long)]
        job: i64,
        #[arg(long)]
        resume: Option<i64>,
        #[arg(long, default_value = "")]
        notes: String,
        #[arg(long, default_value = "professional")]
        tone: String,
    },
    /// Every version of a job's letters, newest first.
    List {
        #[arg(long)]
        job: i64,
    },
    /// Save a letter as PDF or DOCX and attach it to the job's application.
    Export {
        id: i64,
        #[arg(long, value_parser = ["pdf", "docx"])]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
}

const CONFIG_KEYS: [&str; 9] = [
    applying::BASE_URL,
    applying::MODEL,
    applying::TEMPERATURE,
    applying::TIMEOUT_SECONDS,
    applying::API_KEY,
    "app.close_to_tray",
    "app.notifications",
    "app.start_at_login",
    "app.check_for_updates",
];

fn config_values(app: &Jobhound) -> Result<Vec<(&'static str, String)>, Failure> {
    let llm = app.llm_settings()?;
    let general = app.app_settings()?;
    let key = match (&llm.keychain_error, llm.api_key_set) {
        (Some(error), _) => format!("unknown ({error})"),
        (None, true) => format!("set ({})", llm.api_key_source),
        (None, false) => "not set".into(),
    };
    Ok(vec![
        (applying::BASE_URL, llm.settings.base_url),
        (applying::MODEL, llm.settings.model),
        (applying::TEMPERATURE, llm.settings.temperature.to_string()),
        (applying::TIMEOUT_SECONDS, llm.settings.timeout_seconds.to_string()),
        (applying::ALLOW_HTTP_ON_PRIVATE_NETWORK, llm.settings.allow_http_on_private_network.to_string()),
        (applying::API_KEY, key),
        ("app.close_to_tray", general.close_to_tray.to_string()),
        ("app.notifications", general.notifications.to_string()),
        ("app.start_at_login", general.start_at_login.to_string()),
        ("app.check_for_updates", general.check_for_updates.to_string()),
    ])
}

fn unknown_key(key: &str) -> Failure {
    Failure::input(format!("unknown setting \"{key}\"; known: {}", CONFIG_KEYS.join(", ")))
}

fn parse_bool(key: &str, value: &str) -> Result<bool, Failure> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" => Ok(false),
        _ => Err(Failure::input(format!("{key} is true or false, not \"{value}\""))),
    }
}

pub fn config(app: &Jobhound, command: ConfigCommand, json: bool) -> Result<(), Failure> {
    match command {
        ConfigCommand::Get { key } => {
            let values = config_values(app)?;
            let chosen: Vec<_> = match key {
                Some(key) => vec![values.into_iter().find(|(name, _)| *name == key).ok_or_else(|| unknown_key(&key))?],
                None => values,
            };
            if json {
                let map: serde_json::Map<String, serde_json::Value> =
                    chosen.into_iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect();
                json_line(&map)
            } else if chosen.len() == 1 {
                line(&chosen[0].1)
            } else {
                line(&chosen.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join("\n"))
            }
        }
        ConfigCommand::Set { key, value } => {
            if key == applying::API_KEY {
                let value = match value {
                    Some(value) => value,
                    None => {
                        let mut value = String::new();
                        std::io::stdin().read_line(&mut value).map_err(|error| {
                            Failure::input(format!("cannot read the key from standard input: {error}"))
                        })?;
                        value
                    }
                };
                let view = app.set_llm_api_key(Some(&value))?;
                return line(if view.api_key_set {
                    "llm.api_key stored in the keychain"
                } else {
                    "llm.api_key removed"
                });
            }
            let value = value.ok_or_else(|| Failure::input(format!("config set {key} needs a value")))?;
            let mut llm: LlmSettings = app.llm_settings()?.settings;
            let mut general: AppSettings = app.app_settings()?;
            let number = |text: &str| {
                text.trim().parse::<f64>().map_err(|_| Failure::input(format!("{key} is a number, not \"{text}\"")))
            };
            match key.as_str() {
                applying::BASE_URL => llm.base_url = value.clone(),
                applying::MODEL => llm.model = value.clone(),
                applying::TEMPERATURE => llm.temperature = number(&value)? as f32,
                applying::TIMEOUT_SECONDS => llm.timeout_seconds = number(&value)? as u32,
                applying::ALLOW_HTTP_ON_PRIVATE_NETWORK => {
                    llm.allow_http_on_private_network = parse_bool(&key, &value)?;
                }
                "app.close_to_tray" => general.close_to_tray = parse_bool(&key, &value)?,
                "app.notifications" => general.notifications = parse_bool(&key, &value)?,
                "app.start_at_login" => general.start_at_login = parse_bool(&key, &value)?,
                "app.check_for_updates" => general.check_for_updates = parse_bool(&key, &value)?,
                other => return Err(unknown_key(other)),
            }
            if key.starts_with("llm.") {
                app.set_llm_settings(&llm)?;
            } else {
                app.set_app_settings(&general)?;
            }
            line(&format!("{key} = {}", value.trim()))
        }
        ConfigCommand::Destinations => print_destinations(&app.destinations()?, json),
        ConfigCommand::ConfirmDestinations => print_destinations(&app.confirm_destinations()?, json),
    }
}

fn print_destinations(destinations: &Destinations, json: bool) -> Result<(), Failure> {
    if json {
        return json_line(destinations);
    }
    let mut rows = vec![format!("writing assistant: {}", destinations.assistant_base_url)];
    rows.extend(destinations.webhooks.iter().map(|hook| format!("webhook of \"{}\": {}", hook.campaign, hook.url)));
    rows.push(if destinations.unconfirmed {
        "restored from a backup: nothing is sent until `jobhound-cli config confirm-destinations`".to_string()
    } else {
        "sending is allowed".to_string()
    });
    line(&rows.join("\n"))
}

pub fn resume(app: Jobhound, command: ResumeCommand, json: bool) -> Result<(), Failure> {
    match command {
        ResumeCommand::Import { file, name } => {
            let imported = app.import_resume(&file, name.as_deref())?;
            let resume = &imported.resume;
            if json {
                json_line(
                    &json!({"id": resume.id, "name": resume.name, "sha256": resume.sha256, "chars": resume.chars}),
                )
            } else {
                let again = if imported.already_imported { " (already imported)" } else { "" };
                line(&format!("resume #{} \"{}\": {} characters of text{again}", resume.id, resume.name, resume.chars))
            }
        }
        ResumeCommand::List => {
            let resumes = app.list_resumes()?;
            if json {
                return json_line(&resumes);
            }
            if resumes.is_empty() {
                return line("no resumes yet; import one with `jobhound-cli resume import FILE`");
            }
            let rows: Vec<String> = resumes
                .iter()
                .map(|r| {
                    format!("#{} {} ({}, {} chars){}", r.id, r.name, r.format, r.chars, campaigns_note(&r.campaigns))
                })
                .collect();
            line(&rows.join("\n"))
        }
        ResumeCommand::Show { id } => {
            let text = app.resume_text(id)?;
            if json {
                json_line(&json!({"id": id, "text": text, "sections": app.resume_sections(id)?}))
            } else {
                line(&text)
            }
        }
        ResumeCommand::Delete { id } => {
            app.delete_resume(id)?;
            line(&format!("deleted resume #{id}"))
        }
        ResumeCommand::Tailor { resume, job, notes } => {
            let app = Arc::new(app);
            let request = TailorRequest { job_id: job, resume_id: Some(resume), notes };
            let tailored = runtime()?.block_on(app.tailor_resume(&request, &CancellationToken::new(), None))?;
            tailored_output(&tailored, json)
        }
        ResumeCommand::Confirm { id, claim } => tailored_output(&app.confirm_tailored_claim(id, &claim)?, json),
        ResumeCommand::ExportTailored { id, format, out, layout } => {
            let format = DocumentFormat::parse(&format).ok_or_else(|| Failure::input("format is pdf or docx"))?;
            let layout = match layout.as_str() {
                "classic" => ResumeLayoutChoice::Classic,
                "compact" => ResumeLayoutChoice::Compact,
                _ => return Err(Failure::input("layout is classic or compact")),
            };
            let exported = app.export_tailored(id, format, layout, &out)?;
            if json {
                json_line(&exported)
            } else {
                line(&format!("saved {} and attached it to application #{}", exported.path, exported.application_id))
            }
        }
        ResumeCommand::Gap { resume, job } => {
            let gap = app.keyword_gap(job, Some(resume))?.gap;
            if json {
                return json_line(&gap);
            }
            let mut rows = vec![format!("coverage {:.0}%", gap.coverage * 100.0)];
            for term in &gap.terms {
                let status = match term.status {
                    TermStatus::Present => "present",
                    TermStatus::Alias => "alias  ",
                    TermStatus::Missing => "missing",
                };
                let wanted = if term.required { "" } else { " (nice to have)" };
                let shown = term.found_in.first().map(|line| format!(": {line}")).unwrap_or_default();
                rows.push(format!("{status} {}{wanted}{shown}", term.term));
            }
            line(&rows.join("\n"))
        }
    }
}

/// `{"id", "sections", "violations": [{"text", "kind", "reason"}]}`, or the text and what the
/// check questioned.
fn tailored_output(tailored: &TailoredResume, json: bool) -> Result<(), Failure> {
    let open: Vec<&Violation> =
        tailored.violations.iter().filter(|violation| !tailored.confirmed.contains(&violation.text)).collect();
    if json {
        let violations: Vec<serde_json::Value> = open
            .iter()
            .map(|violation| json!({"text": violation.text, "kind": violation.kind, "reason": violation.reason}))
            .collect();
        return json_line(&json!({"id": tailored.id, "sections": tailored.sections, "violations": violations}));
    }
    let mut out = vec![tailored.sections.to_text(), String::new()];
    out.push(format!("(tailored resume #{}, version {}, {})", tailored.id, tailored.version, tailored.model));
    for violation in &open {
        out.push(format!("questioned: \"{}\": {}", violation.text, violation.reason));
    }
    line(&out.join("\n"))
}

fn campaigns_note(campaigns: &[String]) -> String {
    if campaigns.is_empty() { String::new() } else { format!(" used by {}", campaigns.join(", ")) }
}

pub fn application(app: &Jobhound, command: ApplicationCommand, json: bool) -> Result<(), Failure> {
    match command {
        ApplicationCommand::List { status } => {
            let statuses = status.iter().map(|s| ApplicationStatus::parse(s)).collect::<Result<Vec<_>, _>>()?;
            let list = app.list_applications(&ApplicationQuery { statuses, ..Default::default() })?;
            if json {
                return json_line(&list);
            }
            if list.is_empty() {
                return line("no applications");
            }
            let rows: Vec<String> = list
                .iter()
                .map(|a| format!("job {:>5}  {:<12} {} at {}", a.job_id, a.status.as_str(), a.title, a.company))
                .collect();
            line(&rows.join("\n"))
        }
        ApplicationCommand::SetStatus { job, status, force } => {
            let status = ApplicationStatus::parse(&status)?;
            let detail = app.set_application_status(job, status, force).map_err(|error| {
                if error.code() == "recently_applied" {
                    Failure::input(format!("{error} Run again with --force to record it."))
                } else {
                    error.into()
                }
            })?;
            if json {
                json_line(&detail)
            } else {
                line(&format!(
                    "job {job}: {} ({} at {})",
                    status.as_str(),
                    detail.summary.title,
                    detail.summary.company
                ))
            }
        }
        ApplicationCommand::Show { job } => {
            let detail =
                app.application_for_job(job)?.ok_or_else(|| Failure::input(format!("job {job} has no application")))?;
            if json {
                return json_line(&detail);
            }
            let mut text =
                format!("{} at {}: {}\n", detail.summary.title, detail.summary.company, detail.summary.status.as_str());
            for event in &detail.timeline {
                let from = event.from_status.map(|s| s.as_str()).unwrap_or("new");
                text.push_str(&format!("  {}  {from} -> {}\n", event.created_at, event.to_status.as_str()));
            }
            for file in &detail.files {
                text.push_str(&format!("  file: {} ({})\n", file.saved_to, file.format));
            }
            line(text.trim_end())
        }
    }
}

pub fn letter(app: Jobhound, command: LetterCommand, json: bool) -> Result<(), Failure> {
    match command {
        LetterCommand::Generate { job, resume, notes, tone } => {
            let app = Arc::new(app);
            let request = LetterRequest { job_id: job, resume_id: resume, notes, tone };
            let letter = runtime()?.block_on(app.generate_letter(&request, &CancellationToken::new(), None))?;
            if json {
                json_line(&json!({"id": letter.id, "text": letter.text}))
            } else {
                line(&format!(
                    "{}\n\n(letter #{}, version {}, {})",
                    letter.text, letter.id, letter.version, letter.model
                ))
            }
        }
        LetterCommand::List { job } => {
            let letters = app.letters_for_job(job)?;
            if json {
                return json_line(&letters);
            }
            let rows: Vec<String> = letters
                .iter()
                .map(|l| format!("#{} v{} {} by {} at {}", l.id, l.version, l.origin, l.model, l.created_at))
                .collect();
            if rows.is_empty() { line("no letters for this job") } else { line(&rows.join("\n")) }
        }
        LetterCommand::Export { id, format, out } => {
            let format = DocumentFormat::parse(&format).ok_or_else(|| Failure::input("format is pdf or docx"))?;
            let exported = app.export_letter(id, format, &out)?;
            if json {
                json_line(&exported)
            } else {
                line(&format!("saved {} and attached it to application #{}", exported.path, exported.application_id))
            }
        }
    }
}
