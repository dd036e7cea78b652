//! Tailoring a resume to a job with the person's model: the resume's sections and the job's gap
//! are sent, the answer is read strictly as the same sections, and every version is checked for
//! invented facts; export waits until each questioned claim is edited away or confirmed.

use std::path::Path;
use std::sync::Arc;

use jobhound_documents::{DocumentFormat, ResumeBlock, ResumeLayout, ResumeStyle};
use jobhound_llm::{CancellationToken, prompts};
use jobhound_pipeline::resume::{
    ResumeSections, TermStatus, Violation, check_fabrication, employer_gap, read_sections, read_tailored,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::blocking;
use crate::applying::applications::{self, ApplicationStatus};
use crate::applying::letters;
use crate::applying::resume_structure;
use crate::applying::resumes::{self, NewDocument};
use crate::applying::tailored::{self, NewTailored, TailorRequest, TailoredResume};
use crate::{CoreError, Jobhound, time};

/// How an exported resume is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResumeLayoutChoice {
    Classic,
    Compact,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportedResume {
    pub path: String,
    pub application_id: i64,
    pub document_id: i64,
}

impl Jobhound {
    /// Tailors the resume to the job. With `on_text`, the answer streams through it and `cancel`
    /// stops it. Only an answer that reads as this resume's sections is stored: a broken, cut off
    /// or foreign answer is refused with the reason and nothing is kept.
    pub async fn tailor_resume(
        self: &Arc<Self>,
        request: &TailorRequest,
        cancel: &CancellationToken,
        on_text: Option<&mut (dyn FnMut(&str) + Send)>,
    ) -> Result<TailoredResume, CoreError> {
        let client = self.llm_client()?;
        let app = Arc::clone(self);
        let (job_id, resume_id) = (request.job_id, request.resume_id);
        let context =
            blocking(move || app.store().read(|connection| letters::context(connection, job_id, resume_id))).await?;
        let Some(resume_id) = context.resume_id else {
            return Err(CoreError::InvalidInput("import a resume first: there is nothing to tailor".into()));
        };
        let store = Arc::clone(&self.store);
        let original =
            blocking(move || store.read(|connection| resume_structure::get(connection, resume_id))).await?.sections;
        let posting = format!("{}\n{}", context.title, context.description);
        let gap: Vec<String> = employer_gap(&posting, &context.resume_text, &context.company)
            .terms
            .into_iter()
            .filter(|term| term.status != TermStatus::Present)
            .map(|term| term.term)
            .collect();
        let sections_json = serde_json::to_string_pretty(&original)?;
        let messages = prompts::tailor_resume(&prompts::TailorRequest {
            job_title: &context.title,
            company: &context.company,
            job_description: &context.description,
            sections_json: &sections_json,
            gap: &gap,
            notes: &request.notes,
        });
        let completion = match on_text {
            Some(on_text) => client.stream(&messages, cancel, on_text).await?,
            None => client.complete(&messages).await?,
        };
        let sections = read_tailored(&completion.text, &original)
            .map_err(|refusal| CoreError::InvalidInput(format!("the model's answer was not kept: {refusal}")))?;
        let prompt = prompts::transcript(&messages);
        let app = Arc::clone(self);
        let notes = request.notes.clone();
        blocking(move || {
            let new = NewTailored {
                job_id,
                origin: "generated",
                parent_id: None,
                resume_id: Some(resume_id),
                sections: &sections,
                notes: &notes,
                confirmed: &[],
                prompt: &prompt,
                model: &completion.model,
            };
            app.store().write(|tx| tailored::insert(tx, &new, &time::now_rfc3339()))
        })
        .await
    }

    /// Keeps the person's edit of a tailored resume as a new version; the one it came from stays,
    /// and claims confirmed there stay confirmed.
    pub fn save_tailored_edit(&self, parent_id: i64, sections: &ResumeSections) -> Result<TailoredResume, CoreError> {
        if sections.to_text().trim().is_empty() {
            return Err(CoreError::InvalidField { field: "sections", message: "The resume is empty.".into() });
        }
        self.store().write(|tx| {
            let parent = tailored::get(tx, parent_id)?;
            let new = NewTailored {
                job_id: parent.job_id,
                origin: "edited",
                parent_id: Some(parent.id),
                resume_id: parent.resume_id,
                sections,
                notes: &parent.notes,
                confirmed: &parent.confirmed,
                prompt: &parent.prompt,
                model: &parent.model,
            };
            tailored::insert(tx, &new, &time::now_rfc3339())
        })
    }

    /// Keeps the person's edit, written as text (the editor's form of the sections), as a new
    /// version.
    pub fn save_tailored_text(&self, parent_id: i64, text: &str) -> Result<TailoredResume, CoreError> {
        self.save_tailored_edit(parent_id, &read_sections(text))
    }

    /// What the check finds in `text` as an edit of version `id` (nothing is stored): for the
    /// editor to mark claims as the person types.
    pub fn check_tailored_text(&self, id: i64, text: &str) -> Result<Vec<Violation>, CoreError> {
        let (facts, notes) = self.store().read(|connection| tailored::facts_for_edit(connection, id))?;
        Ok(check_fabrication(&facts, &read_sections(text).to_text(), &notes))
    }

    /// Marks a claim the check questioned as true ("I really did this"), so export may go ahead.
    pub fn confirm_tailored_claim(&self, id: i64, claim: &str) -> Result<TailoredResume, CoreError> {
        self.store().write(|tx| {
            let tailored = tailored::get(tx, id)?;
            if !tailored.violations.iter().any(|violation| violation.text == claim) {
                return Err(CoreError::InvalidInput(format!("\"{claim}\" is not a claim the check questioned")));
            }
            tailored::confirm(tx, id, claim)
        })?;
        self.tailored_resume(id)
    }

    pub fn tailored_resume(&self, id: i64) -> Result<TailoredResume, CoreError> {
        self.store().read(|connection| tailored::get(connection, id))
    }

    pub fn tailored_for_job(&self, job_id: i64) -> Result<Vec<TailoredResume>, CoreError> {
        self.store().read(|connection| tailored::for_job(connection, job_id))
    }

    /// The version, when no claim the check questioned is left unconfirmed; else the refusal,
    /// naming the first.
    pub fn exportable_tailored(&self, id: i64) -> Result<TailoredResume, CoreError> {
        let tailored = self.tailored_resume(id)?;
        if let Some(first) = tailored.violations.iter().find(|violation| !tailored.confirmed.contains(&violation.text))
        {
            return Err(CoreError::InvalidInput(format!(
                "not exported: \"{}\" ({}); edit it away or confirm it, {} in all",
                first.text, first.reason, tailored.unconfirmed
            )));
        }
        Ok(tailored)
    }

    /// Renders the tailored resume to `out` (PDF or DOCX, in `layout`), keeps a copy with the
    /// documents and attaches it to the job's application. Refused while a claim the check
    /// questioned is neither edited away nor confirmed; the refusal names the first.
    pub fn export_tailored(
        &self,
        id: i64,
        format: DocumentFormat,
        layout: ResumeLayoutChoice,
        out: &Path,
    ) -> Result<ExportedResume, CoreError> {
        let tailored = self.exportable_tailored(id)?;
        let title: String = self.store().read(|connection| {
            Ok(connection.query_row("SELECT title FROM jobs WHERE id = ?1", [tailored.job_id], |row| row.get(0))?)
        })?;
        let document_title = format!("Resume for {title}");
        let blocks = blocks(&tailored.sections);
        let style = match layout {
            ResumeLayoutChoice::Classic => ResumeStyle::Classic,
            ResumeLayoutChoice::Compact => ResumeStyle::Compact,
        };
        let rendered = ResumeLayout { title: &document_title, style, blocks: &blocks };
        let bytes = match format {
            DocumentFormat::Pdf => jobhound_documents::render_resume_pdf(rendered)?,
            DocumentFormat::Docx => jobhound_documents::render_resume_docx(rendered)?,
        };
        let out = out.with_extension(format.extension());
        resumes::write_atomically(&out, &bytes)?;
        let sha256 = resumes::sha256_hex(&bytes);
        resumes::write_content_addressed(&self.data_dir, &sha256, format.extension(), &bytes)?;
        let file_name = out.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
        let saved_to = out.display().to_string();
        let text = tailored.sections.to_text();
        let now = time::now_rfc3339();
        let (application_id, document_id) = self.store().write(|tx| {
            let document = NewDocument {
                kind: "tailored_resume",
                name: &document_title,
                file_name: &file_name,
                format,
                sha256: &sha256,
                size_bytes: bytes.len(),
                text: &text,
            };
            let (document_id, _) = resumes::insert_document(tx, &document, &now)?;
            let application_id = applications::ensure(tx, tailored.job_id, ApplicationStatus::Preparing, &now)?;
            applications::remember_resume(tx, application_id, tailored.resume_id)?;
            applications::attach_file(tx, application_id, document_id, None, &saved_to, &now)?;
            tx.execute(
                "UPDATE application_files SET tailored_id = ?2 WHERE application_id = ?1 AND document_id = ?3",
                rusqlite::params![application_id, tailored.id, document_id],
            )?;
            Ok((application_id, document_id))
        })?;
        Ok(ExportedResume { path: saved_to, application_id, document_id })
    }
}

/// The sections as blocks in reading order: name and contact line, then each section under its
/// standard heading.
fn blocks(sections: &ResumeSections) -> Vec<ResumeBlock> {
    let mut blocks = Vec::new();
    if let Some((name, contact)) = sections.contact.split_first() {
        blocks.push(ResumeBlock::Name(name.clone()));
        if !contact.is_empty() {
            blocks.push(ResumeBlock::Contact(contact.join(" | ")));
        }
    }
    if !sections.summary.is_empty() {
        blocks.push(ResumeBlock::Heading("Summary".into()));
        blocks.extend(sections.summary.iter().cloned().map(ResumeBlock::Text));
    }
    let entries = |heading: &str, entries: &[jobhound_pipeline::resume::ResumeEntry], blocks: &mut Vec<ResumeBlock>| {
        if entries.is_empty() {
            return;
        }
        blocks.push(ResumeBlock::Heading(heading.into()));
        for entry in entries {
            blocks.extend(entry.header().into_iter().map(ResumeBlock::Entry));
            blocks.extend(entry.bullets.iter().cloned().map(ResumeBlock::Bullet));
        }
    };
    entries("Experience", &sections.experience, &mut blocks);
    entries("Education", &sections.education, &mut blocks);
    if !sections.skills.is_empty() {
        blocks.push(ResumeBlock::Heading("Skills".into()));
        blocks.push(ResumeBlock::Text(sections.skills.join(", ")));
    }
    entries("Projects", &sections.projects, &mut blocks);
    for other in &sections.other {
        blocks.push(ResumeBlock::Heading(other.heading.clone()));
        blocks.extend(other.lines.iter().cloned().map(ResumeBlock::Text));
    }
    blocks
}
