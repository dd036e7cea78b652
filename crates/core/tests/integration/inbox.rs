//! The inbox end to end against a real Dovecot: replies matched to applications and proposed,
//! only new UIDs on the next check, a renumbered folder read again without duplicates, a vanished
//! folder, a wrong password, a connection cut mid-fetch that the next check resumes, a 20 MB
//! message, reviews, the auto-apply setting and forgetting.

use std::sync::Arc;

use jobhound_core::Jobhound;
use jobhound_core::applying::ApplicationStatus;
use jobhound_core::inbox::records::Review;
use jobhound_core::inbox::settings::InboxSettings;
use jobhound_core::ingest::ingest;
use jobhound_core::sources::{SourceKind, parse};
use jobhound_core::store::MemorySecrets;
use jobhound_inbox::MailStatus;
use jobhound_inbox::imap::{MailboxSettings, Security};
use jobhound_inbox::test_server::{CuttingProxy, PASSWORD, ServerOptions, TestMailServer, USER};

use crate::support::{count, recorded};

struct Fixture {
    _dir: tempfile::TempDir,
    app: Arc<Jobhound>,
    server: TestMailServer,
    vercel: i64,
    kobo: i64,
}

fn job_id(app: &Jobhound, title: &str) -> i64 {
    app.store().read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?)).unwrap()
}

fn mailbox(port: u16, folders: &[&str]) -> MailboxSettings {
    MailboxSettings {
        host: "127.0.0.1".into(),
        port,
        user: USER.into(),
        security: Security::Plain,
        folders: folders.iter().map(|folder| folder.to_string()).collect(),
    }
}

fn connect(app: &Jobhound, port: u16, folders: &[&str], auto_apply: bool) {
    let settings =
        InboxSettings { mailbox: mailbox(port, folders), enabled: true, since: None, auto_apply, ask_model: false };
    app.set_inbox_settings(&settings, Some(PASSWORD)).unwrap();
}

/// Two applications (Vercel, applied; KoboToolbox, applied) and a mailbox connected to them.
fn fixture(auto_apply: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap().with_secrets(Arc::new(MemorySecrets::default()));
    for (kind, name) in
        [(SourceKind::Greenhouse, "greenhouse-sample-1.json"), (SourceKind::Remotive, "remotive-sample-1.json")]
    {
        let postings = parse(kind, &recorded(name)).unwrap();
        app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-20T10:00:00Z")).unwrap();
    }
    let vercel = job_id(&app, "Account Executive, Majors");
    let kobo = job_id(&app, "Frontend Web Application Developer");
    for job in [vercel, kobo] {
        app.set_application_status(job, ApplicationStatus::Applied, true).unwrap();
    }
    let server = TestMailServer::start(ServerOptions::default()).unwrap();
    connect(&app, server.port(), &[], auto_apply);
    Fixture { _dir: dir, app: Arc::new(app), server, vercel, kobo }
}

fn email(id: &str, from: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\nTo: ada@example.com\nSubject: {subject}\nDate: {date}\nMessage-ID: <{id}@mail.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}\n",
        date = chrono::Utc::now().to_rfc2822(),
    )
    .into_bytes()
}

fn confirmation() -> Vec<u8> {
    email(
        "confirm",
        "Vercel Recruiting <no-reply@us.greenhouse-mail.io>",
        "Thank you for applying to Vercel",
        "Hi Ada,\n\nThank you for your interest in Vercel! We have received your application for Account Executive, Majors and our team will review it.",
    )
}

fn rejection() -> Vec<u8> {
    email(
        "reject",
        "Vercel Recruiting <no-reply@us.greenhouse-mail.io>",
        "Your application to Vercel",
        "Hi Ada,\n\nThank you for applying for the Account Executive, Majors role. Unfortunately, we have decided to move forward with other candidates whose experience more closely matches our needs.",
    )
}

fn job_alert() -> Vec<u8> {
    email(
        "alert",
        "Greenhouse <no-reply@greenhouse.io>",
        "New jobs you might like",
        "Jobs matching your job alert: Software Engineer at Initech. Unsubscribe from this job alert at any time.",
    )
}

