//! Applying for a job: the applications board, resumes, cover letters, tailored resumes and the
//! language model's settings, the keyword gap against a resume, and follow-up reminders.

pub(crate) mod application_service;
pub(crate) mod applications;
pub(crate) mod follow_ups;
pub(crate) mod keyword_gap;
pub(crate) mod letter_service;
pub(crate) mod letters;
pub(crate) mod llm_settings;
pub(crate) mod resume_service;
pub(crate) mod resume_structure;
pub(crate) mod resumes;
pub(crate) mod tailor_service;
pub(crate) mod tailored;

pub use applications::{
    Actor, ApplicationDetail, ApplicationQuery, ApplicationStatus, ApplicationSummary, ApplicationUpdate, ContactInput,
};
pub use follow_ups::FollowUpReminder;
pub use keyword_gap::JobGap;
pub use letter_service::{ExportedLetter, JobInsight};
pub use letters::{CoverLetter, LetterChunk, LetterRequest};
pub use llm_settings::{LlmConnection, LlmSettings, LlmSettingsView};
pub use resume_structure::ResumeStructure;
pub use resumes::{ResumeImport, ResumeSummary};
pub use tailor_service::{ExportedResume, ResumeLayoutChoice};
pub use tailored::{TailorRequest, TailoredResume};

/// The setting keys of the writing assistant, for the CLI's `config` and tests.
pub use llm_settings::{ALLOW_HTTP_ON_PRIVATE_NETWORK, API_KEY, BASE_URL, MODEL, TEMPERATURE, TIMEOUT_SECONDS};
