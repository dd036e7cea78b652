import { vi } from 'vitest';
import type { ApiClient } from '$lib/api';
import type { InboxMessage } from '$lib/bindings/InboxMessage';
import type { InboxSettingsView } from '$lib/bindings/InboxSettingsView';
import type { ApplicationDetail } from '$lib/bindings/ApplicationDetail';
import type { ApplicationSummary } from '$lib/bindings/ApplicationSummary';
import type { CoverLetter } from '$lib/bindings/CoverLetter';
import type { LlmSettingsView } from '$lib/bindings/LlmSettingsView';
import type { ResumeSummary } from '$lib/bindings/ResumeSummary';
import type { Campaign } from '$lib/bindings/Campaign';
import type { CampaignScore } from '$lib/bindings/CampaignScore';
import type { JobDetail } from '$lib/bindings/JobDetail';
import type { JobSummary } from '$lib/bindings/JobSummary';
import type { Weights } from '$lib/bindings/Weights';
import type { WatchedSource } from '$lib/bindings/WatchedSource';

export function watched(overrides: Partial<WatchedSource> = {}): WatchedSource {
	return {
		id: 1,
		kind: 'greenhouse',
		param: 'vercel',
		name: 'vercel',
		created_at: '2026-11-20T10:00:00Z',
		last_fetch_at: null,
		last_success_at: null,
		last_error: null,
		last_error_kind: null,
		consecutive_failures: 0,
		jobs_seen_last: null,
		job_count: 0,
		last_jobs_at: null,
		days_without_jobs: null,
		warnings: [],
		description: "Greenhouse board 'vercel'",
		...overrides
	};
}

export function jobDetail(overrides: Partial<JobDetail> = {}): JobDetail {
	return {
		id: 4,
		title: 'Rust Engineer',
		company: 'Acme',
		locations: ['Berlin'],
		remote: null,
		employment_type: null,
		salary: null,
		posted_at: null,
		url: 'https://www.adzuna.de/details/42',
		apply_url: null,
		description_html: '<p>Build things</p>',
		skills: [],
		first_seen_at: '2026-11-20T10:00:00Z',
		last_seen_at: '2026-11-20T10:00:00Z',
		closed_at: null,
		seniority: 'senior',
		countries: ['DE'],
		postings: [
			{
				source: 'adzuna',
				source_job_id: '42',
				url: 'https://www.adzuna.de/details/42',
				first_seen_at: '2026-11-20T10:00:00Z'
			}
		],
		scores: [],
		...overrides
	} as JobDetail;
}

export function summary(overrides: Partial<JobSummary> = {}): JobSummary {
	return {
		id: 1,
		title: 'Account Executive, Commercial',
		company: 'Vercel',
		locations: ['London'],
		remote: 'hybrid',
		salary: null,
		posted_at: '2026-08-06T16:50:10Z',
		first_seen_at: '2026-11-20T10:00:00Z',
		sources: ['greenhouse'],
		score: null,
		...overrides
	};
}

export function weights(overrides: Partial<Weights> = {}): Weights {
	return {
		keywords: 3,
		skills: 2.5,
		resume: 2,
		location: 2,
		salary: 1.5,
		seniority: 1.5,
		employment_type: 1,
		recency: 1,
		company: 0.5,
		...overrides
	};
}

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
	return {
		id: 7,
		name: 'Rust jobs',
		profile: {
			keywords: ['rust'],
			excluded_keywords: [],
			locations: [],
			remote: 'any',
			salary_floor: null,
			salary_currency: null,
			seniority: [],
			employment_types: [],
			skills: [],
			liked_companies: [],
			blocked_companies: [],
			weights: weights()
		},
		base_weights: weights(),
		resume_text: '',
		source_ids: [],
		interval_minutes: 360,
		notify_threshold: 70,
		quiet_start: null,
		quiet_end: null,
		webhook_url: null,
		active: true,
		next_run_at: null,
		created_at: '2026-11-20T10:00:00Z',
		updated_at: '2026-11-20T10:00:00Z',
		...overrides
	};
}