fn invitation(day: &str) -> Vec<u8> {
    email(
        "invite",
        "Tino <tino@kobotoolbox.org>",
        "Interview for Frontend Web Application Developer",
        &format!(
            "Hello Ada,\n\nWe would like to invite you to an interview for the Frontend Web Application Developer role at KoboToolbox. Would {day} at 15:00 UTC work for a video call?"
        ),
    )
}

fn statuses(app: &Jobhound, job: i64) -> ApplicationStatus {
    app.application_for_job(job).unwrap().unwrap().summary.status
}

#[tokio::test]
async fn replies_are_matched_classified_and_proposed_and_the_next_check_reads_only_new_ones() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &confirmation()).unwrap();
    fx.server.deliver("INBOX", &job_alert()).unwrap();
    fx.server.deliver("INBOX", &rejection()).unwrap();

    let report = fx.app.check_inbox().await.unwrap();
    assert_eq!(report.messages_seen, 3);
    assert_eq!(report.matched, 2, "the confirmation and the rejection; the job alert is about no application");
    assert_eq!(report.proposals.len(), 1);
    let proposal = &report.proposals[0];
    assert_eq!((proposal.status, proposal.kind), (ApplicationStatus::Rejected, MailStatus::Rejected));
    assert_eq!(proposal.subject, "Your application to Vercel");
    assert!(!proposal.applied_itself);
    // Nothing moves by itself; the job alert is not kept.
    assert_eq!(statuses(&fx.app, fx.vercel), ApplicationStatus::Applied);
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 2);
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages WHERE subject LIKE '%jobs you might%'"), 0);
    assert_eq!(count(&fx.app, "SELECT MAX(length(snippet)) <= 500 FROM inbox_messages"), 1);

    // The timeline has both; the review list only the rejection.
    let application = fx.app.application_for_job(fx.vercel).unwrap().unwrap();
    let timeline = fx.app.application_messages(application.summary.id).unwrap();
    assert_eq!(
        timeline.iter().map(|message| message.kind).collect::<Vec<_>>(),
        [MailStatus::Received, MailStatus::Rejected]
    );
    assert_eq!(timeline[0].review, Review::Noted);
    assert!(timeline[1].evidence.contains("move forward with other candidates"), "{}", timeline[1].evidence);
    let pending = fx.app.inbox_review().unwrap();
    assert_eq!(pending.len(), 1);

    // The next check reads only what arrived since.
    let interview = chrono::Utc::now().date_naive() + chrono::Duration::days(9);
    fx.server.deliver("INBOX", &invitation(&interview.format("%A, %-d %B %Y").to_string())).unwrap();
    let second = fx.app.check_inbox().await.unwrap();
    assert_eq!(second.messages_seen, 1);
    assert_eq!(second.matched, 1);
    assert_eq!(second.proposals[0].status, ApplicationStatus::Interviewing);
    let third = fx.app.check_inbox().await.unwrap();
    assert_eq!((third.messages_seen, third.matched), (0, 0));

    // Accepting moves the application and appends to its timeline; the invitation's day becomes
    // the follow-up.
    let rejection_id = pending[0].id;
    let accepted = fx.app.accept_inbox_proposal(rejection_id).unwrap();
    assert_eq!(accepted.review, Review::Accepted);
    let detail = fx.app.application_for_job(fx.vercel).unwrap().unwrap();
    assert_eq!(detail.summary.status, ApplicationStatus::Rejected);
    assert_eq!(detail.timeline.last().unwrap().to_status, ApplicationStatus::Rejected);
    assert!(fx.app.accept_inbox_proposal(rejection_id).is_err(), "a proposal is reviewed once");

    let invitation = fx.app.inbox_review().unwrap().into_iter().next().unwrap();
    assert_eq!(invitation.interview_on, Some(interview.to_string()));
    fx.app.accept_inbox_proposal(invitation.id).unwrap();
    let kobo = fx.app.application_for_job(fx.kobo).unwrap().unwrap();
    assert_eq!(kobo.summary.status, ApplicationStatus::Interviewing);
    assert_eq!(kobo.summary.follow_up_on, Some(interview.to_string()));
    assert!(fx.app.inbox_review().unwrap().is_empty());
}

