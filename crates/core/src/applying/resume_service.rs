//! Importing, naming, choosing and deleting resumes.

use std::path::Path;

use chrono::Utc;

use jobhound_pipeline::resume::{ResumeSections, read_sections};

use crate::applying::resume_structure::{self, ResumeStructure};

use crate::applying::keyword_gap::{self, JobGap};
use crate::applying::resumes::{self, NewDocument, ResumeImport, ResumeSummary};
use crate::campaigns::service::rank_all;
use crate::{CoreError, Jobhound, time};

impl Jobhound {
    /// What job `job_id` asks for and where resume `resume_id` (or the job's default resume)
    /// shows it: each term present, present under another name, or missing, with a coverage.
    pub fn keyword_gap(&self, job_id: i64, resume_id: Option<i64>) -> Result<JobGap, CoreError> {
        self.store().read(|connection| keyword_gap::job_gap(connection, job_id, resume_id))
    }

    /// Imports a PDF or DOCX: its text is extracted first, so a file that cannot be read is
    /// refused before anything is stored; the same file twice is one resume.
    pub fn import_resume(&self, path: &Path, name: Option<&str>) -> Result<ResumeImport, CoreError> {
        let bytes = resumes::read_candidate(path)?;
        let file_name = path.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
        let (format, text) = self.extractor.extract(&bytes, &file_name)?;
        let sha256 = resumes::sha256_hex(&bytes);
        let wrote = resumes::write_content_addressed(&self.data_dir, &sha256, format.extension(), &bytes)?;
        let name = name
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| path.file_stem().map(|stem| stem.to_string_lossy().to_string()).unwrap_or_default());
        let now = time::now_rfc3339();
        let document = NewDocument {
            kind: "resume",
            name: &name,
            file_name: &file_name,
            format,
            sha256: &sha256,
            size_bytes: bytes.len(),
            text: &text,
        };
        let inserted = self.store().write(|tx| resumes::insert_document(tx, &document, &now));
        let (id, created) = match inserted {
            Ok(done) => done,
            Err(error) => {
                if wrote {
                    // Nothing half-way: the file goes when its row could not be stored.
                    if let Ok(file) = resumes::file_path(&self.data_dir, &sha256, format.extension()) {
                        let _ = std::fs::remove_file(file);
                    }
                }
                return Err(error);
            }
        };
        Ok(ResumeImport { resume: self.resume(id)?, already_imported: !created })
    }

    pub fn list_resumes(&self) -> Result<Vec<ResumeSummary>, CoreError> {
        self.store().read(resumes::list)
    }

    pub fn resume(&self, id: i64) -> Result<ResumeSummary, CoreError> {
        self.store().read(|connection| resumes::get(connection, id))
    }

    pub fn resume_text(&self, id: i64) -> Result<String, CoreError> {
        self.store().read(|connection| resumes::text(connection, id))
    }

    /// The resume's sections (contact, summary, experience, education, skills, projects, other):
    /// as the person corrected them, else as read from its text.
    pub fn resume_sections(&self, id: i64) -> Result<ResumeSections, CoreError> {
        Ok(self.resume_structure(id)?.sections)
    }

    /// The resume's structure with its text, and whether the person corrected it.
    pub fn resume_structure(&self, id: i64) -> Result<ResumeStructure, CoreError> {
        self.store().read(|connection| resume_structure::get(connection, id))
    }

    /// Keeps the person's correction of the structure, written as text (the editor's form).
    pub fn correct_resume_structure(&self, id: i64, text: &str) -> Result<ResumeStructure, CoreError> {
        let sections = read_sections(text);
        if sections.to_text().trim().is_empty() {
            return Err(CoreError::InvalidField { field: "text", message: "The resume is empty.".into() });
        }
        let now = time::now_rfc3339();
        self.store().write(|tx| resume_structure::correct(tx, id, &sections, &now))?;
        self.resume_structure(id)
    }

    /// Drops the correction: the structure is read from the text again.
    pub fn reset_resume_structure(&self, id: i64) -> Result<ResumeStructure, CoreError> {
        self.store().write(|tx| resume_structure::reset(tx, id))?;
        self.resume_structure(id)
    }

    pub fn rename_resume(&self, id: i64, name: &str) -> Result<ResumeSummary, CoreError> {
        self.store().write(|tx| resumes::rename(tx, id, name))?;
        self.resume(id)
    }

    /// Ranks the campaign with this resume's text (or none).
    pub fn set_campaign_resume(&self, campaign_id: i64, resume_id: Option<i64>) -> Result<(), CoreError> {
        let mut input = self.get_campaign(campaign_id)?.settings;
        input.resume_id = resume_id;
        if resume_id.is_none() {
            input.resume_text.clear();
        }
        self.update_campaign(campaign_id, &input).map(|_| ())
    }

    /// Deletes the resume and its file; campaigns that used it rank without a resume.
    pub fn delete_resume(&self, id: i64) -> Result<(), CoreError> {
        let (file, campaigns) = self.store().write(|tx| resumes::delete(tx, &self.data_dir, id))?;
        if let Err(error) = std::fs::remove_file(&file)
            && error.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!("could not remove {}: {error}", file.display());
        }
        for campaign_id in campaigns {
            rank_all(self.store(), campaign_id, Utc::now())?;
        }
        Ok(())
    }
}
