//! `export`, `backup`, `restore`, `jobs delete` and `forget` as a script would use them.

use std::path::Path;
use std::process::Output;

use crate::common::ok;
use serde_json::Value;

fn cli(data_dir: &Path, args: &[&str]) -> Output {
    crate::common::run(data_dir, args, &[])
}

fn json(output: Output) -> Value {
    serde_json::from_str(&ok(output)).unwrap()
}

fn job_count(data_dir: &Path) -> u64 {
    json(cli(data_dir, &["--json", "status"]))["job_count"].as_u64().unwrap()
}

#[test]
fn export_back_up_restore_elsewhere_delete_and_forget() {
    let work = tempfile::tempdir().unwrap();
    let (home, elsewhere) = (work.path().join("home"), work.path().join("elsewhere"));
    ok(cli(&home, &["demo"]));
    ok(cli(&home, &["application", "set-status", "1", "applied"]));
    let jobs = job_count(&home);

    let found =
        json(cli(&home, &["--json", "search", "account executive", "--location", "london", "--sort", "newest"]));
    let rows = found.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{found}");
    let mut keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, vec!["company", "id", "score", "title"]);
    let remote = json(cli(&home, &["--json", "search", "--remote", "remote", "--status", "applied"]));
    assert!(remote.as_array().unwrap().is_empty());
    assert_eq!(cli(&home, &["search", "--remote", "moon"]).status.code(), Some(2));

    let csv_path = work.path().join("jobs.csv");
    let report = json(cli(&home, &["--json", "export", "--format", "csv", "--out", csv_path.to_str().unwrap()]));
    assert_eq!(report["jobs"].as_u64(), Some(jobs));
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let status = reader.headers().unwrap().iter().position(|h| h == "application_status").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len() as u64, jobs);
    assert_eq!(rows.iter().filter(|row| &row[status] == "applied").count(), 1);

    let json_path = work.path().join("export.json");
    ok(cli(&home, &["export", "--format", "json", "--out", json_path.to_str().unwrap()]));
    let export: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(export["jobs"].as_array().unwrap().len() as u64, jobs);
    let bad = cli(&home, &["export", "--format", "xml", "--out", json_path.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));

    let backup = work.path().join("backup.jobhound");
    let backed = json(cli(&home, &["--json", "backup", "--out", backup.to_str().unwrap()]));
    assert_eq!(backed["applications"].as_u64(), Some(1));
    let restored = json(cli(&elsewhere, &["--json", "restore", backup.to_str().unwrap()]));
    assert_eq!(restored["jobs"].as_u64(), Some(jobs));
    assert_eq!(job_count(&elsewhere), jobs);
    let applications = json(cli(&elsewhere, &["--json", "application", "list"]));
    assert_eq!(applications.as_array().unwrap().len(), 1);

    let refused = cli(&elsewhere, &["restore", csv_path.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(message.contains("is not a Jobhound backup"), "{message}");
    assert_eq!(message.lines().count(), 1);
    assert_eq!(job_count(&elsewhere), jobs);

    let deleted = json(cli(&elsewhere, &["--json", "jobs", "delete", "1"]));
    assert!(deleted["title"].is_string());
    assert_eq!(job_count(&elsewhere), jobs - 1);
    assert_eq!(cli(&elsewhere, &["jobs", "delete", "1"]).status.code(), Some(2));

    let funnel = work.path().join("master.csv");
    std::fs::write(
        &funnel,
        "status,title,company,location,date,blurb,tags,link,id,provider,query,locale,wage,remoteness\n\
         APPLIED,Data Engineer,Shopify,Toronto,2026-10-30,Pipelines.,,https://ca.indeed.com/viewjob?jk=77,77,INDEED,de,CANADA_ENGLISH,,\n",
    )
    .unwrap();
    let imported = json(cli(&home, &["--json", "import", "--from", "jobfunnel", funnel.to_str().unwrap()]));
    assert_eq!((imported["new_jobs"].as_u64(), imported["applications_created"].as_u64()), (Some(1), Some(1)));
    assert_eq!(job_count(&home), jobs + 1);
    let wrong = cli(&home, &["import", "--from", "jobspy", funnel.to_str().unwrap()]);
    assert_eq!(wrong.status.code(), Some(2), "{}", String::from_utf8_lossy(&wrong.stderr));
    let jobs = jobs + 1;

    let unconfirmed = cli(&home, &["forget"]);
    assert_eq!(unconfirmed.status.code(), Some(2));
    assert_eq!(job_count(&home), jobs);
    let forgot = json(cli(&home, &["--json", "forget", "--yes"]));
    assert_eq!(forgot["jobs"].as_u64(), Some(jobs));
    assert_eq!(job_count(&home), 0);
}

#[test]
fn a_crafted_backup_is_one_line_on_stderr_and_restored_destinations_wait_for_confirmation() {
    let work = tempfile::tempdir().unwrap();
    let (home, other) = (work.path().join("home"), work.path().join("other"));
    ok(cli(&other, &["demo"]));
    ok(cli(&other, &["config", "set", "llm.base_url", "https://assistant.example/v1"]));
    let backup = work.path().join("shared.jobhound");
    ok(cli(&other, &["backup", "--out", backup.to_str().unwrap()]));

    let crafted = work.path().join("crafted.jobhound");
    std::fs::copy(&backup, &crafted).unwrap();
    rusqlite::Connection::open(&crafted)
        .unwrap()
        .execute_batch("CREATE TRIGGER t AFTER UPDATE ON settings BEGIN SELECT 1; END;")
        .unwrap();
    ok(cli(&home, &["demo"]));
    let refused = cli(&home, &["restore", crafted.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("trigger \"t\" that Jobhound does not make"), "{stderr}");

    ok(cli(&home, &["restore", backup.to_str().unwrap()]));
    let destinations = json(cli(&home, &["--json", "config", "destinations"]));
    assert_eq!(destinations["unconfirmed"], true);
    assert_eq!(destinations["assistant_base_url"], "https://assistant.example/v1");
    let confirmed = json(cli(&home, &["--json", "config", "confirm-destinations"]));
    assert_eq!(confirmed["unconfirmed"], false);
}

#[test]
fn remerge_backs_up_first_reports_progress_and_loses_no_job() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    assert!(cli(&home, &["demo"]).status.success());
    let before = job_count(&home);
    let out = cli(&home, &["--json", "jobs", "remerge"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let progress = String::from_utf8_lossy(&out.stderr);
    assert!(progress.contains(&format!("remerge: {before} of {before} jobs compared")), "{progress}");
    let outcome: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outcome["jobs"], before);
    assert_eq!(outcome["merged"], 0, "the demo jobs are all different jobs");
    let backup = outcome["backup"].as_str().unwrap();
    assert!(Path::new(backup).starts_with(home.join("backups")), "{backup}");
    // The backup is one a person can restore.
    let elsewhere = dir.path().join("elsewhere");
    let restored = json(cli(&elsewhere, &["--json", "restore", backup]));
    assert_eq!(restored["jobs"], before);
    assert_eq!(job_count(&home), before);
}
