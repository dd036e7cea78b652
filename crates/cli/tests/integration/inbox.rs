//! `inbox set`, `inbox check --json`, `inbox review` and `inbox accept` against a real Dovecot.

use std::path::Path;
use std::process::Output;

use jobhound_inbox::test_server::{PASSWORD, ServerOptions, TestMailServer, USER};
use serde_json::Value;

use crate::common::ok;

fn cli(data_dir: &Path, args: &[&str], password: &str) -> Output {
    crate::common::run(data_dir, args, &[("JOBHOUND_IMAP_PASSWORD", password)])
}

#[test]
fn a_rejection_in_the_mailbox_is_proposed_for_its_application_and_accepted() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    ok(cli(dir, &["demo"], PASSWORD));
    let jobs: Value = serde_json::from_str(&ok(cli(dir, &["jobs", "list", "--json"], PASSWORD))).unwrap();
    let job = jobs["jobs"].as_array().unwrap().iter().find(|job| job["company"] == "Vercel").unwrap();
    let (job_id, company, title) =
        (job["id"].as_i64().unwrap().to_string(), job["company"].as_str().unwrap(), job["title"].as_str().unwrap());
    ok(cli(dir, &["application", "set-status", &job_id, "applied"], PASSWORD));

    let mut server = TestMailServer::start(ServerOptions::default()).unwrap();
    let rejection = format!(
        "From: {company} Talent <no-reply@us.greenhouse-mail.io>\nSubject: Your application to {company}\nDate: {}\nMessage-ID: <cli-reject@mail.example>\nContent-Type: text/plain; charset=utf-8\n\nThank you for applying for {title}. Unfortunately, we have decided not to move forward with your application.\n",
        chrono::Utc::now().to_rfc2822()
    );
    server.deliver("INBOX", rejection.as_bytes()).unwrap();
    let port = server.port().to_string();
    let set = ["inbox", "set", "--host", "127.0.0.1", "--port", &port, "--user", USER, "--security", "plain"];

    // A wrong password is refused before anything is saved.
    let refused = cli(dir, &set, "wrong");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("refused the user name or app password"));

    assert!(ok(cli(dir, &set, PASSWORD)).contains("INBOX"));
    let report: Value = serde_json::from_str(&ok(cli(dir, &["inbox", "check", "--json"], PASSWORD))).unwrap();
    assert_eq!(report["messages_seen"], 1);
    assert_eq!(report["matched"], 1);
    let proposal = &report["proposals"][0];
    let mut keys: Vec<&str> = proposal.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["application_id", "confidence", "status", "subject"]);
    assert_eq!(proposal["status"], "rejected");
    assert!(proposal["confidence"].as_f64().unwrap() >= 0.7);

    let pending: Value = serde_json::from_str(&ok(cli(dir, &["inbox", "review", "--json"], PASSWORD))).unwrap();
    let id = pending[0]["id"].as_i64().unwrap().to_string();
    ok(cli(dir, &["inbox", "accept", &id], PASSWORD));
    assert!(ok(cli(dir, &["application", "show", &job_id], PASSWORD)).contains("rejected"));
    // Nothing new: the next check reads nothing.
    let again: Value = serde_json::from_str(&ok(cli(dir, &["inbox", "check", "--json"], PASSWORD))).unwrap();
    assert_eq!(again["messages_seen"], 0);
}
