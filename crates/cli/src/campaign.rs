//! `jobhound-cli campaign ...`: campaigns, their ranked matches and feedback, for scripting.

use std::path::PathBuf;

use clap::Subcommand;
use jobhound_core::Jobhound;
use jobhound_core::campaigns::MatchQuery;
use jobhound_core::campaigns::RunEvent;
use jobhound_core::campaigns::{Campaign, CampaignInput};
use jobhound_core::ranking::{FACTORS, Feedback, Profile};
use tokio_util::sync::CancellationToken;

use crate::commands::Failure;
use crate::output::{json_line, line};

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Create a campaign: `campaign add "Rust EU" --source greenhouse:vercel --keywords "rust,backend"`.
    Add {
        name: String,
        /// KIND:PARAM, e.g. greenhouse:vercel or remotive:rust; repeat for more.
        #[arg(long = "source", value_name = "KIND:PARAM")]
        sources: Vec<String>,
        /// Comma-separated words a good job mentions.
        #[arg(long, default_value = "")]
        keywords: String,
        /// Comma-separated words that drop a job.
        #[arg(long, default_value = "")]
        exclude: String,
        /// How often it runs: 1h to 1w (e.g. 90m, 6h, 1d).
        #[arg(long, default_value = "6h")]
        interval: String,
        /// Notify for matches scoring at least this (0-100).
        #[arg(long, default_value_t = 70)]
        threshold: u8,
        /// A plain-text resume to compare jobs with.
        #[arg(long, value_name = "FILE")]
        resume: Option<PathBuf>,
    },
    /// Change a campaign; options not given keep their value.
    Edit {
        name: String,
        #[arg(long = "rename", value_name = "NEW NAME")]
        rename: Option<String>,
        /// KIND:PARAM; replaces the campaign's sources when given.
        #[arg(long = "source", value_name = "KIND:PARAM")]
        sources: Vec<String>,
        #[arg(long)]
        keywords: Option<String>,
        #[arg(long)]
        exclude: Option<String>,
        #[arg(long)]
        interval: Option<String>,
        #[arg(long)]
        threshold: Option<u8>,
        /// Stop running it on the timer.
        #[arg(long, conflicts_with = "resume")]
        pause: bool,
        #[arg(long)]
        resume: bool,
    },
    /// Run it now, headless: fetch its sources, store and rank what they list.
    Run { name: String },
    /// Its next run, latest runs and any webhook digest still waiting.
    Status {
        name: String,
        #[arg(long, default_value_t = 10)]
        runs: u32,
    },
    /// Every campaign.
    List,
    /// Delete a campaign and its matches; jobs stay.
    Remove { name: String },
    /// Score every stored job for the campaign now.
    Rank { name: String },
    /// The campaign's matches, best first, with each factor's points.
    Matches {
        name: String,
        /// Show the jobs its filters dropped, with the reason.
        #[arg(long)]
        filtered: bool,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Tell the campaign what you think of a job (like, dislike, hide, applied, rejected); its
    /// weights learn from it.
    Feedback { name: String, job_id: i64, kind: String },
    /// Forget learned weights; back to the ones set for the campaign.
    ResetWeights { name: String },
}

/// "90m", "6h", "1d", "1w" in minutes.
pub fn parse_interval(text: &str) -> Result<u32, Failure> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u32 = number.parse().map_err(|_| Failure::input(format!("interval '{text}': expected e.g. 6h")))?;
    let minutes_per = match unit {
        "m" | "min" => 1,
        "h" | "" => 60,
        "d" => 24 * 60,
        "w" => 7 * 24 * 60,
        _ => return Err(Failure::input(format!("interval '{text}': use m, h, d or w"))),
    };
    Ok(number.saturating_mul(minutes_per))
}

fn words(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|word| !word.is_empty()).map(str::to_string).collect()
}

fn find(app: &Jobhound, name: &str) -> Result<Campaign, Failure> {
    Ok(app.find_campaign(name)?)
}

