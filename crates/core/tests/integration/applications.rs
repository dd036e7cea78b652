//! Applying through the services the app and CLI call: statuses with their timeline, the warning
//! before applying twice, follow-up reminders, resumes on disk, and cover letters written by the
//! mock OpenAI-compatible server over real HTTP, exported to PDF and DOCX.

use std::sync::Arc;
use std::time::Duration;

use jobhound_core::Jobhound;
use jobhound_core::applying::LetterRequest;
use jobhound_core::applying::LlmSettings;
use jobhound_core::applying::{ApplicationQuery, ApplicationStatus, ApplicationUpdate, ContactInput};
use jobhound_core::campaigns::CampaignInput;
use jobhound_core::ingest::ingest;
use jobhound_core::sources::{SourceKind, parse};
use jobhound_core::store::{Keychain, MemorySecrets, SecretStore};
use jobhound_documents::{DocumentFormat, LetterLayout, extract_text, render_docx, render_pdf};
use jobhound_llm::CancellationToken;
use jobhound_llm::mock::{MOCK_MODEL, MockLlm, MockReply};

use crate::support::recorded as fixture;

fn open() -> (tempfile::TempDir, Arc<Jobhound>) {
    let dir = tempfile::tempdir().unwrap();
    // Resumes here are files the test made; reading them in a child is covered in your_data.
    let app = Jobhound::open(dir.path())
        .unwrap()
        .with_secrets(Arc::new(MemorySecrets::default()))
        .with_extractor(jobhound_documents::Extractor::InProcess);
    for (kind, name) in
        [(SourceKind::Greenhouse, "greenhouse-sample-1.json"), (SourceKind::Remotive, "remotive-sample-1.json")]
    {
        let postings = parse(kind, &fixture(name)).unwrap();
        app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-20T10:00:00Z")).unwrap();
    }
    (dir, Arc::new(app))
}

fn job_id(app: &Jobhound, title: &str) -> i64 {
    app.store().read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?)).unwrap()
}

fn other_company_job(app: &Jobhound) -> i64 {
    app.store()
        .read(|c| {
            Ok(c.query_row("SELECT id FROM jobs WHERE company <> 'Vercel' ORDER BY id LIMIT 1", [], |row| row.get(0))?)
        })
        .unwrap()
}

#[test]
fn every_status_change_is_kept_in_order_and_applied_at_stays() {
    let (_dir, app) = open();
    let job = job_id(&app, "Account Executive, Majors");
    app.set_application_status(job, ApplicationStatus::Saved, false).unwrap();
    let applied = app.set_application_status(job, ApplicationStatus::Applied, false).unwrap();
    let applied_at = applied.summary.applied_at.clone().expect("applied_at set");
    let detail = app.set_application_status(job, ApplicationStatus::Interviewing, false).unwrap();
    let moves: Vec<_> = detail.timeline.iter().map(|e| (e.from_status, e.to_status)).collect();
    assert_eq!(
        moves,
        vec![
            (None, ApplicationStatus::Saved),
            (Some(ApplicationStatus::Saved), ApplicationStatus::Applied),
            (Some(ApplicationStatus::Applied), ApplicationStatus::Interviewing),
        ]
    );
    assert_eq!(detail.summary.applied_at.as_deref(), Some(applied_at.as_str()));
    // Setting the same status again adds nothing.
    let again = app.set_application_status(job, ApplicationStatus::Interviewing, false).unwrap();
    assert_eq!(again.timeline.len(), 3);

    let update = ApplicationUpdate {
        notes: "Recruiter: call Tue".into(),
        follow_up_on: Some("2026-12-01".into()),
        resume_id: None,
    };
    let updated = app.update_application(detail.summary.id, &update).unwrap();
    assert_eq!(
        (updated.notes.as_str(), updated.summary.follow_up_on.as_deref()),
        ("Recruiter: call Tue", Some("2026-12-01"))
    );
    let bad = ApplicationUpdate { follow_up_on: Some("next week".into()), ..update };
    assert_eq!(app.update_application(detail.summary.id, &bad).err().and_then(|e| e.field()), Some("follow_up_on"));

    let contact = ContactInput {
        name: "Ana Ruiz".into(),
        role: "Recruiter".into(),
        email: "ana@vercel.com".into(),
        ..ContactInput::default()
    };
    let with_contact = app.add_contact(detail.summary.id, &contact).unwrap();
    assert_eq!(with_contact.contacts[0].details.name, "Ana Ruiz");
    let bad_email = ContactInput { email: "not an email".into(), ..contact };
    assert_eq!(app.add_contact(detail.summary.id, &bad_email).err().and_then(|e| e.field()), Some("email"));
    let removed = app.remove_contact(with_contact.contacts[0].id).unwrap();
    assert!(removed.contacts.is_empty());

    let listed = app
        .list_applications(&ApplicationQuery { statuses: vec![ApplicationStatus::Interviewing], ..Default::default() })
        .unwrap();
    assert_eq!(listed.iter().map(|a| a.job_id).collect::<Vec<_>>(), vec![job]);
    assert!(
        app.list_applications(&ApplicationQuery { text: Some("majors".into()), ..Default::default() }).unwrap().len()
            == 1
    );
}

