import type { ApplicationDetail } from '$lib/bindings/ApplicationDetail';
import type { JobGap } from '$lib/bindings/JobGap';
import type { ResumeStructure } from '$lib/bindings/ResumeStructure';
import type { ExportedResume } from '$lib/bindings/ExportedResume';
import type { ResumeLayoutChoice } from '$lib/bindings/ResumeLayoutChoice';
import type { TailoredResume } from '$lib/bindings/TailoredResume';
import type { TailorRequest } from '$lib/bindings/TailorRequest';
import type { Violation } from '$lib/bindings/Violation';
import type { ApplicationQuery } from '$lib/bindings/ApplicationQuery';
import type { ApplicationStatus } from '$lib/bindings/ApplicationStatus';
import type { ApplicationSummary } from '$lib/bindings/ApplicationSummary';
import type { ApplicationUpdate } from '$lib/bindings/ApplicationUpdate';
import type { ContactInput } from '$lib/bindings/ContactInput';
import type { CoverLetter } from '$lib/bindings/CoverLetter';
import type { ExportedLetter } from '$lib/bindings/ExportedLetter';
import type { JobInsight } from '$lib/bindings/JobInsight';
import type { LetterRequest } from '$lib/bindings/LetterRequest';
import type { LlmConnection } from '$lib/bindings/LlmConnection';
import type { LlmSettings } from '$lib/bindings/LlmSettings';
import type { LlmSettingsView } from '$lib/bindings/LlmSettingsView';
import type { ResumeImport } from '$lib/bindings/ResumeImport';
import type { ResumeSummary } from '$lib/bindings/ResumeSummary';

export type LetterFormat = 'pdf' | 'docx';

/** Applying: applications, resumes, the writing assistant and cover letters. */
export interface ApplyingClient {
	listApplications(query: ApplicationQuery): Promise<ApplicationSummary[]>;
	getApplication(id: number): Promise<ApplicationDetail>;
	applicationForJob(jobId: number): Promise<ApplicationDetail | null>;
	/**
	 * Creates the job's application when it has none. Fails with `recently_applied` when the
	 * person applied to the same company for a similar title lately, unless `confirmed`.
	 */
	setApplicationStatus(
		jobId: number,
		status: ApplicationStatus,
		confirmed: boolean
	): Promise<ApplicationDetail>;
	updateApplication(id: number, update: ApplicationUpdate): Promise<ApplicationDetail>;
	deleteApplication(id: number): Promise<void>;
	addContact(applicationId: number, contact: ContactInput): Promise<ApplicationDetail>;
	updateContact(id: number, contact: ContactInput): Promise<ApplicationDetail>;
	removeContact(id: number): Promise<ApplicationDetail>;
	/** Imports a resume from a path on disk (a dropped file). */
	importResume(path: string, name: string | null): Promise<ResumeImport>;
	/** Opens the OS file picker and imports the chosen file; null when the person cancelled. */
	pickResume(): Promise<ResumeImport | null>;
	listResumes(): Promise<ResumeSummary[]>;
	resumeText(id: number): Promise<string>;
	/** The resume's structure (as corrected, else as read from its text) with its text. */
	resumeStructure(id: number): Promise<ResumeStructure>;
	/** Keeps a correction of the structure, written as text; the resume's own text never changes. */
	correctResumeStructure(id: number, text: string): Promise<ResumeStructure>;
	/** Drops the correction: the structure is read from the text again. */
	resetResumeStructure(id: number): Promise<ResumeStructure>;
	/** What the job asks for and where the resume (the one named, else the job's default) shows it. */
	keywordGap(jobId: number, resumeId?: number | null): Promise<JobGap>;
	renameResume(id: number, name: string): Promise<ResumeSummary>;
	/** Removes the resume and its file; campaigns using it lose its text and are ranked again. */
	deleteResume(id: number): Promise<void>;
	setCampaignResume(campaignId: number, resumeId: number | null): Promise<void>;
	llmSettings(): Promise<LlmSettingsView>;
	setLlmSettings(settings: LlmSettings): Promise<LlmSettingsView>;
	/** Stores the key in the OS keychain; null removes it. The key is never read back. */
	setLlmApiKey(key: string | null): Promise<LlmSettingsView>;
	testLlmConnection(): Promise<LlmConnection>;
	/** Streams the letter's text to `onText` as it is written; resolves with the stored letter. */
	generateLetter(request: LetterRequest, onText: (text: string) => void): Promise<CoverLetter>;
	/** Stops the job's letter being written; nothing is stored. */
	cancelLetter(jobId: number): Promise<boolean>;
	saveLetterEdit(parentId: number, text: string): Promise<CoverLetter>;
	/** Every version, newest first. */
	lettersForJob(jobId: number): Promise<CoverLetter[]>;
	/** Asks where to save it (OS save dialog), exports and attaches it; null when cancelled. */
	exportLetterAs(id: number, format: LetterFormat, fileName: string): Promise<ExportedLetter | null>;
	/** Streams the tailored resume's JSON to `onText` as it is written; resolves with the stored, checked version. */
	tailorResume(request: TailorRequest, onText: (text: string) => void): Promise<TailoredResume>;
	/** Stops the job's tailoring; nothing is stored. */
	cancelTailoring(jobId: number): Promise<boolean>;
	/** Every version, newest first, each checked against its resume. */
	tailoredForJob(jobId: number): Promise<TailoredResume[]>;
	/** Keeps the editor's text as a new version. */
	saveTailoredText(parentId: number, text: string): Promise<TailoredResume>;
	/** What the fabrication check finds in an edit not saved yet. */
	checkTailoredText(id: number, text: string): Promise<Violation[]>;
	/** Confirms a questioned claim as true ("I really did this"). */
	confirmTailoredClaim(id: number, claim: string): Promise<TailoredResume>;
	/** Asks where to save it, exports and attaches it; refused while a questioned claim remains; null when cancelled. */
	exportTailoredAs(
		id: number,
		format: LetterFormat,
		layout: ResumeLayoutChoice,
		fileName: string
	): Promise<ExportedResume | null>;
	jobInsight(jobId: number): Promise<JobInsight | null>;
	generateInsight(jobId: number, resumeId: number | null): Promise<JobInsight>;
	/** Calls `handler` when a follow-up reminder asks to open an application. */
	onOpenApplication(handler: (applicationId: number) => void): Promise<() => void>;
	/** Calls `handler` while files are dragged over the window (`over`) and when they are dropped. */
	onFileDrop(handler: (drop: FileDrop) => void): Promise<() => void>;
}

export type FileDrop = { kind: 'over' } | { kind: 'leave' } | { kind: 'drop'; paths: string[] };