#[tokio::test]
async fn a_renumbered_folder_is_read_again_without_duplicates() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &rejection()).unwrap();
    let first = fx.app.check_inbox().await.unwrap();
    assert_eq!(first.matched, 1);
    fx.server.renumber("INBOX", 4242).unwrap();
    fx.server.deliver("INBOX", &invitation("tomorrow")).unwrap();
    let second = fx.app.check_inbox().await.unwrap();
    assert!(second.folders[0].renumbered);
    assert_eq!(second.messages_seen, 2, "both read again under the new UIDVALIDITY");
    assert_eq!(second.matched, 1, "the rejection was kept already");
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 2);
    assert_eq!(count(&fx.app, "SELECT uid_validity FROM inbox_folders WHERE folder = 'INBOX'"), 4242);
}

#[tokio::test]
async fn a_folder_that_disappears_is_reported_and_the_others_still_read() {
    let mut fx = fixture(false);
    fx.server.create_folder("Jobs").unwrap();
    fx.server.deliver("INBOX", &rejection()).unwrap();
    connect(&fx.app, fx.server.port(), &["Jobs", "INBOX"], false);
    fx.app.check_inbox().await.unwrap();
    fx.server.remove_folder("Jobs").unwrap();
    fx.server.deliver("INBOX", &invitation("tomorrow")).unwrap();
    let report = fx.app.check_inbox().await.unwrap();
    let jobs = report.folders.iter().find(|folder| folder.folder == "Jobs").unwrap();
    assert!(jobs.error.as_deref().unwrap().contains("\"Jobs\" is not in this mailbox"), "{:?}", jobs.error);
    assert_eq!(report.matched, 1, "INBOX was still read");
}

#[tokio::test]
async fn a_wrong_password_is_a_clear_error_and_loses_nothing() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &rejection()).unwrap();
    fx.app.check_inbox().await.unwrap();
    let settings = fx.app.inbox_settings().unwrap().settings.unwrap();
    fx.app.set_inbox_settings(&settings, Some("wrong")).unwrap();
    let error = fx.app.check_inbox().await.unwrap_err();
    assert_eq!(error.code().as_str(), "inbox_login_refused");
    assert!(error.to_string().contains("refused the user name or app password"), "{error}");
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 1);
    assert_eq!(count(&fx.app, "SELECT last_uid FROM inbox_folders"), 1);
}

#[tokio::test]
async fn a_password_is_never_sent_to_another_server_than_its_own() {
    let fx = fixture(false);
    let mut settings = fx.app.inbox_settings().unwrap().settings.unwrap();
    // A restored backup (or anything else) that points the mailbox elsewhere.
    settings.mailbox.host = "localhost".into();
    fx.app.store().write(|tx| jobhound_core::inbox::settings::set(tx, &settings)).unwrap();
    let error = fx.app.check_inbox().await.unwrap_err();
    assert_eq!(error.code().as_str(), "key_for_another_address", "{error}");
}

#[tokio::test]
async fn a_connection_cut_mid_fetch_keeps_what_arrived_and_the_next_check_resumes() {
    let mut fx = fixture(false);
    let padding = "We received your application and will be in touch. ".repeat(40);
    for n in 0..8 {
        let raw = email(
            &format!("n{n}"),
            "Vercel Recruiting <no-reply@us.greenhouse-mail.io>",
            &format!("Update {n} on your application to Vercel"),
            &format!("Hi Ada, thank you for applying to Vercel. {padding}"),
        );
        fx.server.deliver("INBOX", &raw).unwrap();
    }
    let proxy = CuttingProxy::start(fx.server.port(), 9_000).await.unwrap();
    connect(&fx.app, proxy.port, &[], false);
    let error = fx.app.check_inbox().await.unwrap_err();
    assert_eq!(error.code().as_str(), "inbox_unreachable", "{error}");
    let kept = count(&fx.app, "SELECT COUNT(*) FROM inbox_messages");
    assert!((1..8).contains(&kept), "{kept} kept before the cut");
    assert_eq!(count(&fx.app, "SELECT last_uid FROM inbox_folders"), kept);
    let after_cut = fx.app.inbox_settings().unwrap();
    assert!(after_cut.last_checked_at.is_none(), "a check cut short is not the last check");
    assert!(after_cut.last_error.is_some());
    // The proxy passes later connections whole: the next check reads only the rest.
    let report = fx.app.check_inbox().await.unwrap();
    assert_eq!(i64::from(report.messages_seen), 8 - kept);
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 8);
    assert!(fx.app.inbox_settings().unwrap().last_checked_at.is_some());
}

