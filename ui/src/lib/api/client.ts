import type { Candidate } from '$lib/bindings/Candidate';
import type { StoredRecipe } from '$lib/bindings/StoredRecipe';
import type { Recipe } from '$lib/bindings/Recipe';
import type { RecipePage } from '$lib/bindings/RecipePage';
import type { RecipePreview } from '$lib/bindings/RecipePreview';
import type { AppSettings } from '$lib/bindings/AppSettings';
import type { AppStatus } from '$lib/bindings/AppStatus';
import type { CampaignStatus } from '$lib/bindings/CampaignStatus';
import type { RunEvent } from '$lib/bindings/RunEvent';
import type { Campaign } from '$lib/bindings/Campaign';
import type { CampaignInput } from '$lib/bindings/CampaignInput';
import type { Feedback } from '$lib/bindings/Feedback';
import type { FeedbackEntry } from '$lib/bindings/FeedbackEntry';
import type { RankCounts } from '$lib/bindings/RankCounts';
import type { Weights } from '$lib/bindings/Weights';
import type { WeightsChange } from '$lib/bindings/WeightsChange';
import type { DemoImport } from '$lib/bindings/DemoImport';
import type { ErrorCode } from '$lib/bindings/ErrorCode';
import type { ErrorPayload } from '$lib/bindings/ErrorPayload';
import type { FetchReport } from '$lib/bindings/FetchReport';
import type { JobDetail } from '$lib/bindings/JobDetail';
import type { JobPage } from '$lib/bindings/JobPage';
import type { JobQuery } from '$lib/bindings/JobQuery';
import type { SourceKind } from '$lib/bindings/SourceKind';
import type { RecheckReport } from '$lib/bindings/RecheckReport';
import type { SourceOverview } from '$lib/bindings/SourceOverview';
import type { WatchedSource } from '$lib/bindings/WatchedSource';
import type { ApplyingClient } from './applying';
import type { DataClient } from './yourData';
import type { BrowserClient } from './browser';
import type { InboxClient } from './inbox';
import type { UpdatesClient } from './updates';

/** Every call the UI can make to Jobhound's Rust side, one method per command. */
export interface ApiClient extends ApplyingClient, DataClient, UpdatesClient, InboxClient, BrowserClient {
	appStatus(): Promise<AppStatus>;
	listJobs(query: JobQuery): Promise<JobPage>;
	getJob(id: number): Promise<JobDetail>;
	listSources(): Promise<WatchedSource[]>;
	addSource(kind: SourceKind, input: string): Promise<WatchedSource>;
	/** Watches the board behind a pasted careers, board or feed URL, detecting its source. */
	addSourceFromUrl(url: string): Promise<WatchedSource>;
	/** The boards behind a careers URL (a company's own page too), best first, with how each was found. */
	discoverSources(url: string): Promise<Candidate[]>;
	/** The recipe that reads a careers page source (with its version); null for other sources. */
	sourceRecipe(id: number): Promise<StoredRecipe | null>;
	/** Reads a careers page source's page for the recipe editor, with the recipe to start from. */
	recipePage(id: number): Promise<RecipePage>;
	/** What a recipe reads on the page, with a script-free snapshot of the page marked. */
	previewRecipe(page: RecipePage, recipe: Recipe): Promise<RecipePreview>;
	/** Keeps the recipe as the page's next version; refused with the reason when it does not read the page. */
	saveRecipe(id: number, recipe: Recipe, page: RecipePage): Promise<StoredRecipe>;
	sourcesOverview(): Promise<SourceOverview[]>;
	/** Stores a source key in the OS keychain; an empty value removes it. Keys are never read back. */
	setSourceKey(name: string, value: string): Promise<void>;
	setLinkedinEnabled(enabled: boolean): Promise<void>;
	removeSource(id: number): Promise<void>;
	refreshSource(id: number): Promise<FetchReport>;
	/** Asks the job's company board whether it still lists the job; closes it if not. */
	recheckJob(id: number): Promise<RecheckReport>;
	importDemo(): Promise<DemoImport>;
	openExternal(url: string): Promise<void>;
	/** What a new campaign starts with. */
	campaignDefaults(): Promise<CampaignInput>;
	listCampaigns(): Promise<Campaign[]>;
	/** Creates the campaign and ranks every stored job for it. */
	createCampaign(input: CampaignInput): Promise<Campaign>;
	updateCampaign(id: number, input: CampaignInput): Promise<Campaign>;
	/** A paused copy named "NAME (copy)". */
	duplicateCampaign(id: number): Promise<Campaign>;
	/** Deletes the campaign, its matches and feedback; jobs stay. */
	deleteCampaign(id: number): Promise<void>;
	setCampaignActive(id: number, active: boolean): Promise<Campaign>;
	/** The user's own weights: they replace learned ones and are what a reset returns to. */
	setCampaignWeights(id: number, weights: Weights): Promise<Campaign>;
	rankCampaign(id: number): Promise<RankCounts>;
	/** Learns from what the user thinks of a matched job; the campaign is ranked again. */
	giveFeedback(campaignId: number, jobId: number, kind: Feedback): Promise<WeightsChange>;
	/** Takes back the campaign's latest feedback. */
	undoFeedback(feedbackId: number): Promise<Campaign>;
	resetCampaignWeights(id: number): Promise<Campaign>;
	feedbackHistory(campaignId: number): Promise<FeedbackEntry[]>;
	/** Starts the campaign's run in the background; progress arrives through `onRunEvent`. */
	runCampaignNow(id: number): Promise<void>;
	/** Stops a running campaign; what it stored stays. False if it was not running. */
	cancelCampaignRun(id: number): Promise<boolean>;
	runAllCampaigns(): Promise<number[]>;
	runningCampaigns(): Promise<number[]>;
	campaignStatus(id: number): Promise<CampaignStatus>;
	appSettings(): Promise<AppSettings>;
	setAppSettings(settings: AppSettings): Promise<AppSettings>;
	/** Calls `handler` with every run's progress; returns a function that stops listening. */
	onRunEvent(handler: (event: RunEvent) => void): Promise<() => void>;
	/** Calls `handler` when a notification asks to open a campaign's new matches. */
	onOpenCampaign(handler: (campaignId: number) => void): Promise<() => void>;
}

/** A failed command: `code` is stable for matching, `message` is written for the user. */
export class ApiError extends Error implements ErrorPayload {
	constructor(
		public readonly code: ErrorCode,
		message: string,
		/** The form field the error is about, when it is about one. */
		public readonly field?: string
	) {
		super(message);
		this.name = 'ApiError';
	}

	static from(raw: unknown): ApiError {
		if (raw instanceof ApiError) return raw;
		if (raw && typeof raw === 'object' && 'code' in raw && 'message' in raw) {
			const payload = raw as ErrorPayload;
			// Rust's ErrorCode serializes to one of the union's strings.
			return new ApiError(
				payload.code,
				sentence(String(payload.message)),
				payload.field ? String(payload.field) : undefined
			);
		}
		return new ApiError('internal', raw instanceof Error ? raw.message : String(raw));
	}
}

/** Rust's messages start in lower case (they compose); shown alone they read as sentences. */
function sentence(message: string): string {
	return message.charAt(0).toUpperCase() + message.slice(1);
}

export function errorMessage(error: unknown): string {
	return ApiError.from(error).message;
}
