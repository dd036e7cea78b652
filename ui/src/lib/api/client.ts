import type { AppStatus } from '$lib/bindings/AppStatus';
import type { DemoImport } from '$lib/bindings/DemoImport';
import type { ErrorPayload } from '$lib/bindings/ErrorPayload';
import type { FetchReport } from '$lib/bindings/FetchReport';
import type { JobDetail } from '$lib/bindings/JobDetail';
import type { JobPage } from '$lib/bindings/JobPage';
import type { JobQuery } from '$lib/bindings/JobQuery';
import type { SourceKind } from '$lib/bindings/SourceKind';
import type { RecheckReport } from '$lib/bindings/RecheckReport';
import type { SourceOverview } from '$lib/bindings/SourceOverview';
import type { WatchedSource } from '$lib/bindings/WatchedSource';

/** Every call the UI can make to Jobhound's Rust side, one method per command. */
export interface ApiClient {
	appStatus(): Promise<AppStatus>;
	listJobs(query: JobQuery): Promise<JobPage>;
	getJob(id: number): Promise<JobDetail>;
	listSources(): Promise<WatchedSource[]>;
	addSource(kind: SourceKind, input: string): Promise<WatchedSource>;
	/** Watches the board behind a pasted careers, board or feed URL, detecting its source. */
	addSourceFromUrl(url: string): Promise<WatchedSource>;
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
}

/** A failed command: `code` is stable for matching, `message` is written for the user. */
export class ApiError extends Error implements ErrorPayload {
	constructor(
		public readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'ApiError';
	}

	static from(raw: unknown): ApiError {
		if (raw instanceof ApiError) return raw;
		if (raw && typeof raw === 'object' && 'code' in raw && 'message' in raw) {
			const payload = raw as ErrorPayload;
			return new ApiError(String(payload.code), String(payload.message));
		}
		return new ApiError('internal', raw instanceof Error ? raw.message : String(raw));
	}
}

export function errorMessage(error: unknown): string {
	return ApiError.from(error).message;
}
