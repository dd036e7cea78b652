//! The writing assistant: its settings and key, cover letters (generated, edited, exported) and
//! a quick read of a job.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jobhound_documents::{DocumentFormat, LetterLayout};
use jobhound_llm::{CancellationToken, ConnectionCheck, LlmClient, parse_insight, prompts};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::blocking;
use crate::applying::applications::{self, ApplicationStatus};
use crate::applying::letters::{self, CoverLetter, LetterRequest, NewLetter};
use crate::applying::llm_settings::{self, LlmConnection, LlmSettings, LlmSettingsView};
use crate::applying::resumes::{self, NewDocument};
use crate::{CoreError, Jobhound, time};

/// A model's quick read of a job, as stored with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobInsight {
    pub job_id: i64,
    pub resume_id: Option<i64>,
    pub summary: String,
    pub skills: Vec<String>,
    pub fits: Vec<String>,
    pub missing: Vec<String>,
    pub model: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportedLetter {
    pub path: String,
    pub application_id: i64,
    pub document_id: i64,
}

impl Jobhound {
    pub fn llm_settings(&self) -> Result<LlmSettingsView, CoreError> {
        let settings = self.store().read(llm_settings::get)?;
        Ok(llm_settings::view(settings, self.secrets.as_ref()))
    }

    pub fn set_llm_settings(&self, settings: &LlmSettings) -> Result<LlmSettingsView, CoreError> {
        self.store().write(|tx| llm_settings::set(tx, settings))?;
        self.llm_settings()
    }

    /// Stores the key in the keychain (an empty key removes it). It is never written anywhere else.
    pub fn set_llm_api_key(&self, key: Option<&str>) -> Result<LlmSettingsView, CoreError> {
        match key.map(str::trim).filter(|key| !key.is_empty()) {
            Some(key) => {
                let settings = self.store().read(llm_settings::get)?;
                llm_settings::store_key(self.secrets.as_ref(), key, &settings.base_url)?;
            }
            None => llm_settings::delete_key(self.secrets.as_ref())?,
        }
        self.llm_settings()
    }

    pub(crate) fn llm_client(&self) -> Result<LlmClient, CoreError> {
        let settings = self.store().read(|connection| {
            crate::your_data::destinations::require_confirmed(connection)?;
            llm_settings::get(connection)
        })?;
        let key = llm_settings::key_for(self.secrets.as_ref(), &settings.base_url)?;
        Ok(LlmClient::new(llm_settings::config(&settings, key))?)
    }

    pub async fn test_llm_connection(&self) -> Result<LlmConnection, CoreError> {
        let ConnectionCheck { model, reply, elapsed_ms } = self.llm_client()?.test_connection().await?;
        Ok(LlmConnection { model, reply, elapsed_ms })
    }

    /// Writes a cover letter. With `on_text`, the answer streams through it as it is written and
    /// `cancel` stops it; without, the whole answer comes at once. Only a whole letter is stored:
    /// an error or a cancel stores nothing.
    pub async fn generate_letter(
        self: &Arc<Self>,
        request: &LetterRequest,
        cancel: &CancellationToken,
        on_text: Option<&mut (dyn FnMut(&str) + Send)>,
    ) -> Result<CoverLetter, CoreError> {
        let client = self.llm_client()?;
        let app = Arc::clone(self);
        let (job_id, resume_id) = (request.job_id, request.resume_id);
        let context =
            blocking(move || app.store().read(|connection| letters::context(connection, job_id, resume_id))).await?;
        let tone =
            if request.tone.trim().is_empty() { "professional".to_string() } else { request.tone.trim().to_string() };
        let messages = prompts::cover_letter(&prompts::LetterRequest {
            job_title: &context.title,
            company: &context.company,
            location: &context.location,
            job_description: &context.description,
            resume_text: &context.resume_text,
            notes: &request.notes,
            tone: &tone,
        });
        let completion = match on_text {
            Some(on_text) => client.stream(&messages, cancel, on_text).await?,
            None => client.complete(&messages).await?,
        };
        let prompt = prompts::transcript(&messages);
        let app = Arc::clone(self);
        let notes = request.notes.clone();
        blocking(move || {
            let letter = NewLetter {
                job_id,
                origin: "generated",
                parent_id: None,
                resume_id: context.resume_id,
                text: completion.text.trim(),
                tone: &tone,
                notes: &notes,
                prompt: &prompt,
                model: &completion.model,
            };
            app.store().write(|tx| letters::insert(tx, &letter, &time::now_rfc3339()))
        })
        .await
    }

    /// Keeps the person's edit as a new version; the one it came from stays.
    pub fn save_letter_edit(&self, parent_id: i64, text: &str) -> Result<CoverLetter, CoreError> {
        if text.trim().is_empty() {
            return Err(CoreError::InvalidField { field: "text", message: "The letter is empty.".into() });
        }
        self.store().write(|tx| {
            let parent = letters::get(tx, parent_id)?;
            let letter = NewLetter {
                job_id: parent.job_id,
                origin: "edited",
                parent_id: Some(parent.id),
                resume_id: parent.resume_id,
                text: text.trim_end(),
                tone: &parent.tone,
                notes: &parent.notes,
                prompt: &parent.prompt,
                model: &parent.model,
            };
            letters::insert(tx, &letter, &time::now_rfc3339())
        })
    }

