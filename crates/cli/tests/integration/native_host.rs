//! `jobhound-cli native-host` as a browser runs it: length-prefixed JSON on standard input, an
//! answer for each message on standard output, jobs saved into the shared database.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use jobhound_core::browser::native_messaging::CHROMIUM_EXTENSION_ID;
use serde_json::{Value, json};

use crate::common::ok;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut bytes = u32::try_from(body.len()).unwrap().to_le_bytes().to_vec();
    bytes.extend_from_slice(body);
    bytes
}

/// Runs the host as `caller` started it with `input`; its answers and what it logged.
fn host(data_dir: &Path, args: &[&str], input: Vec<u8>) -> (Vec<Value>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobhound-cli"))
        .args(args)
        .env("JOBHOUND_DATA_DIR", data_dir)
        .env("JOBHOUND_KEYCHAIN", "memory")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut rest = output.stdout.as_slice();
    let mut answers = Vec::new();
    while rest.len() >= 4 {
        let length = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        answers.push(serde_json::from_slice(&rest[4..4 + length]).unwrap());
        rest = &rest[4 + length..];
    }
    (answers, String::from_utf8_lossy(&output.stderr).to_string())
}

fn save_with_jsonld(url: &str) -> Vec<u8> {
    json!({
        "type": "save",
        "url": url,
        "page_title": "Platform Engineer | Initech",
        "jsonld": [{"@context": "https://schema.org", "@type": "JobPosting", "title": "Platform Engineer",
                    "hiringOrganization": {"@type": "Organization", "name": "Initech"},
                    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressCountry": "US"}},
                    "description": "<p>Run our <b>Kubernetes</b> clusters.</p><script>alert(1)</script>",
                    "datePosted": "2026-12-01"}],
        "job": null
    })
    .to_string()
    .into_bytes()
}

#[test]
fn the_host_saves_pages_once_answers_every_message_and_refuses_what_it_must() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let origin = format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/");
    let visible = json!({
        "type": "save", "url": "https://careers.acme.example/jobs/data-engineer", "page_title": "Careers at Acme",
        "jsonld": null,
        "job": {"title": "Data Engineer", "company": "Acme", "location": "Remote", "description_html": "<p>SQL and Python.</p>"}
    })
    .to_string();
    let mut input = Vec::new();
    input.extend(frame(&save_with_jsonld("https://jobs.initech.example/platform?utm_source=linkedin")));
    input.extend(frame(b"{\"type\": \"save\", \"url\": "));
    input.extend((2 * 1024 * 1024u32).to_le_bytes());
    input.extend(vec![b'x'; 2 * 1024 * 1024]);
    input.extend(frame(visible.as_bytes()));
    input.extend(frame(&save_with_jsonld("https://jobs.initech.example/platform#apply")));

    let (answers, logged) = host(dir, &[&origin], input);
    assert_eq!(answers.len(), 5, "{answers:?}");
    assert_eq!(answers[0]["ok"], true);
    assert_eq!(answers[0]["new_job"], true);
    assert_eq!(answers[1]["ok"], false, "malformed");
    assert!(answers[2]["error"].as_str().unwrap().contains("at most"), "oversized: {}", answers[2]);
    assert_eq!(answers[3]["ok"], true, "the visible posting: {}", answers[3]);
    assert_eq!(answers[4]["job_id"], answers[0]["job_id"], "the same page saved again is one job");
    assert_eq!(answers[4]["new_job"], false);
    assert_eq!(logged.matches("refused a message").count(), 2, "{logged}");

    // The saved jobs are in the shared database like any other, their description made safe.
    let job = answers[0]["job_id"].as_i64().unwrap().to_string();
    let shown: Value =
        serde_json::from_str(&ok(crate::common::run(dir, &["--json", "jobs", "show", &job], &[]))).unwrap();
    assert_eq!(shown["title"], "Platform Engineer");
    assert_eq!(shown["company"], "Initech");
    let text = shown.to_string();
    assert!(text.contains("browser"), "{text}");
    assert!(!text.contains("<script"), "{text}");

    // Started by anything but the Jobhound extension, nothing is saved.
    let (refused, logged) =
        host(dir, &["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"], frame(visible.as_bytes()));
    assert_eq!(refused[0]["ok"], false);
    assert!(logged.contains("not the Jobhound extension"), "{logged}");
    let listed: Value = serde_json::from_str(&ok(crate::common::run(dir, &["--json", "jobs", "list"], &[]))).unwrap();
    assert_eq!(listed["total"], 2);
}