/// Watches each KIND:PARAM source (or finds it watched) and returns their ids.
fn source_ids(app: &Jobhound, sources: &[String]) -> Result<Vec<i64>, Failure> {
    let mut ids = Vec::new();
    for source in sources {
        let (kind, param) = source.split_once(':').unwrap_or((source.as_str(), ""));
        let kind = crate::commands::kind(kind)?;
        ids.push(app.add_source(kind, param)?.id);
    }
    Ok(ids)
}

pub fn run(app: &Jobhound, command: CampaignCommand, json: bool) -> Result<(), Failure> {
    match command {
        CampaignCommand::Add { name, sources, keywords, exclude, interval, threshold, resume } => {
            let source_ids = source_ids(app, &sources)?;
            let resume_text = match resume {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|error| Failure::input(format!("cannot read {}: {error}", path.display())))?,
                None => String::new(),
            };
            let input = CampaignInput {
                name,
                profile: Profile {
                    keywords: words(&keywords),
                    excluded_keywords: words(&exclude),
                    ..Profile::default()
                },
                resume_text,
                source_ids,
                interval_minutes: parse_interval(&interval)?,
                notify_threshold: threshold,
                ..CampaignInput::default()
            };
            let campaign = app.create_campaign(&input)?;
            if json {
                json_line(&campaign)
            } else {
                line(&format!("created campaign #{} \"{}\"", campaign.id, campaign.settings.name))
            }
        }
        CampaignCommand::Edit { name, rename, sources, keywords, exclude, interval, threshold, pause, resume } => {
            let campaign = find(app, &name)?;
            let mut input = campaign.settings.clone();
            if let Some(rename) = rename {
                input.name = rename;
            }
            if !sources.is_empty() {
                input.source_ids = source_ids(app, &sources)?;
            }
            if let Some(keywords) = keywords {
                input.profile.keywords = words(&keywords);
            }
            if let Some(exclude) = exclude {
                input.profile.excluded_keywords = words(&exclude);
            }
            if let Some(interval) = interval {
                input.interval_minutes = parse_interval(&interval)?;
            }
            if let Some(threshold) = threshold {
                input.notify_threshold = threshold;
            }
            if pause || resume {
                input.active = resume;
            }
            let updated = app.update_campaign(campaign.id, &input)?;
            if json {
                json_line(&updated)
            } else {
                line(&format!("updated campaign \"{}\" and ranked its jobs again", updated.settings.name))
            }
        }
        CampaignCommand::Run { name } => {
            let campaign = find(app, &name)?;
            let progress = |event: RunEvent| {
                if let RunEvent::SourceFinished { source, jobs_seen, new_jobs, error, .. } = event {
                    match error {
                        Some(error) => eprintln!("{source}: {error}"),
                        None => eprintln!("{source}: {jobs_seen} jobs, {new_jobs} new"),
                    }
                }
            };
            let cancel = CancellationToken::new();
            let report = crate::commands::runtime()?.block_on(app.run_campaign(
                campaign.id,
                "cli",
                chrono::Utc::now(),
                &cancel,
                &progress,
            ))?;
            if json {
                json_line(&serde_json::json!({
                    "jobs_seen": report.jobs_seen,
                    "new_jobs": report.new_jobs,
                    "new_matches": report.new_matches,
                    "errors": report.errors,
                }))
            } else {
                line(&format!(
                    "{}: {} jobs seen, {} new, {} new matches{}",
                    campaign.settings.name,
                    report.jobs_seen,
                    report.new_jobs,
                    report.new_matches,
                    if report.errors.is_empty() { String::new() } else { format!(", {} errors", report.errors.len()) }
                ))
            }
        }
        CampaignCommand::Status { name, runs } => {
            let campaign = find(app, &name)?;
            let status = app.campaign_status(campaign.id, runs)?;
            if json {
                return json_line(&status);
            }
            let next = status.campaign.next_run_at.as_deref().unwrap_or("as soon as the app runs");
            let state = if status.campaign.settings.active { "active" } else { "paused" };
            line(&format!("{} ({state}), next run {next}", status.campaign.settings.name))?;
            for run in &status.runs {
                line(&format!(
                    "  {} {:?}: {} new jobs, {} new matches{}",
                    run.started_at,
                    run.status,
                    run.new_jobs,
                    run.new_matches,
                    run.error.as_deref().map(|error| format!(" ({error})")).unwrap_or_default()
                ))?;
                for source in run.sources.iter().filter(|source| source.error.is_some()) {
                    line(&format!("    {}: {}", source.source, source.error.as_deref().unwrap_or_default()))?;
                }
            }
            for waiting in &status.pending_webhooks {
                line(&format!(
                    "  webhook digest waiting since {} ({} tries: {})",
                    waiting.created_at,
                    waiting.attempts,
                    waiting.last_error.as_deref().unwrap_or("not tried yet")
                ))?;
            }
            Ok(())
        }
        CampaignCommand::List => {
            let all = app.list_campaigns()?;
            if json {
                return json_line(&all);
            }
            for campaign in all {
                line(&format!(
                    "#{} {}{} - every {} min, {} sources, notify at {}+",
                    campaign.id,
                    campaign.settings.name,
                    if campaign.settings.active { "" } else { " (paused)" },
                    campaign.settings.interval_minutes,
                    campaign.settings.source_ids.len(),
                    campaign.settings.notify_threshold
                ))?;
            }
            Ok(())
        }
        CampaignCommand::Remove { name } => {
            let campaign = find(app, &name)?;
            app.delete_campaign(campaign.id)?;
            if json {
                json_line(&serde_json::json!({"removed": campaign.id}))
            } else {
                line(&format!("deleted campaign \"{}\"; its jobs stay", campaign.settings.name))
            }
        }
        CampaignCommand::Rank { name } => {
            let campaign = find(app, &name)?;
            let counts = app.rank_campaign(campaign.id)?;
            if json {
                json_line(&counts)
            } else {
                line(&format!(
                    "ranked {} jobs: {} new matches, {} filtered out",
                    counts.ranked, counts.new_matches, counts.filtered
                ))
            }
        }
        CampaignCommand::Matches { name, filtered, limit } => {
            let campaign = find(app, &name)?;
            let query = MatchQuery { filtered, limit: Some(limit), ..MatchQuery::default() };
            let found = app.campaign_matches(campaign.id, &query)?;
            if json {
                return json_line(&found);
            }
            for found in found {
                match &found.filtered {
                    Some(reason) => {
                        line(&format!("job {} {} at {}: {reason}", found.job_id, found.title, found.company))?
                    }
                    None => {
                        line(&format!(
                            "{:>3}  job {} {} at {}",
                            found.score, found.job_id, found.title, found.company
                        ))?;
                        for factor in &found.explanation.factors {
                            line(&format!("       {:>5.1} {:<15} {}", factor.points, factor.name, factor.evidence))?;
                        }
                    }
                }
            }
            Ok(())
        }
        CampaignCommand::Feedback { name, job_id, kind } => {
            let campaign = find(app, &name)?;
            let kind: Feedback = kind.parse().map_err(Failure::input)?;
            let change = app.give_feedback(campaign.id, job_id, kind)?;
            if json {
                return json_line(&change);
            }
            for ((name, before), after) in FACTORS.iter().zip(change.before.values()).zip(change.after.values()) {
                if (before - after).abs() > 1e-9 {
                    line(&format!("{name}: {before:.2} -> {after:.2}"))?;
                }
            }
            Ok(())
        }
        CampaignCommand::ResetWeights { name } => {
            let campaign = find(app, &name)?;
            let weights = app.reset_campaign_weights(campaign.id)?.settings.profile.weights;
            if json { json_line(&weights) } else { line("weights reset to the ones set for the campaign") }
        }
    }
}