export function campaignScore(overrides: Partial<CampaignScore> = {}): CampaignScore {
	return {
		campaign_id: 7,
		campaign: 'Rust jobs',
		score: 82,
		explanation: {
			score: 82,
			filtered: null,
			factors: [
				{ name: 'keywords', value: 1, points: 28.6, evidence: 'title has rust' },
				{ name: 'salary', value: 0.5, points: 7.1, evidence: 'no salary stated' }
			]
		},
		filtered: null,
		hidden: false,
		feedback: null,
		...overrides
	};
}

export function application(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
	return {
		id: 3,
		job_id: 1,
		title: 'Account Executive, Commercial',
		company: 'Vercel',
		location_text: 'London',
		status: 'saved',
		resume_id: null,
		applied_at: null,
		follow_up_on: null,
		best_score: 82,
		created_at: '2026-11-20T10:00:00Z',
		updated_at: '2026-11-20T10:00:00Z',
		...overrides
	};
}

export function applicationDetail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
	return {
		...application(),
		notes: '',
		timeline: [
			{ from_status: null, to_status: 'saved', created_at: '2026-11-20T10:00:00Z', actor: 'you', note: null }
		],
		contacts: [],
		files: [],
		...overrides
	};
}

export function resume(overrides: Partial<ResumeSummary> = {}): ResumeSummary {
	return {
		id: 4,
		name: 'Ada CV',
		file_name: 'ada.pdf',
		format: 'pdf',
		sha256: 'a'.repeat(64),
		size_bytes: 48_213,
		chars: 2_345,
		campaigns: [],
		created_at: '2026-11-20T10:00:00Z',
		...overrides
	};
}

export function letter(overrides: Partial<CoverLetter> = {}): CoverLetter {
	return {
		id: 9,
		job_id: 1,
		version: 1,
		origin: 'generated',
		parent_id: null,
		resume_id: 4,
		text: 'Dear Vercel team,\n\nI would like to join.',
		tone: 'professional',
		notes: '',
		prompt: 'system: write a letter',
		model: 'mock-gpt',
		created_at: '2026-11-20T10:00:00Z',
		...overrides
	};
}

export function llmSettingsView(overrides: Partial<LlmSettingsView> = {}): LlmSettingsView {
	return {
		api_key_set: false,
		api_key_source: 'none',
		keychain_error: null,
		api_key_origin: null,
		base_url: 'http://localhost:11434/v1',
		model: 'llama3.1',
		temperature: 0.7,
		timeout_seconds: 120,
		allow_http_on_private_network: false,
		...overrides
	};
}

export function inboxSettingsView(overrides: Partial<InboxSettingsView> = {}): InboxSettingsView {
	return {
		settings: null,
		password_set: false,
		password_source: 'none',
		keychain_error: null,
		last_checked_at: null,
		last_attempt_at: null,
		last_error: null,
		...overrides
	};
}

export function inboxMessage(overrides: Partial<InboxMessage> = {}): InboxMessage {
	return {
		id: 1,
		application_id: 7,
		job_id: 3,
		job_title: 'Data Engineer',
		company: 'Acme',
		application_status: 'applied',
		sender: 'Acme Recruiting <no-reply@us.greenhouse-mail.io>',
		subject: 'Your application to Acme',
		sent_at: '2026-12-04T09:30:00+00:00',
		snippet: 'Thank you for applying. Unfortunately, we have decided to move forward with other candidates.',
		kind: 'rejected',
		confidence: 0.85,
		evidence: 'Unfortunately, we have decided to move forward with other candidates.',
		decided_by: 'rules',
		matched_by: 'company',
		interview_on: null,
		proposed_status: 'rejected',
		review: 'pending',
		chosen_status: null,
		reviewed_at: null,
		created_at: '2026-12-04T10:00:00Z',
		...overrides
	};
}