    pub fn letters_for_job(&self, job_id: i64) -> Result<Vec<CoverLetter>, CoreError> {
        self.store().read(|connection| letters::for_job(connection, job_id))
    }

    pub fn letter(&self, id: i64) -> Result<CoverLetter, CoreError> {
        self.store().read(|connection| letters::get(connection, id))
    }

    /// Renders the letter to `out` (PDF or DOCX), keeps a copy with the documents, and attaches it
    /// to the job's application (made "preparing" if there was none).
    pub fn export_letter(&self, id: i64, format: DocumentFormat, out: &Path) -> Result<ExportedLetter, CoreError> {
        let letter = self.letter(id)?;
        let (title, company): (String, String) = self.store().read(|connection| {
            Ok(connection.query_row("SELECT title, company FROM jobs WHERE id = ?1", [letter.job_id], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?)
        })?;
        let document_title = format!("Cover letter: {title} at {company}");
        let layout = LetterLayout { title: &document_title, body: &letter.text };
        let bytes = match format {
            DocumentFormat::Pdf => jobhound_documents::render_pdf(layout)?,
            DocumentFormat::Docx => jobhound_documents::render_docx(layout)?,
        };
        let out = with_extension(out, format);
        resumes::write_atomically(&out, &bytes)?;
        let sha256 = resumes::sha256_hex(&bytes);
        resumes::write_content_addressed(&self.data_dir, &sha256, format.extension(), &bytes)?;
        let file_name = out.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
        let saved_to = out.display().to_string();
        let now = time::now_rfc3339();
        let (application_id, document_id) = self.store().write(|tx| {
            let document = NewDocument {
                kind: "letter",
                name: &document_title,
                file_name: &file_name,
                format,
                sha256: &sha256,
                size_bytes: bytes.len(),
                text: &letter.text,
            };
            let (document_id, _) = resumes::insert_document(tx, &document, &now)?;
            let application_id = applications::ensure(tx, letter.job_id, ApplicationStatus::Preparing, &now)?;
            applications::remember_resume(tx, application_id, letter.resume_id)?;
            applications::attach_file(tx, application_id, document_id, Some(letter.id), &saved_to, &now)?;
            Ok((application_id, document_id))
        })?;
        Ok(ExportedLetter { path: saved_to, application_id, document_id })
    }

    /// Asks the model for a two-sentence summary, the skills asked for and how the resume fits;
    /// stored with the job (replacing an earlier one).
    pub async fn generate_insight(
        self: &Arc<Self>,
        job_id: i64,
        resume_id: Option<i64>,
    ) -> Result<JobInsight, CoreError> {
        let client = self.llm_client()?;
        let app = Arc::clone(self);
        let context =
            blocking(move || app.store().read(|connection| letters::context(connection, job_id, resume_id))).await?;
        let messages = prompts::insight(&context.title, &context.company, &context.description, &context.resume_text);
        let completion = client.complete(&messages).await?;
        let insight = parse_insight(&completion.text)?;
        let stored = JobInsight {
            job_id,
            resume_id: context.resume_id,
            summary: insight.summary,
            skills: insight.skills,
            fits: insight.fits,
            missing: insight.missing,
            model: completion.model,
            created_at: time::now_rfc3339(),
        };
        let app = Arc::clone(self);
        let row = stored.clone();
        blocking(move || {
            app.store().write(|tx| {
                tx.execute(
                    "INSERT OR REPLACE INTO job_insights (job_id, resume_id, summary, skills, fits, missing, model, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    rusqlite::params![
                        row.job_id,
                        row.resume_id,
                        row.summary,
                        serde_json::to_string(&row.skills)?,
                        serde_json::to_string(&row.fits)?,
                        serde_json::to_string(&row.missing)?,
                        row.model,
                        row.created_at
                    ],
                )?;
                Ok(())
            })
        })
        .await?;
        Ok(stored)
    }

    pub fn job_insight(&self, job_id: i64) -> Result<Option<JobInsight>, CoreError> {
        self.store().read(|connection| {
            Ok(connection
                .query_row(
                    "SELECT job_id, resume_id, summary, skills, fits, missing, model, created_at FROM job_insights WHERE job_id = ?1",
                    [job_id],
                    |row| {
                        Ok(JobInsight {
                            job_id: row.get(0)?,
                            resume_id: row.get(1)?,
                            summary: row.get(2)?,
                            skills: crate::store::json_column(row, 3)?,
                            fits: crate::store::json_column(row, 4)?,
                            missing: crate::store::json_column(row, 5)?,
                            model: row.get(6)?,
                            created_at: row.get(7)?,
                        })
                    },
                )
                .optional()?)
        })
    }
}

/// "letter" becomes "letter.pdf"; a name that already ends in the format's extension stays.
fn with_extension(path: &Path, format: DocumentFormat) -> PathBuf {
    let has = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case(format.extension()));
    if has { path.to_path_buf() } else { path.with_extension(format.extension()) }
}
