//! `export`, `backup`, `restore` and `forget`: the person's data as a whole.

use std::path::Path;

use jobhound_core::Jobhound;
use jobhound_core::your_data::ExportFormat;
use jobhound_core::your_data::ImportFrom;

use crate::commands::Failure;
use crate::output::{json_line, line};

pub fn export(app: &Jobhound, format: &str, out: &Path, json: bool) -> Result<(), Failure> {
    let report = app.export_data(ExportFormat::parse(format)?, out)?;
    if json {
        return json_line(&report);
    }
    line(&format!("{} jobs ({} with an application) written to {}", report.jobs, report.applications, report.path))
}

pub fn backup(app: &Jobhound, out: &Path, json: bool) -> Result<(), Failure> {
    let report = app.back_up(out)?;
    if json {
        return json_line(&report);
    }
    line(&format!(
        "backed up {} jobs, {} applications and {} files to {} ({} bytes)",
        report.jobs, report.applications, report.files, report.path, report.bytes
    ))
}

pub fn restore(app: &Jobhound, file: &Path, json: bool) -> Result<(), Failure> {
    let report = app.restore(file)?;
    if json {
        return json_line(&report);
    }
    let confirm = if report.destinations_to_confirm {
        ". The restored data sends to other hosts: see `jobhound-cli config destinations`; nothing is sent until \
         `jobhound-cli config confirm-destinations`"
    } else {
        ""
    };
    line(&format!(
        "restored {} jobs, {} applications and {} files; the database as it was is kept at {}{confirm}",
        report.jobs, report.applications, report.files, report.previous_database
    ))
}

pub fn forget(app: &Jobhound, confirmed: bool, json: bool) -> Result<(), Failure> {
    if !confirmed {
        return Err(Failure::input(
            "this deletes every job, application, resume, letter and stored key; run again with --yes to do it",
        ));
    }
    let report = app.forget_everything()?;
    if json {
        return json_line(&report);
    }
    line(&format!(
        "forgot {} jobs and {} applications; removed {} files and {} keychain keys",
        report.jobs, report.applications, report.files_removed, report.keys_removed
    ))
}

pub fn delete_job(app: &Jobhound, id: i64, json: bool) -> Result<(), Failure> {
    let deleted = app.delete_job(id)?;
    if json {
        return json_line(&deleted);
    }
    line(&format!(
        "deleted job {id}: {} at {} ({} files removed)",
        deleted.title, deleted.company, deleted.files_removed
    ))
}

pub fn import(app: &Jobhound, from: &str, file: &Path, json: bool) -> Result<(), Failure> {
    // Progress goes to a terminal only; a script reads the one result line.
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let report = app.import_file_with_progress(ImportFrom::parse(from)?, file, &mut |step| {
        if interactive {
            eprint!("\rimported {} of {} rows", step.rows_done, step.rows_total);
            if step.rows_done == step.rows_total {
                eprintln!();
            }
        }
    })?;
    if json {
        return json_line(&report);
    }
    line(&format!(
        "{} rows: {} new jobs, {} merged with stored ones, {} already imported, {} kept raw (no title or company); \
         {} applications created, {} left as they were",
        report.rows,
        report.new_jobs,
        report.merged,
        report.known,
        report.flagged,
        report.applications_created,
        report.applications_kept
    ))
}