#[tokio::test]
async fn a_twenty_megabyte_message_is_read_from_its_header_and_first_part() {
    let mut fx = fixture(false);
    let line = "QUJD".repeat(19);
    let attachment: String = std::iter::repeat_n(format!("{line}\n"), 20 * 1024 * 1024 / 77 + 1).collect();
    let raw = format!(
        "From: Vercel Recruiting <no-reply@us.greenhouse-mail.io>\nSubject: Your offer from Vercel\nDate: {}\nMessage-ID: <big@mail.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XYZ\"\n\n--XYZ\nContent-Type: text/plain; charset=utf-8\n\nHi Ada, we are delighted to offer you the Account Executive, Majors position at Vercel. Your offer letter is attached.\n--XYZ\nContent-Type: application/pdf; name=offer.pdf\nContent-Transfer-Encoding: base64\n\n{attachment}--XYZ--\n",
        chrono::Utc::now().to_rfc2822()
    );
    fx.server.deliver("INBOX", raw.as_bytes()).unwrap();
    let report = fx.app.check_inbox().await.unwrap();
    assert_eq!(report.proposals.len(), 1);
    assert_eq!(report.proposals[0].status, ApplicationStatus::Offer);
    let stored: i64 = count(&fx.app, "SELECT length(snippet) + length(subject) + length(evidence) FROM inbox_messages");
    assert!(stored < 2_000, "{stored} characters kept");
}

#[tokio::test]
async fn sure_proposals_apply_themselves_when_allowed_and_a_rejection_archives_nothing() {
    let mut fx = fixture(true);
    fx.server.deliver("INBOX", &rejection()).unwrap();
    let report = fx.app.check_inbox().await.unwrap();
    let rejection = &report.proposals[0];
    assert!(rejection.applied_itself, "sure: {}", rejection.confidence);
    assert_eq!(statuses(&fx.app, fx.vercel), ApplicationStatus::Rejected);
    assert!(fx.app.inbox_review().unwrap().is_empty());
}

#[tokio::test]
async fn a_proposal_can_be_dismissed_taken_back_and_changed() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &invitation("tomorrow")).unwrap();
    let report = fx.app.check_inbox().await.unwrap();
    let invite = &report.proposals[0];
    assert!(!invite.applied_itself);
    let dismissed = fx.app.dismiss_inbox_proposal(invite.message_id).unwrap();
    assert_eq!(dismissed.review, Review::Dismissed);
    assert!(fx.app.inbox_review().unwrap().is_empty());
    assert_eq!(statuses(&fx.app, fx.kobo), ApplicationStatus::Applied);
    fx.app.reopen_inbox_proposal(invite.message_id).unwrap();
    assert_eq!(fx.app.inbox_review().unwrap().len(), 1);
    let changed = fx.app.change_inbox_proposal(invite.message_id, ApplicationStatus::Offer).unwrap();
    assert_eq!((changed.review, changed.chosen_status), (Review::Changed, Some(ApplicationStatus::Offer)));
    assert_eq!(statuses(&fx.app, fx.kobo), ApplicationStatus::Offer);
}

#[tokio::test]
async fn deleting_an_application_or_forgetting_everything_removes_its_messages() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &rejection()).unwrap();
    fx.server.deliver("INBOX", &invitation("tomorrow")).unwrap();
    fx.app.check_inbox().await.unwrap();
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 2);
    let vercel = fx.app.application_for_job(fx.vercel).unwrap().unwrap().summary.id;
    fx.app.delete_application(vercel).unwrap();
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 1);
    fx.app.forget_everything().unwrap();
    assert_eq!(count(&fx.app, "SELECT COUNT(*) FROM inbox_messages"), 0);
    assert!(!fx.app.inbox_settings().unwrap().password_set, "the app password left the keychain");
}