#[test]
fn firefox_starts_the_host_with_its_manifest_and_the_extension_id() {
    let data = tempfile::tempdir().unwrap();
    let (answers, _) = host(
        data.path(),
        &["/home/ada/.mozilla/native-messaging-hosts/app.jobhound.save.json", "save@jobhound.app"],
        frame(&save_with_jsonld("https://jobs.initech.example/platform")),
    );
    assert_eq!(answers[0]["ok"], true, "{answers:?}");
}

#[test]
fn a_saved_page_goes_on_the_board_when_the_person_asks_and_only_once() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let origin = format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/");
    let (saved, _) = host(dir, &[&origin], frame(&save_with_jsonld("https://jobs.initech.example/platform")));
    let job = saved[0]["job_id"].as_i64().unwrap();

    let track = |job_id: Value| json!({"type": "track", "job_id": job_id}).to_string().into_bytes();
    let mut input = frame(&track(json!(job)));
    input.extend(frame(&track(json!(job))));
    input.extend(frame(&track(json!(987_654))));
    input.extend(frame(br#"{"type": "track", "job_id": 1, "status": "offer"}"#));
    input.extend(frame(br#"{"type": "delete", "job_id": 1}"#));
    let (answers, logged) = host(dir, &[&origin], input);
    assert_eq!(answers.len(), 5, "{answers:?}");
    assert_eq!(answers[0]["ok"], true, "{}", answers[0]);
    assert_eq!(answers[0]["status"], "saved");
    assert_eq!(answers[0]["new_application"], true);
    assert_eq!(answers[1]["application_id"], answers[0]["application_id"], "tracking twice is one application");
    assert_eq!(answers[1]["new_application"], false);
    assert_eq!(answers[2]["ok"], false, "a job that does not exist: {}", answers[2]);
    assert!(answers[3]["error"].as_str().unwrap().contains("status"), "no field beyond the job: {}", answers[3]);
    assert!(answers[4]["error"].as_str().unwrap().contains("unknown message type"), "{}", answers[4]);
    assert_eq!(logged.matches("refused a message").count(), 3, "{logged}");

    let shown: Value =
        serde_json::from_str(&ok(crate::common::run(dir, &["--json", "application", "show", &job.to_string()], &[])))
            .unwrap();
    assert_eq!(shown["status"], "saved", "{shown}");
    assert_eq!(shown["timeline"].as_array().unwrap().len(), 1, "one entry, made by the person: {shown}");
    assert_eq!(shown["timeline"][0]["actor"], "you");
}

#[test]
fn the_host_is_installed_and_removed_for_a_browser_from_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".config/chromium")).unwrap();
    let home_var = home.path().to_str().unwrap();
    let cli = |args: &[&str]| crate::common::run(data.path(), args, &[("HOME", home_var)]);

    let before = ok(cli(&["browser", "status"]));
    assert!(before.contains("chromium  Chromium        not installed"), "{before}");
    assert!(before.contains("firefox   Firefox         not found on this computer"), "{before}");

    let installed: Value = serde_json::from_str(&ok(cli(&["--json", "browser", "install", "Chromium"]))).unwrap();
    assert_eq!(installed["installed"], true, "{installed}");
    assert_eq!(installed["points_at"], env!("CARGO_BIN_EXE_jobhound-cli"));
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(home.path().join(".config/chromium/NativeMessagingHosts/app.jobhound.save.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["allowed_origins"], json!([format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")]));

    let removed: Value = serde_json::from_str(&ok(cli(&["--json", "browser", "remove", "chromium"]))).unwrap();
    assert_eq!(removed["installed"], false);
    assert!(!home.path().join(".config/chromium/NativeMessagingHosts/app.jobhound.save.json").exists());

    let unknown = cli(&["browser", "install", "netscape"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("one of chrome, chromium, edge, brave, firefox"));
}