#[test]
fn applying_again_to_the_same_company_for_a_similar_title_needs_confirming() {
    let (_dir, app) = open();
    let majors = job_id(&app, "Account Executive, Majors");
    let commercial = job_id(&app, "Account Executive, Commercial");
    app.set_application_status(majors, ApplicationStatus::Applied, false).unwrap();

    let warned = app.set_application_status(commercial, ApplicationStatus::Applied, false).err().unwrap();
    assert_eq!(warned.code(), "recently_applied");
    assert!(warned.to_string().contains("You already applied to Vercel for \"Account Executive, Majors\""), "{warned}");
    // Nothing was stored by the refused move.
    assert!(app.application_for_job(commercial).unwrap().is_none());
    // Saving it is fine; applying needs the confirmation.
    app.set_application_status(commercial, ApplicationStatus::Saved, false).unwrap();
    let applied = app.set_application_status(commercial, ApplicationStatus::Applied, true).unwrap();
    assert_eq!(applied.summary.status, ApplicationStatus::Applied);

    // Applying taught the campaign that ranked the job.
    let campaign = app.create_campaign(&CampaignInput { name: "AE".into(), ..Default::default() }).unwrap();
    let elsewhere = other_company_job(&app);
    app.set_application_status(elsewhere, ApplicationStatus::Saved, false).unwrap();
    assert!(app.feedback_history(campaign.id, 10).unwrap().is_empty());

    // Another company: no warning.
    assert!(app.recent_similar_applications(elsewhere).unwrap().is_empty());
    app.set_application_status(elsewhere, ApplicationStatus::Applied, false).unwrap();
    let taught: Vec<_> = app.feedback_history(campaign.id, 10).unwrap().iter().map(|f| (f.job_id, f.kind)).collect();
    assert_eq!(taught, vec![(elsewhere, jobhound_core::ranking::Feedback::Applied)]);

    // Older than 60 days: no warning.
    app.store().write(|tx| Ok(tx.execute("UPDATE applications SET applied_at = '2025-01-01T00:00:00Z'", [])?)).unwrap();
    assert!(app.recent_similar_applications(majors).unwrap().is_empty());
}

const RESUME: &str = "Jane Doe\nAccount executive. Sold developer tools to commercial customers in London.\nSkills: Salesforce, negotiation, SaaS.";