/** A client whose every method is a spy; tests override the ones they exercise. */
export function fakeClient(overrides: Partial<ApiClient> = {}): ApiClient {
	const unexpected = (name: string) => vi.fn(() => Promise.reject(new Error(`unexpected call: ${name}`)));
	return {
		appStatus: unexpected('appStatus'),
		listJobs: vi.fn(() => Promise.resolve({ jobs: [], total: 0, total_capped: false })),
		getJob: unexpected('getJob'),
		listSources: vi.fn(() => Promise.resolve([])),
		addSource: unexpected('addSource'),
		addSourceFromUrl: unexpected('addSourceFromUrl'),
		discoverSources: unexpected('discoverSources'),
		sourceRecipe: vi.fn(() => Promise.resolve(null)),
		recipePage: unexpected('recipePage'),
		previewRecipe: unexpected('previewRecipe'),
		saveRecipe: unexpected('saveRecipe'),
		sourcesOverview: vi.fn(() => Promise.resolve([])),
		setSourceKey: unexpected('setSourceKey'),
		setLinkedinEnabled: unexpected('setLinkedinEnabled'),
		removeSource: unexpected('removeSource'),
		refreshSource: unexpected('refreshSource'),
		recheckJob: unexpected('recheckJob'),
		importDemo: unexpected('importDemo'),
		openExternal: vi.fn(() => Promise.resolve()),
		campaignDefaults: unexpected('campaignDefaults'),
		listCampaigns: vi.fn(() => Promise.resolve([])),
		createCampaign: unexpected('createCampaign'),
		updateCampaign: unexpected('updateCampaign'),
		duplicateCampaign: unexpected('duplicateCampaign'),
		deleteCampaign: unexpected('deleteCampaign'),
		setCampaignActive: unexpected('setCampaignActive'),
		setCampaignWeights: unexpected('setCampaignWeights'),
		rankCampaign: unexpected('rankCampaign'),
		giveFeedback: unexpected('giveFeedback'),
		undoFeedback: unexpected('undoFeedback'),
		resetCampaignWeights: unexpected('resetCampaignWeights'),
		feedbackHistory: vi.fn(() => Promise.resolve([])),
		runCampaignNow: unexpected('runCampaignNow'),
		cancelCampaignRun: unexpected('cancelCampaignRun'),
		runAllCampaigns: unexpected('runAllCampaigns'),
		runningCampaigns: vi.fn(() => Promise.resolve([])),
		campaignStatus: vi.fn((id: number) =>
			Promise.resolve({ campaign: campaign({ id }), runs: [], pending_webhooks: [] })
		),
		appSettings: vi.fn(() =>
			Promise.resolve({
				close_to_tray: true,
				notifications: true,
				start_at_login: false,
				check_for_updates: true,
				assistant_may_write: false
			})
		),
		setAppSettings: vi.fn((settings) => Promise.resolve(settings)),
		updateStatus: vi.fn(() =>
			Promise.resolve({ updater_built_in: true, current_version: '0.1.0', last_checked: null })
		),
		checkForUpdate: vi.fn(() => Promise.resolve(null)),
		installUpdate: unexpected('installUpdate'),
		onUpdateAvailable: vi.fn(() => Promise.resolve(() => {})),
		onUpdateProgress: vi.fn(() => Promise.resolve(() => {})),
		onRunEvent: vi.fn(() => Promise.resolve(() => {})),
		onOpenCampaign: vi.fn(() => Promise.resolve(() => {})),
		listApplications: vi.fn(() => Promise.resolve([])),
		getApplication: unexpected('getApplication'),
		applicationForJob: vi.fn(() => Promise.resolve(null)),
		setApplicationStatus: unexpected('setApplicationStatus'),
		updateApplication: unexpected('updateApplication'),
		deleteApplication: unexpected('deleteApplication'),
		addContact: unexpected('addContact'),
		updateContact: unexpected('updateContact'),
		removeContact: unexpected('removeContact'),
		importResume: unexpected('importResume'),
		pickResume: unexpected('pickResume'),
		listResumes: vi.fn(() => Promise.resolve([])),
		resumeText: unexpected('resumeText'),
		renameResume: unexpected('renameResume'),
		deleteResume: unexpected('deleteResume'),
		setCampaignResume: unexpected('setCampaignResume'),
		llmSettings: vi.fn(() => Promise.resolve(llmSettingsView())),
		setLlmSettings: unexpected('setLlmSettings'),
		setLlmApiKey: unexpected('setLlmApiKey'),
		testLlmConnection: unexpected('testLlmConnection'),
		generateLetter: unexpected('generateLetter'),
		cancelLetter: unexpected('cancelLetter'),
		saveLetterEdit: unexpected('saveLetterEdit'),
		lettersForJob: vi.fn(() => Promise.resolve([])),
		exportLetterAs: unexpected('exportLetterAs'),
		tailorResume: unexpected('tailorResume'),
		resumeStructure: unexpected('resumeStructure'),
		correctResumeStructure: unexpected('correctResumeStructure'),
		resetResumeStructure: unexpected('resetResumeStructure'),
		cancelTailoring: unexpected('cancelTailoring'),
		tailoredForJob: vi.fn(() => Promise.resolve([])),
		saveTailoredText: unexpected('saveTailoredText'),
		checkTailoredText: vi.fn(() => Promise.resolve([])),
		confirmTailoredClaim: unexpected('confirmTailoredClaim'),
		exportTailoredAs: unexpected('exportTailoredAs'),
		jobInsight: vi.fn(() => Promise.resolve(null)),
		generateInsight: unexpected('generateInsight'),
		onOpenApplication: vi.fn(() => Promise.resolve(() => {})),
		onFileDrop: vi.fn(() => Promise.resolve(() => {})),
		exportData: unexpected('exportData'),
		backUp: unexpected('backUp'),
		restore: unexpected('restore'),
		importJobs: unexpected('importJobs'),
		destinations: vi.fn(() =>
			Promise.resolve({ assistant_base_url: 'http://localhost:11434/v1', webhooks: [], unconfirmed: false })
		),
		confirmDestinations: unexpected('confirmDestinations'),
		deleteJob: unexpected('deleteJob'),
		forgetEverything: unexpected('forgetEverything'),
		savedViews: vi.fn(() => Promise.resolve([])),
		saveView: unexpected('saveView'),
		deleteView: unexpected('deleteView'),
		dashboard: unexpected('dashboard'),
		keywordGap: vi.fn((jobId: number) =>
			Promise.resolve({ job_id: jobId, resume_id: null, resume_name: null, coverage: 1, terms: [] })
		),
		remergeStatus: vi.fn(() =>
			Promise.resolve({ running: false, done: 0, total: 0, outcome: null, error: null })
		),
		onRemergeProgress: vi.fn(() => Promise.resolve(() => {})),
		onDataChanged: vi.fn(() => Promise.resolve(() => {})),
		inboxPresets: vi.fn(() => Promise.resolve([])),
		inboxSettings: vi.fn(() => Promise.resolve(inboxSettingsView())),
		setInboxSettings: unexpected('setInboxSettings'),
		forgetInboxPassword: unexpected('forgetInboxPassword'),
		testInboxConnection: unexpected('testInboxConnection'),
		checkInbox: unexpected('checkInbox'),
		inboxReview: vi.fn(() => Promise.resolve([])),
		applicationMessages: vi.fn(() => Promise.resolve([])),
		acceptInboxProposal: unexpected('acceptInboxProposal'),
		changeInboxProposal: unexpected('changeInboxProposal'),
		dismissInboxProposal: unexpected('dismissInboxProposal'),
		reopenInboxProposal: unexpected('reopenInboxProposal'),
		onInboxChecked: vi.fn(() => Promise.resolve(() => {})),
		browserHosts: vi.fn(() => Promise.resolve([])),
		installBrowserHost: unexpected('installBrowserHost'),
		removeBrowserHost: unexpected('removeBrowserHost'),
		...overrides
	};
}
