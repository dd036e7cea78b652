//! `jobhound-cli`: everything the app does, for scripts and terminals.

mod applying;
mod browser_hosts;
mod campaign;
mod commands;
mod eval;
mod inbox;
mod mcp;
mod native_host;
mod output;
mod search;
mod sources_view;
mod your_data;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Local-first job hunting from the command line. Shares its database with the desktop app.
#[derive(Debug, Parser)]
#[command(name = "jobhound-cli", version, about)]
pub struct Cli {
    /// Where Jobhound keeps its database (default: the OS app-data dir).
    #[arg(long, global = true, env = "JOBHOUND_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse a recorded response body of a source and print one JSON object per job.
    Parse {
        /// The source kind, e.g. greenhouse.
        #[arg(long)]
        source: String,
        file: PathBuf,
    },
    /// Read pay from text ("$120k-$150k", "EUR 60.000 per year") and print it as JSON, or null.
    Salary { text: String },
    /// Measure the pipeline's speed on a synthetic corpus (use a release build).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Measure the pipeline against labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Replies from employers: what a message says about an application.
    #[command(subcommand)]
    Inbox(InboxCommand),
    /// Serve the Model Context Protocol over standard input and output, for the person's AI
    /// assistant (Claude Desktop, Claude Code, Codex, Cursor…). Read-only unless write access is
    /// on in Settings.
    Mcp,
    /// The "Save to Jobhound" browser extension's host, per browser (as in Settings).
    #[command(subcommand)]
    Browser(browser_hosts::BrowserCommand),
    /// The browser extension's native messaging host: reads length-prefixed JSON messages on
    /// standard input and answers each on standard output. Browsers start it through the host
    /// manifest with the caller's origin; pass it here to run it by hand.
    NativeHost {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        caller: Vec<String>,
    },
    /// Manage the boards Jobhound watches.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Every source kind: what it needs, its keys, its terms and the health of watched ones.
    Sources,
    /// Source API keys, kept in the OS keychain.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Browse stored jobs.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// Saved searches, their ranked matches and feedback.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// Settings such as llm.base_url and llm.model (the API key goes to the keychain).
    #[command(subcommand)]
    Config(applying::ConfigCommand),
    /// Resumes: import, list, show, delete.
    #[command(subcommand)]
    Resume(applying::ResumeCommand),
    /// Where each application stands.
    #[command(subcommand)]
    Application(applying::ApplicationCommand),
    /// Cover letters written with the configured language model.
    #[command(subcommand)]
    Letter(applying::LetterCommand),
    /// Import the bundled offline demo data set.
    Demo,
    /// Where the data lives and how much there is.
    Status,
    /// Search stored jobs with the app's filters; --json prints [{"id","title","company","score"}].
    Search(search::SearchArgs),
    /// Every job with its application and timeline, as CSV (a row per job) or JSON.
    Export {
        #[arg(long, value_name = "csv|json")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The whole database and the stored documents as one file (safe while the app runs).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the data with a backup's; the database as it was is kept beside it.
    Restore { file: PathBuf },
    /// Bring in a JobSpy CSV or a JobFunnel master CSV; duplicates merge with stored jobs and
    /// JobFunnel's statuses become applications.
    Import {
        #[arg(long, value_name = "jobspy|jobfunnel")]
        from: String,
        file: PathBuf,
    },
    /// Delete everything: jobs, applications, resumes, letters, files and stored keys.
    Forget {
        /// Really do it.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
enum SourceCommand {
    /// Watch a source: `source add greenhouse vercel`, `source add remotive "rust"`, or just a
    /// pasted careers URL (`source add https://jobs.lever.co/spotify`), whose board is detected.
    Add {
        /// A source kind, or a careers/feed URL to detect the source from.
        kind_or_url: String,
        /// The board token, URL, feed or search keywords (optional for whole boards).
        input: Option<String>,
    },
    /// Find the boards behind a careers URL (a company's own page too), best first, with how each
    /// was found; --json prints [{"kind","param","how"}] (empty when none).
    Detect { url: String },
    /// Turn an opt-in source on (LinkedIn's terms forbid scraping: read `jobhound-cli sources`).
    OptIn { kind: String },
    /// Turn an opt-in source off.
    OptOut { kind: String },
    /// List watched boards with their health.
    List,
    /// Fetch a watched board (by id) now; --json prints the report with "jobs_seen", "new_jobs",
    /// "healed" and "error" (null, or what went wrong).
    Fetch { id: i64 },
    /// One watched source; a careers page read by a recipe shows it ("recipe" with its "version").
    Show { id: i64 },
    /// Stop watching a board; its jobs stay.
    Remove { id: i64 },
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Parse + normalize + dedup + store + index + rank against 5 campaigns, then re-ingest, then a
    /// plain SQLite bulk insert of the same rows.
    Ingest {
        #[arg(long, default_value_t = 100_000)]
        jobs: usize,
    },
    /// Full-text search with a source filter over stored jobs.
    Search {
        #[arg(long, default_value_t = 100_000)]
        jobs: usize,
        #[arg(long, default_value_t = 500)]
        queries: usize,
    },
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Precision and recall of duplicate merging on the bundled labelled pairs, or on `--pairs`
    /// (JSON lines `{"a": JOB, "b": JOB, "duplicate": true|false}`, JOB as printed by `parse`).
    Dedup {
        #[arg(long, value_name = "FILE")]
        pairs: Option<PathBuf>,
    },
    /// Precision and recall of the fabrication check on the bundled tailored resumes, or on
    /// `--pairs` (JSON lines `{"original", "tailored", "notes", "inventions": [TEXT...]}`).
    Fabrication {
        #[arg(long, value_name = "FILE")]
        pairs: Option<PathBuf>,
    },
    /// Accuracy of the inbox's rules on the bundled messages, or on `--dir` (`.eml` files named
    /// `<status>-<anything>.eml`).
    Inbox {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum InboxCommand {
    /// What one message (an `.eml` file) says: received, rejected, interview, assessment, offer or
    /// other, with the rules' confidence and the words that decided it. No mailbox needed.
    Classify { file: PathBuf },
    /// Connect the mailbox (IMAP, read-only). The app password comes from JOBHOUND_IMAP_PASSWORD
    /// or standard input and goes to the keychain; the connection is tested before anything is saved.
    Set {
        #[arg(long)]
        host: String,
        #[arg(long, default_value_t = 993)]
        port: u16,
        #[arg(long)]
        user: String,
        /// tls (port 993), starttls (port 143) or plain (only to this machine).
        #[arg(long, default_value = "tls")]
        security: String,
        /// A folder to watch; repeat for several. INBOX when none.
        #[arg(long = "folder", value_name = "FOLDER")]
        folders: Vec<String>,
        /// Read messages from this day (YYYY-MM-DD); by default the oldest open application's.
        #[arg(long)]
        since: Option<String>,
        /// Let proposals the rules are sure of apply themselves.
        #[arg(long)]
        auto_apply: bool,
        /// Ask the writing assistant's model about messages the rules are unsure of.
        #[arg(long)]
        ask_model: bool,
    },
    /// Check the mailbox now; --json prints {"messages_seen","matched","proposals":[{"application_id","status","confidence","subject"}]}.
    Check,
    /// Proposals waiting for review, newest first.
    Review,
    /// Accept a proposal (by the id `inbox review` shows), or choose another status with --status.
    Accept {
        id: i64,
        #[arg(long)]
        status: Option<String>,
    },
    /// Dismiss a proposal; the message stays in the application's timeline.
    Dismiss { id: i64 },
}

#[derive(Debug, Subcommand)]
enum KeyCommand {
    /// Which keys each source uses and whether they are set (never the values).
    List,
    /// Store a key; without VALUE it is read from standard input, keeping it out of shell history.
    Set { name: String, value: Option<String> },
    /// Remove a key.
    Clear { name: String },
}

#[derive(Debug, Subcommand)]
enum JobsCommand {
    /// List jobs, newest first (or a campaign's best first), optionally matching words.
    List {
        #[arg(long)]
        query: Option<String>,
        #[arg(long)]
        source: Option<String>,
        /// Only this campaign's matches, by score.
        #[arg(long, value_name = "NAME")]
        campaign: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show one job.
    Show { id: i64 },
    /// Ask the company board whether a job is still listed; closes it (never deletes) if not.
    Recheck { id: i64 },
    /// Delete a job with its postings, application, letters and exported files.
    Delete { id: i64 },
    /// Merge stored jobs that today's duplicate rules find to be one job (after an upgrade
    /// improved them). Backs up first; restoring that backup undoes it.
    Remerge,
}

fn main() -> ExitCode {
    // Started as the resume reader (a child of this program): read one file and exit.
    jobhound_documents::serve_if_helper();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("JOBHOUND_LOG"))
        .with_writer(std::io::stderr)
        .init();
    // A browser starts the host manifest's program with only the caller: the extension's origin
    // (Chromium) or the manifest's path and the extension's id (Firefox).
    let args: Vec<String> = std::env::args().skip(1).collect();
    if native_host::started_by_browser(&args) {
        return native_host::run(&args);
    }
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("jobhound-cli: {}", failure.message.replace('\n', " "));
            ExitCode::from(failure.exit_code)
        }
    }
}