fn files_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir.join("documents"))
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn resumes_import_from_pdf_and_docx_once_and_feed_a_campaign() {
    let (dir, app) = open();
    let work = tempfile::tempdir().unwrap();
    let pdf = work.path().join("Jane Doe CV.pdf");
    std::fs::write(&pdf, render_pdf(LetterLayout { title: "CV", body: RESUME }).unwrap()).unwrap();
    let docx = work.path().join("jane.docx");
    std::fs::write(&docx, render_docx(LetterLayout { title: "CV", body: RESUME }).unwrap()).unwrap();

    let imported = app.import_resume(&pdf, None).unwrap();
    assert!(!imported.already_imported);
    assert_eq!((imported.resume.name.as_str(), imported.resume.format.as_str()), ("Jane Doe CV", "pdf"));
    let text = app.resume_text(imported.resume.id).unwrap();
    assert!(text.contains("Sold developer tools to commercial customers in London."), "{text}");
    assert_eq!(files_in(dir.path()), vec![format!("{}.pdf", imported.resume.sha256)]);

    let again = app.import_resume(&pdf, Some("Other name")).unwrap();
    assert!(again.already_imported);
    assert_eq!(again.resume.id, imported.resume.id);

    let word = app.import_resume(&docx, Some("Word CV")).unwrap();
    assert_eq!(word.resume.format, "docx");
    assert!(app.resume_text(word.resume.id).unwrap().contains("Skills: Salesforce, negotiation, SaaS."));
    assert_eq!(app.list_resumes().unwrap().len(), 2);

    // A campaign ranks with the resume's text; deleting the resume takes it away, file included.
    let campaign = app
        .create_campaign(&CampaignInput {
            name: "Sales".into(),
            resume_id: Some(imported.resume.id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(campaign.settings.resume_text, text);
    assert_eq!(app.resume(imported.resume.id).unwrap().campaigns, vec!["Sales"]);
    app.delete_resume(imported.resume.id).unwrap();
    let campaign = app.get_campaign(campaign.id).unwrap();
    assert_eq!((campaign.settings.resume_id, campaign.settings.resume_text.as_str()), (None, ""));
    assert_eq!(files_in(dir.path()), vec![format!("{}.docx", word.resume.sha256)]);
}

#[test]
fn unreadable_files_are_refused_with_a_reason_and_nothing_is_stored() {
    let (dir, app) = open();
    let work = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = work.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let scanned = write("scan.pdf", &render_pdf(LetterLayout { title: "scan", body: "" }).unwrap());
    let corrupt = write("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> trailing garbage");
    let photo = write("me.png", b"\x89PNG\r\n\x1a\nnot a resume");
    let big = work.path().join("huge.pdf");
    std::fs::File::create(&big).unwrap().set_len(21 * 1024 * 1024).unwrap();

    for (path, code, words) in [
        (&scanned, "no_text", "scanned image"),
        (&corrupt, "corrupt_file", "may be damaged"),
        (&photo, "unsupported_file", "not .png"),
        (&big, "file_too_large", "21.0 MB"),
    ] {
        let error = app.import_resume(path, None).err().unwrap();
        assert_eq!(error.code(), code, "{}: {error}", path.display());
        assert!(error.to_string().contains(words), "{error}");
    }
    assert!(app.list_resumes().unwrap().is_empty());
    assert!(files_in(dir.path()).is_empty());
}

async fn with_mock_llm(app: &Jobhound) -> MockLlm {
    let mock = MockLlm::start().await.unwrap();
    let settings = LlmSettings {
        base_url: mock.base_url(),
        model: MOCK_MODEL.into(),
        temperature: 0.3,
        timeout_seconds: 5,
        allow_http_on_private_network: false,
    };
    app.set_llm_settings(&settings).unwrap();
    app.set_llm_api_key(Some("sk-local-test")).unwrap();
    mock
}

#[tokio::test]
async fn a_streamed_letter_is_stored_whole_with_its_prompt_and_exported_to_the_application() {
    let (dir, app) = open();
    let mock = with_mock_llm(&app).await;
    let work = tempfile::tempdir().unwrap();
    let pdf = work.path().join("cv.pdf");
    std::fs::write(&pdf, render_pdf(LetterLayout { title: "CV", body: RESUME }).unwrap()).unwrap();
    let resume = app.import_resume(&pdf, None).unwrap().resume;
    let job = job_id(&app, "Account Executive, Majors");

    let request =
        LetterRequest { job_id: job, resume_id: None, notes: "Mention Salesforce.".into(), tone: "warm".into() };
    let mut pieces = Vec::new();
    let mut on_text = |piece: &str| pieces.push(piece.to_string());
    let letter = app.generate_letter(&request, &CancellationToken::new(), Some(&mut on_text)).await.unwrap();
    assert!(pieces.len() > 5);
    assert_eq!(pieces.concat().trim(), letter.text);
    assert!(letter.text.contains("I am applying for Account Executive, Majors at Vercel"), "{}", letter.text);
    assert_eq!((letter.version, letter.origin.as_str(), letter.model.as_str()), (1, "generated", MOCK_MODEL));
    assert_eq!(letter.resume_id, Some(resume.id), "the only resume is the default");
    assert!(
        letter.prompt.contains("Sold developer tools")
            && letter.prompt.contains("Mention Salesforce.")
            && letter.prompt.contains("warm tone")
    );
    let sent = &mock.requests()[0];
    assert_eq!(sent.authorization.as_deref(), Some("Bearer sk-local-test"));
    assert_eq!(sent.body["stream"], true);

    let edited =
        app.save_letter_edit(letter.id, "Dear Vercel team,\n\nI would love to sell for you.\n\nZoë Łukasz").unwrap();
    assert_eq!((edited.version, edited.origin.as_str(), edited.parent_id), (2, "edited", Some(letter.id)));
    assert_eq!(app.letters_for_job(job).unwrap().iter().map(|l| l.version).collect::<Vec<_>>(), vec![2, 1]);

    let out_pdf = app.export_letter(edited.id, DocumentFormat::Pdf, &work.path().join("letter")).unwrap();
    assert!(out_pdf.path.ends_with("letter.pdf"));
    let (_, text) = extract_text(&std::fs::read(&out_pdf.path).unwrap(), "letter.pdf").unwrap();
    assert!(text.contains("Zoë Łukasz"), "{text}");
    let out_docx = app.export_letter(edited.id, DocumentFormat::Docx, &work.path().join("letter.docx")).unwrap();
    let (_, text) = extract_text(&std::fs::read(&out_docx.path).unwrap(), "letter.docx").unwrap();
    assert!(text.contains("I would love to sell for you."));

    let application = app.application(out_pdf.application_id).unwrap();
    assert_eq!(application.summary.status, ApplicationStatus::Preparing);
    assert_eq!(application.summary.resume_id, edited.resume_id, "the letter's resume is recorded as used");
    assert!(edited.resume_id.is_some());
    let attached: Vec<_> = application.files.iter().map(|f| (f.format.as_str(), f.letter_id)).collect();
    assert_eq!(attached, vec![("pdf", Some(edited.id)), ("docx", Some(edited.id))]);
    assert_eq!(files_in(dir.path()).len(), 3, "the resume and a copy of each export");
}

#[tokio::test]
async fn a_cancelled_or_failed_letter_stores_nothing() {
    let (_dir, app) = open();
    let mock = with_mock_llm(&app).await;
    let job = job_id(&app, "Account Executive, Majors");
    let request = LetterRequest { job_id: job, ..Default::default() };

    mock.set_default(MockReply::Text { text: "word ".repeat(300), word_delay: Duration::from_millis(5) });
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    let mut seen = 0;
    let mut on_text = |_: &str| {
        seen += 1;
        if seen == 10 {
            stop.cancel();
        }
    };
    let cancelled = app.generate_letter(&request, &cancel, Some(&mut on_text)).await;
    assert_eq!(cancelled.err().map(|e| e.code()), Some(jobhound_core::ErrorCode::Cancelled));

    mock.set_default(MockReply::Status { status: 401, message: "Incorrect API key provided".into() });
    let refused = app.generate_letter(&request, &CancellationToken::new(), None).await.err().unwrap();
    assert_eq!(refused.code(), "llm_unauthorized");
    assert!(refused.to_string().contains("refused the API key"));

    mock.set_default(MockReply::Hang);
    app.set_llm_settings(&LlmSettings {
        base_url: mock.base_url(),
        model: MOCK_MODEL.into(),
        temperature: 0.3,
        timeout_seconds: 5,
        allow_http_on_private_network: false,
    })
    .unwrap();
    let slow = app.generate_letter(&request, &CancellationToken::new(), None).await.err().unwrap();
    assert_eq!(slow.code(), "llm_timeout");
    assert!(app.letters_for_job(job).unwrap().is_empty());
}

#[tokio::test]
async fn insight_is_stored_with_the_job() {
    let (_dir, app) = open();
    let _mock = with_mock_llm(&app).await;
    let job = job_id(&app, "Account Executive, Majors");
    assert!(app.job_insight(job).unwrap().is_none());
    let insight = app.generate_insight(job, None).await.unwrap();
    assert_eq!(insight.skills, vec!["Rust", "SQL"]);
    assert_eq!(app.job_insight(job).unwrap(), Some(insight));
}

#[test]
fn llm_settings_validate_and_the_key_goes_only_to_the_keychain() {
    let dir = tempfile::tempdir().unwrap();
    keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
    let app = Jobhound::open(dir.path()).unwrap().with_secrets(Arc::new(Keychain));
    let view = app.llm_settings().unwrap();
    assert_eq!((view.settings.base_url.as_str(), view.api_key_set), ("http://localhost:11434/v1", false));

    let bad = LlmSettings { base_url: "localhost:11434".into(), ..view.settings.clone() };
    assert_eq!(app.set_llm_settings(&bad).err().and_then(|e| e.field()), Some("base_url"));
    let hot = LlmSettings { temperature: 3.0, ..view.settings.clone() };
    assert_eq!(app.set_llm_settings(&hot).err().and_then(|e| e.field()), Some("temperature"));

    let secret = "sk-never-in-sqlite-4242";
    let view = app.set_llm_api_key(Some(secret)).unwrap();
    assert_eq!((view.api_key_set, view.api_key_source.as_str()), (true, "keychain"));
    assert_eq!(Keychain.get("llm.api_key").unwrap().as_deref(), Some(secret));
    assert!(!serde_json::to_string(&view).unwrap().contains(secret));
    drop(app);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "the key reached a file");
    }
    let app = Jobhound::open(dir.path()).unwrap().with_secrets(Arc::new(Keychain));
    assert!(!app.set_llm_api_key(None).unwrap().api_key_set);
    assert_eq!(Keychain.get("llm.api_key").unwrap(), None);
}
