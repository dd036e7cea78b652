//! Tailoring a resume with the mock model: the answer is read as the resume's sections, every
//! version is checked for invented facts, export waits until each is edited away or confirmed,
//! and a broken or foreign answer stores nothing. The resume is a real PDF the app imports.

use std::sync::Arc;

use jobhound_core::Jobhound;
use jobhound_core::applying::{LlmSettings, ResumeLayoutChoice, TailorRequest};
use jobhound_core::resume::{ViolationKind, read_sections};
use jobhound_core::store::MemorySecrets;
use jobhound_core::your_data::ImportFrom;
use jobhound_documents::{DocumentFormat, LetterLayout, extract_text, render_pdf};
use jobhound_llm::CancellationToken;
use jobhound_llm::mock::{MOCK_MODEL, MockLlm, MockReply};

use crate::support::count;

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

const RESUME: &str = "Jane Doe\njane@example.com\nExperience\n\
    Platform Engineer, Acme GmbH | 2019 - 2024\n\
    - Ran Kubernetes clusters for 40 teams\n\
    - Built internal tooling in Python\n\
    Software Engineer, Foo Inc. | 2016 - 2019\n\
    - Maintained the billing service in Java\n\
    Skills\nPython, Kubernetes, Java";

/// The model's tailoring: reordered and rephrased, with two inventions (60 teams, Terraform).
fn answer(teams: &str, extra_skill: &str) -> String {
    let skills: Vec<&str> =
        ["Kubernetes", "Python", "Java", extra_skill].into_iter().filter(|skill| !skill.is_empty()).collect();
    serde_json::json!({
        "contact": ["Jane Doe", "jane@example.com"],
        "summary": ["Platform engineer who runs Kubernetes for many teams."],
        "experience": [
            {"title": "Platform Engineer", "organization": "Acme GmbH", "dates": "2019 - 2024",
             "bullets": [format!("Ran Kubernetes clusters for {teams} teams"), "Built internal tooling in Python"], "lines": []},
            {"title": "Software Engineer", "organization": "Foo Inc.", "dates": "2016 - 2019",
             "bullets": ["Maintained the billing service in Java"], "lines": []}
        ],
        "education": [],
        "skills": skills,
        "projects": [],
        "other": []
    })
    .to_string()
}

struct Setup {
    _dir: tempfile::TempDir,
    app: Arc<Jobhound>,
    model: MockLlm,
    job: i64,
    out: std::path::PathBuf,
}

async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(
        Jobhound::open(&dir.path().join("data"))
            .unwrap()
            .with_extractor(jobhound_documents::Extractor::InProcess)
            .with_secrets(Arc::new(MemorySecrets::default())),
    );
    let csv = format!(
        "{HEADER}\nin-1,indeed,https://www.indeed.com/viewjob?jk=1,,Platform Engineer,Globex,Berlin,2026-11-20,fulltime,,,,,,False,,,,,\"Requirements:\nKubernetes and Terraform.\",,,,,,,,,,,,,,\n"
    );
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    app.import_file(ImportFrom::Jobspy, &path).unwrap();
    let job = app.list_jobs(&Default::default()).unwrap().jobs[0].id;
    let resume = dir.path().join("cv.pdf");
    std::fs::write(&resume, render_pdf(LetterLayout { title: "CV", body: RESUME }).unwrap()).unwrap();
    app.import_resume(&resume, Some("Jane CV")).unwrap();
    let model = MockLlm::start().await.unwrap();
    app.set_llm_settings(&LlmSettings {
        base_url: model.base_url(),
        model: MOCK_MODEL.into(),
        temperature: 0.3,
        timeout_seconds: 5,
        allow_http_on_private_network: false,
    })
    .unwrap();
    app.set_llm_api_key(Some("sk-local-test")).unwrap();
    let out = dir.path().join("Jane-tailored");
    Setup { _dir: dir, app, model, job, out }
}

fn reply(model: &MockLlm, text: String) {
    model.set_default(MockReply::Text { text, word_delay: std::time::Duration::ZERO });
}

