import { vi } from 'vitest';
import type { ApiClient } from '$lib/api';
import type { JobSummary } from '$lib/bindings/JobSummary';
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
		sourcesOverview: vi.fn(() => Promise.resolve([])),
		setSourceKey: unexpected('setSourceKey'),
		setLinkedinEnabled: unexpected('setLinkedinEnabled'),
		removeSource: unexpected('removeSource'),
		refreshSource: unexpected('refreshSource'),
		recheckJob: unexpected('recheckJob'),
		importDemo: unexpected('importDemo'),
		openExternal: vi.fn(() => Promise.resolve()),
		...overrides
	};
}
