//! `config`, `resume`, `application` and `letter` as a script would use them, with the language
//! model served by the mock OpenAI-compatible server over real HTTP.

use std::path::Path;
use std::process::Output;

use crate::common::ok;
use jobhound_documents::{LetterLayout, extract_text, render_pdf};
use jobhound_llm::mock::{MOCK_MODEL, MockLlm};
use serde_json::Value;

fn cli(data_dir: &Path, args: &[&str]) -> Output {
    crate::common::run(data_dir, args, &[("JOBHOUND_LLM_API_KEY", "sk-from-env")])
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_resume_write_a_letter_export_it_and_track_the_application() {
    let mock = MockLlm::start().await.unwrap();
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let base_url = mock.base_url();
    let work = tempfile::tempdir().unwrap();
    let resume_path = work.path().join("Jane CV.pdf");
    let body = "Jane Doe\nAccount executive selling developer tools to commercial customers in London.";
    std::fs::write(&resume_path, render_pdf(LetterLayout { title: "CV", body }).unwrap()).unwrap();
    let out = work.path().join("letter.pdf");
    let (resume_arg, out_arg) = (resume_path.display().to_string(), out.display().to_string());

    let steps = tokio::task::spawn_blocking(move || {
        ok(cli(&dir, &["demo"]));
        let imported: Value =
            serde_json::from_str(&ok(cli(&dir, &["resume", "import", &resume_arg, "--json"]))).unwrap();
        assert_eq!(keys(&imported), vec!["chars", "id", "name", "sha256"]);
        assert_eq!(imported["name"], "Jane CV");
        assert_eq!(imported["sha256"].as_str().map(str::len), Some(64));
        let resume_id = imported["id"].as_i64().unwrap().to_string();
        assert!(ok(cli(&dir, &["resume", "show", &resume_id])).contains("developer tools to commercial customers"));
        let shown: Value = serde_json::from_str(&ok(cli(&dir, &["resume", "show", &resume_id, "--json"]))).unwrap();
        assert_eq!(keys(&shown), vec!["id", "sections", "text"]);
        assert_eq!(
            keys(&shown["sections"]),
            vec!["contact", "education", "experience", "other", "projects", "skills", "summary"]
        );
        assert!(shown["sections"]["contact"][0].as_str().unwrap().contains("Jane Doe"), "{shown}");
        let listed: Value = serde_json::from_str(&ok(cli(&dir, &["resume", "list", "--json"]))).unwrap();
        assert_eq!(listed.as_array().map(Vec::len), Some(1));

        ok(cli(&dir, &["config", "set", "llm.base_url", &base_url]));
        ok(cli(&dir, &["config", "set", "llm.model", MOCK_MODEL]));
        assert_eq!(ok(cli(&dir, &["config", "get", "llm.model"])).trim(), MOCK_MODEL);
        assert_eq!(ok(cli(&dir, &["config", "get", "llm.api_key"])).trim(), "set (environment)");
        let unknown = cli(&dir, &["config", "set", "llm.colour", "blue"]);
        assert_eq!(unknown.status.code(), Some(2));
        let bad_url = cli(&dir, &["config", "set", "llm.base_url", "localhost"]);
        assert_eq!(bad_url.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&bad_url.stderr).contains("is not an http(s) address"));

        let jobs: Value = serde_json::from_str(&ok(cli(&dir, &["jobs", "list", "--limit", "1", "--json"]))).unwrap();
        let job = jobs["jobs"][0]["id"].as_i64().unwrap().to_string();
        let title = jobs["jobs"][0]["title"].as_str().unwrap().to_string();
        let gap: Value =
            serde_json::from_str(&ok(cli(&dir, &["resume", "gap", "--resume", &resume_id, "--job", &job, "--json"])))
                .unwrap();
        assert_eq!(keys(&gap), vec!["coverage", "terms"]);
        let coverage = gap["coverage"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&coverage), "{gap}");
        for term in gap["terms"].as_array().unwrap() {
            assert_eq!(keys(term), vec!["kind", "required", "status", "term", "where"], "{term}");
            assert!(["present", "alias", "missing"].contains(&term["status"].as_str().unwrap()), "{term}");
        }
        let human = ok(cli(&dir, &["resume", "gap", "--resume", &resume_id, "--job", &job]));
        assert!(human.starts_with("coverage "), "{human}");
        let no_job = cli(&dir, &["resume", "gap", "--resume", &resume_id, "--job", "999999"]);
        assert_ne!(no_job.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&no_job.stderr).contains("job 999999 was not found"));
        let letter: Value = serde_json::from_str(&ok(cli(
            &dir,
            &["letter", "generate", "--job", &job, "--resume", &resume_id, "--notes", "Keep it short", "--json"],
        )))
        .unwrap();
        assert_eq!(keys(&letter), vec!["id", "text"]);
        assert!(letter["text"].as_str().unwrap().contains(&title));
        let letter_id = letter["id"].as_i64().unwrap().to_string();

        let exported = ok(cli(&dir, &["letter", "export", &letter_id, "--format", "pdf", "--out", &out_arg]));
        assert!(exported.contains("attached it to application"), "{exported}");
        let applications: Value = serde_json::from_str(&ok(cli(&dir, &["application", "list", "--json"]))).unwrap();
        assert_eq!(applications[0]["status"], "preparing");

        ok(cli(&dir, &["application", "set-status", &job, "applied"]));
        let shown = ok(cli(&dir, &["application", "show", &job]));
        assert!(shown.contains("new -> preparing") && shown.contains("preparing -> applied"), "{shown}");
        let wrong = cli(&dir, &["application", "set-status", &job, "ghosted"]);
        assert_eq!(wrong.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&wrong.stderr).contains("use one of saved, preparing, applied"));
        let missing = cli(&dir, &["resume", "import", "/nonexistent/cv.pdf"]);
        assert_ne!(missing.status.code(), Some(0));
    })
    .await;
    steps.unwrap();

    let (_, text) = extract_text(&std::fs::read(&out).unwrap(), "letter.pdf").unwrap();
    assert!(text.starts_with("Dear hiring team,"), "{text}");
    let request = mock.requests().into_iter().find(|r| r.path.ends_with("/chat/completions")).unwrap();
    assert_eq!(request.authorization.as_deref(), Some("Bearer sk-from-env"));
    assert!(request.body.get("stream").is_none_or(|s| s == false), "the CLI asks for the whole answer");
    let prompt = request.body["messages"][1]["content"].as_str().unwrap();
    assert!(prompt.contains("Keep it short") && prompt.contains("commercial customers in London"));
}