#[tokio::test]
async fn a_tailored_resume_is_checked_and_exported_only_once_every_questioned_claim_is_settled() {
    let Setup { app, model, job, out, _dir } = setup().await;
    reply(&model, answer("60", "Terraform"));
    let request = TailorRequest { job_id: job, resume_id: None, notes: String::new() };
    let mut streamed = String::new();
    let mut on_text = |chunk: &str| streamed.push_str(chunk);
    let first = app.tailor_resume(&request, &CancellationToken::new(), Some(&mut on_text)).await.unwrap();
    assert!(streamed.contains("\"experience\""), "the answer streamed");
    assert_eq!((first.version, first.origin.as_str(), first.model.as_str()), (1, "generated", MOCK_MODEL));
    assert!(first.prompt.contains("RESUME (JSON):"), "the prompt that produced it is kept: {}", first.prompt);
    let questioned: Vec<(&str, ViolationKind)> =
        first.violations.iter().map(|violation| (violation.text.as_str(), violation.kind)).collect();
    assert_eq!(questioned, [("60", ViolationKind::Number), ("Terraform", ViolationKind::Skill)]);
    assert_eq!(first.unconfirmed, 2);
    let asked = model.requests().last().unwrap().body.to_string();
    assert!(asked.contains("Maintained the billing service in Java"), "the resume's sections were sent");
    assert!(asked.contains("Terraform"), "the job's gap was sent");

    // Export waits, naming the first questioned claim; no file is written.
    let refused = app.export_tailored(first.id, DocumentFormat::Pdf, ResumeLayoutChoice::Classic, &out).unwrap_err();
    assert!(refused.to_string().starts_with("not exported: \"60\""), "{refused}");
    assert!(!out.with_extension("pdf").exists());

    // The editor's text form: the original beside it, and the check as the person types.
    assert!(first.original_text.contains("- Maintained the billing service in Java"), "{}", first.original_text);
    assert!(first.text.contains("- Ran Kubernetes clusters for 60 teams"), "{}", first.text);
    let typed = first.text.replace("for 60 teams", "for 40 teams");
    let live: Vec<String> =
        app.check_tailored_text(first.id, &typed).unwrap().into_iter().map(|violation| violation.text).collect();
    assert_eq!(live, ["Terraform"]);
    let from_text = app.save_tailored_text(first.id, &typed).unwrap();
    assert_eq!((from_text.version, from_text.unconfirmed), (2, 1));
    assert_eq!(from_text.sections.experience.len(), 2);

    // The person edits the number away (a new version) and confirms the skill.
    let mut fixed = first.sections.clone();
    fixed.experience[0].bullets[0] = "Ran Kubernetes clusters for 40 teams".into();
    let second = app.save_tailored_edit(first.id, &fixed).unwrap();
    assert_eq!((second.version, second.origin.as_str(), second.parent_id), (3, "edited", Some(first.id)));
    assert_eq!(second.unconfirmed, 1);
    assert!(app.confirm_tailored_claim(second.id, "Kafka").is_err(), "only a questioned claim is confirmed");
    let confirmed = app.confirm_tailored_claim(second.id, "Terraform").unwrap();
    assert_eq!((confirmed.unconfirmed, confirmed.confirmed.as_slice()), (0, &["Terraform".to_string()][..]));

    let exported = app.export_tailored(second.id, DocumentFormat::Pdf, ResumeLayoutChoice::Compact, &out).unwrap();
    let bytes = std::fs::read(&exported.path).unwrap();
    let (_, text) = extract_text(&bytes, "resume.pdf").unwrap();
    let sections = read_sections(&text);
    assert_eq!(sections.experience.len(), 2, "{text}");
    assert_eq!(sections.bullet_count(), 3, "{text}");
    assert_eq!(sections.experience[0].bullets[0], "Ran Kubernetes clusters for 40 teams");
    assert_eq!(sections.contact[0], "Jane Doe");
    let status: String = app
        .store()
        .read(|c| Ok(c.query_row("SELECT status FROM applications WHERE job_id = ?1", [job], |row| row.get(0))?))
        .unwrap();
    assert_eq!(status, "preparing");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application_files WHERE tailored_id IS NOT NULL"), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM documents WHERE kind = 'tailored_resume'"), 1);
    assert_eq!(app.list_resumes().unwrap().len(), 1, "an exported tailoring is not one of the person's resumes");
    let versions: Vec<i64> = app.tailored_for_job(job).unwrap().iter().map(|tailored| tailored.version).collect();
    assert_eq!(versions, [3, 2, 1]);
}

