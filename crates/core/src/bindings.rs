//! TypeScript types for everything that crosses IPC, generated with ts-rs into
//! `ui/src/lib/bindings/`. The test below fails when the committed files drift from the Rust types;
//! `UPDATE_BINDINGS=1 cargo test -p jobhound-core bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::ingest::watched::{FetchReport, WatchedSource};
use crate::search::jobs::{JobDetail, JobPage, JobQuery};
use crate::your_data::demo::DemoImport;
use crate::{AppStatus, ErrorPayload, SourceOverview};

/// Writes every IPC type (and the types they use) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    // Ids and counts stay far below 2^53, so `number` is exact and easier to use than `bigint`.
    let config = Config::new().with_out_dir(dir).with_large_int("number");
    AppStatus::export_all(&config)?;
    JobQuery::export_all(&config)?;
    JobPage::export_all(&config)?;
    JobDetail::export_all(&config)?;
    WatchedSource::export_all(&config)?;
    FetchReport::export_all(&config)?;
    DemoImport::export_all(&config)?;
    ErrorPayload::export_all(&config)?;
    jobhound_sources::SourceKind::export_all(&config)?;
    SourceOverview::export_all(&config)?;
    crate::ingest::liveness::RecheckReport::export_all(&config)?;
    crate::campaigns::model::Campaign::export_all(&config)?;
    crate::campaigns::model::CampaignInput::export_all(&config)?;
    crate::campaigns::matches::Match::export_all(&config)?;
    crate::campaigns::matches::MatchQuery::export_all(&config)?;
    crate::campaigns::matches::RankCounts::export_all(&config)?;
    crate::campaigns::matches::WeightsChange::export_all(&config)?;
    crate::ranking::Feedback::export_all(&config)?;
    crate::campaigns::matches::CampaignScore::export_all(&config)?;
    crate::campaigns::matches::FeedbackEntry::export_all(&config)?;
    crate::campaigns::run::RunEvent::export_all(&config)?;
    crate::ingest::runs::RunRecord::export_all(&config)?;
    crate::campaigns::service::CampaignStatus::export_all(&config)?;
    crate::alerts::digests::Digest::export_all(&config)?;
    crate::store::settings::AppSettings::export_all(&config)?;
    crate::alerts::webhook::PendingWebhook::export_all(&config)?;
    crate::applying::applications::ApplicationStatus::export_all(&config)?;
    crate::applying::applications::ApplicationSummary::export_all(&config)?;
    crate::applying::applications::ApplicationDetail::export_all(&config)?;
    crate::applying::applications::ApplicationQuery::export_all(&config)?;
    crate::applying::applications::ApplicationUpdate::export_all(&config)?;
    crate::applying::applications::ContactInput::export_all(&config)?;
    crate::applying::resumes::ResumeSummary::export_all(&config)?;
    crate::applying::resumes::ResumeImport::export_all(&config)?;
    crate::applying::letters::CoverLetter::export_all(&config)?;
    crate::applying::letters::LetterRequest::export_all(&config)?;
    crate::applying::letters::LetterChunk::export_all(&config)?;
    crate::applying::llm_settings::LlmConnection::export_all(&config)?;
    crate::applying::letter_service::JobInsight::export_all(&config)?;
    crate::applying::letter_service::ExportedLetter::export_all(&config)?;
    crate::your_data::backup::BackupReport::export_all(&config)?;
    crate::your_data::backup::RestoreReport::export_all(&config)?;
    crate::your_data::destinations::Destinations::export_all(&config)?;
    crate::your_data::export::ExportFormat::export_all(&config)?;
    crate::your_data::export::ExportReport::export_all(&config)?;
    crate::your_data::forget::DeletedJob::export_all(&config)?;
    crate::your_data::forget::ForgetReport::export_all(&config)?;
    crate::your_data::import::ImportFrom::export_all(&config)?;
    crate::your_data::import::ImportReport::export_all(&config)?;
    crate::your_data::import::ImportProgress::export_all(&config)?;
    crate::search::filters::JobFilters::export_all(&config)?;
    crate::search::filters::JobSort::export_all(&config)?;
    crate::search::saved_views::SavedView::export_all(&config)?;
    crate::applying::skill_fit::SkillFit::export_all(&config)?;
    crate::search::dashboard::Dashboard::export_all(&config)?;
    crate::applying::llm_settings::LlmSettings::export_all(&config)?;
    crate::applying::llm_settings::LlmSettingsView::export_all(&config)?;
    crate::applying::follow_ups::FollowUpReminder::export_all(&config)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn read_dir(dir: &std::path::Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "ts"))
                    .map(|entry| {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(entry.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn committed_typescript_bindings_match_the_rust_types() {
        let committed_dir =
            PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()))
                .join("../../ui/src/lib/bindings");
        let fresh = tempfile::tempdir().unwrap();
        super::export_all(fresh.path()).unwrap();
        let generated = read_dir(fresh.path());
        assert!(generated.len() > 5, "bindings were generated");

        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(&committed_dir).unwrap();
            for old in read_dir(&committed_dir).keys() {
                std::fs::remove_file(committed_dir.join(old)).unwrap();
            }
            for (name, text) in &generated {
                std::fs::write(committed_dir.join(name), text).unwrap();
            }
            return;
        }
        let committed = read_dir(&committed_dir);
        assert_eq!(
            committed.keys().collect::<Vec<_>>(),
            generated.keys().collect::<Vec<_>>(),
            "binding files differ; run UPDATE_BINDINGS=1 cargo test -p jobhound-core bindings"
        );
        for (name, text) in &generated {
            assert_eq!(
                &committed[name], text,
                "{name} is stale; run UPDATE_BINDINGS=1 cargo test -p jobhound-core bindings"
            );
        }
    }
}