#[test]
fn a_resume_that_would_crash_its_reader_is_one_line_on_stderr_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("loop.pdf", jobhound_documents::crafted::self_drawing_form()),
        ("tree.pdf", jobhound_documents::crafted::page_tree_its_own_parent()),
        ("bomb.docx", jobhound_documents::crafted::inflating_docx(96 << 20)),
    ] {
        let path = work.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = cli(dir.path(), &["resume", "import", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("could not be read") && !stderr.contains("panicked"), "{stderr}");
    }
    let listed: Value = serde_json::from_str(&ok(cli(dir.path(), &["resume", "list", "--json"]))).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(0), "nothing was stored");
}

/// `resume tailor` prints the tailored sections with the claims the check questions, and
/// `resume export-tailored` refuses (exit 2, one line naming the first) until each is confirmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tailor_a_resume_confirm_what_was_questioned_and_export_it() {
    let mock = MockLlm::start().await.unwrap();
    let tailored = serde_json::json!({
        "contact": ["Jane Doe"],
        "summary": ["Account executive who grew London sales of developer tools by 25%."],
        "experience": [{"title": "Account Executive", "organization": "Toolsmiths Ltd", "dates": "2020 - 2024",
            "bullets": ["Sold developer tools to commercial customers in London"], "lines": []}],
        "education": [], "skills": [], "projects": [], "other": []
    });
    mock.set_default(jobhound_llm::mock::MockReply::Text {
        text: tailored.to_string(),
        word_delay: std::time::Duration::ZERO,
    });
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let base_url = mock.base_url();
    let work = tempfile::tempdir().unwrap();
    let resume_path = work.path().join("cv.pdf");
    let body = "Jane Doe\nExperience\nAccount Executive, Toolsmiths Ltd | 2020 - 2024\n\
        - Sold developer tools to commercial customers in London";
    std::fs::write(&resume_path, render_pdf(LetterLayout { title: "CV", body }).unwrap()).unwrap();
    let out = work.path().join("tailored.pdf");
    let (resume_arg, out_arg) = (resume_path.display().to_string(), out.display().to_string());
    tokio::task::spawn_blocking(move || {
        ok(cli(&dir, &["demo"]));
        let imported: Value =
            serde_json::from_str(&ok(cli(&dir, &["resume", "import", &resume_arg, "--json"]))).unwrap();
        let resume = imported["id"].as_i64().unwrap().to_string();
        ok(cli(&dir, &["config", "set", "llm.base_url", &base_url]));
        ok(cli(&dir, &["config", "set", "llm.model", MOCK_MODEL]));
        let jobs: Value = serde_json::from_str(&ok(cli(&dir, &["jobs", "list", "--limit", "1", "--json"]))).unwrap();
        let job = jobs["jobs"][0]["id"].as_i64().unwrap().to_string();

        let result: Value =
            serde_json::from_str(&ok(cli(&dir, &["resume", "tailor", "--resume", &resume, "--job", &job, "--json"])))
                .unwrap();
        assert_eq!(keys(&result), vec!["id", "sections", "violations"]);
        assert_eq!(result["sections"]["experience"][0]["organization"], "Toolsmiths Ltd");
        let violations = result["violations"].as_array().unwrap();
        assert_eq!(violations.len(), 1, "{result}");
        assert_eq!(keys(&violations[0]), vec!["kind", "reason", "text"]);
        assert_eq!((violations[0]["text"].as_str(), violations[0]["kind"].as_str()), (Some("25%"), Some("number")));
        let id = result["id"].as_i64().unwrap().to_string();

        let refused = cli(&dir, &["resume", "export-tailored", &id, "--format", "pdf", "--out", &out_arg]);
        assert_eq!(refused.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("\"25%\""), "{stderr}");
        assert!(!std::path::Path::new(&out_arg).exists());

        let confirmed: Value =
            serde_json::from_str(&ok(cli(&dir, &["resume", "confirm", &id, "--claim", "25%", "--json"]))).unwrap();
        assert_eq!(confirmed["violations"].as_array().map(Vec::len), Some(0));
        let layout_wrong =
            cli(&dir, &["resume", "export-tailored", &id, "--format", "pdf", "--out", &out_arg, "--layout", "fancy"]);
        assert_eq!(layout_wrong.status.code(), Some(2));
        ok(cli(&dir, &["resume", "export-tailored", &id, "--format", "pdf", "--out", &out_arg, "--layout", "compact"]));
    })
    .await
    .unwrap();
    let (_, text) = extract_text(&std::fs::read(&out).unwrap(), "tailored.pdf").unwrap();
    assert!(text.contains("• Sold developer tools to commercial customers in London"), "{text}");
    assert!(text.starts_with("Jane Doe"), "{text}");
}