#[tokio::test]
async fn two_checks_never_run_at_once() {
    let fx = fixture(false);
    let (first, second) = tokio::join!(fx.app.check_inbox(), fx.app.check_inbox());
    let codes: Vec<&str> = [&first, &second]
        .iter()
        .filter_map(|result| result.as_ref().err())
        .map(|error| error.code().as_str())
        .collect();
    assert_eq!(codes, ["inbox_busy"]);
}

#[derive(Default)]
struct Watcher {
    checks: std::sync::Mutex<Vec<Result<u32, String>>>,
}

impl jobhound_core::alerts::NotificationSink for Watcher {
    fn show(&self, _digest: &jobhound_core::alerts::Digest) -> Result<(), String> {
        Ok(())
    }
    fn remind(&self, _reminder: &jobhound_core::applying::FollowUpReminder) -> Result<(), String> {
        Ok(())
    }
}

impl jobhound_core::campaigns::RunObserver for Watcher {
    fn event(&self, _event: &jobhound_core::campaigns::RunEvent) {}
    fn inbox_checked(&self, result: &Result<jobhound_core::inbox::check::InboxCheckReport, String>) {
        self.checks.lock().unwrap().push(result.as_ref().map(|report| report.matched).map_err(Clone::clone));
    }
}

#[tokio::test]
async fn the_scheduler_checks_a_connected_mailbox_on_its_timer_and_not_again_too_soon() {
    let mut fx = fixture(false);
    fx.server.deliver("INBOX", &rejection()).unwrap();
    let watcher = Arc::new(Watcher::default());
    let scheduler = jobhound_core::campaigns::Scheduler::new(
        Arc::clone(&fx.app),
        Arc::new(jobhound_core::campaigns::SystemClock),
        watcher.clone(),
        watcher.clone(),
    );
    scheduler.tick().await.unwrap();
    for _ in 0..200 {
        if !watcher.checks.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(*watcher.checks.lock().unwrap(), vec![Ok(1)]);
    // Within the interval, the next tick leaves the mailbox alone.
    scheduler.tick().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(watcher.checks.lock().unwrap().len(), 1);
    assert!(fx.app.inbox_settings().unwrap().last_error.is_none());
}

#[tokio::test]
async fn what_the_rules_are_unsure_of_goes_to_the_persons_model_when_allowed() {
    use jobhound_core::applying::LlmSettings;
    use jobhound_llm::mock::{MOCK_MODEL, MockLlm};
    let mut fx = fixture(false);
    let llm = MockLlm::start().await.unwrap();
    fx.app
        .set_llm_settings(&LlmSettings {
            base_url: llm.base_url(),
            model: MOCK_MODEL.into(),
            temperature: 0.2,
            timeout_seconds: 30,
            allow_http_on_private_network: false,
        })
        .unwrap();
    let soft_no = email(
        "soft-no",
        "Vercel Talent <talent@vercel.com>",
        "Following up on Account Executive, Majors",
        "Hi Ada, thanks for your time last week. We have gone with someone whose background is closer to what the team needs right now. We will keep your details on file.",
    );
    fx.server.deliver("INBOX", &soft_no).unwrap();
    let mut settings = fx.app.inbox_settings().unwrap().settings.unwrap();

    // Without leave, the rules' unsure reading stands and nothing goes to the model.
    let report = fx.app.check_inbox().await.unwrap();
    assert_eq!(report.matched, 1);
    assert!(report.proposals.is_empty(), "{:?}", report.proposals);
    assert_eq!(llm.requests().len(), 0);

    settings.ask_model = true;
    fx.app.set_inbox_settings(&settings, None).unwrap();
    fx.app.store().write(|tx| Ok(tx.execute_batch("DELETE FROM inbox_messages; DELETE FROM inbox_folders;")?)).unwrap();
    let report = fx.app.check_inbox().await.unwrap();
    assert_eq!(report.proposals.len(), 1);
    assert_eq!(report.proposals[0].status, ApplicationStatus::Rejected);
    assert!(!report.proposals[0].applied_itself);
    let kept = fx.app.inbox_review().unwrap().remove(0);
    assert_eq!(kept.decided_by, "model");
    assert!(kept.evidence.contains("We have gone with someone"), "{}", kept.evidence);
    let asked = llm.requests();
    assert_eq!(asked.len(), 1);
    assert!(asked[0].body.to_string().contains("EMAIL TEXT"), "the message went to the model");
}