#[tokio::test]
async fn broken_cut_off_or_foreign_answers_store_nothing() {
    let Setup { app, model, job, _dir, .. } = setup().await;
    let request = TailorRequest { job_id: job, resume_id: None, notes: String::new() };
    let whole = answer("40", "");
    let foreign = whole
        .replace("Kubernetes", "Croissants")
        .replace("Platform Engineer", "Pastry Chef")
        .replace("billing service", "sourdough starter")
        .replace("Maintained", "Fed")
        .replace("internal tooling", "wedding cakes")
        .replace("Python", "Butter")
        .replace("clusters", "ovens")
        .replace("Software Engineer", "Baker")
        .replace("Acme GmbH", "Hotel Adlon")
        .replace("Foo Inc.", "Bäckerei Müller")
        .replace("Jane Doe", "Max Mustermann")
        .replace("jane@example.com", "max@example.org")
        .replace("many teams", "every guest");
    for (text, expected) in [
        ("{\"contact\": [\"Jane Doe\"], \"summary\": [".to_string(), "holds no JSON object"),
        (whole[..whole.len() / 2].to_string(), "is not the resume's sections"),
        ("Sorry, I cannot do that.".to_string(), "holds no JSON object"),
        (foreign, "is not a tailoring of this resume"),
    ] {
        reply(&model, text);
        let error = app.tailor_resume(&request, &CancellationToken::new(), None).await.unwrap_err().to_string();
        assert!(error.contains("the model's answer was not kept") && error.contains(expected), "{error}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM tailored_resumes"), 0);
}

/// The mock model's own tailoring (what the end-to-end test gets): the resume it was sent with
/// a reordered job and a summary that claims a team of 12, which the check names.
#[tokio::test]
async fn the_mock_models_tailoring_is_read_and_its_planted_claim_named() {
    let Setup { app, model, job, _dir, .. } = setup().await;
    model.set_default(MockReply::Auto { word_delay: std::time::Duration::ZERO });
    let request = TailorRequest { job_id: job, resume_id: None, notes: String::new() };
    let tailored = app.tailor_resume(&request, &CancellationToken::new(), None).await.unwrap();
    assert_eq!(tailored.sections.experience[0].bullets[0], "Built internal tooling in Python");
    let questioned: Vec<&str> = tailored.violations.iter().map(|violation| violation.text.as_str()).collect();
    assert_eq!(questioned, ["12"], "{:#?}", tailored.violations);
}

/// The person corrects how their resume was read; the correction is kept (the text is not
/// touched), is what tailoring sends, and can be dropped to go back to what was read.
#[tokio::test]
async fn a_corrected_structure_is_kept_sent_and_can_be_dropped() {
    let Setup { app, model, job, _dir, .. } = setup().await;
    let resume = app.list_resumes().unwrap()[0].id;
    let read = app.resume_structure(resume).unwrap();
    assert!(!read.corrected);
    assert_eq!(read.sections.experience[1].organization.as_deref(), Some("Foo Inc"));
    let text_before = read.text.clone();

    let fixed = read
        .sections
        .to_text()
        .replace("Software Engineer, Foo Inc. | 2016 - 2019", "Software Engineer, Foo Incorporated | 2016 - 2019");
    let corrected = app.correct_resume_structure(resume, &fixed).unwrap();
    assert!(corrected.corrected);
    assert_eq!(corrected.sections.experience[1].organization.as_deref(), Some("Foo Incorporated"));
    assert_eq!(corrected.text, text_before, "the resume's own text is never changed");
    assert_eq!(app.resume_sections(resume).unwrap(), corrected.sections);
    assert!(app.correct_resume_structure(resume, "   ").is_err(), "an empty structure is refused");

    model.set_default(MockReply::Auto { word_delay: std::time::Duration::ZERO });
    let request = TailorRequest { job_id: job, resume_id: Some(resume), notes: String::new() };
    let tailored = app.tailor_resume(&request, &CancellationToken::new(), None).await.unwrap();
    assert!(
        model.requests().last().unwrap().body.to_string().contains("Foo Incorporated"),
        "the corrected structure was sent"
    );
    let questioned: Vec<&str> = tailored.violations.iter().map(|violation| violation.text.as_str()).collect();
    assert_eq!(questioned, ["12"], "the person's correction counts as their own fact");
    assert!(tailored.original_text.contains("Foo Incorporated"), "shown beside it as corrected");

    let back = app.reset_resume_structure(resume).unwrap();
    assert!(!back.corrected);
    assert_eq!(back.sections, read.sections);
}
