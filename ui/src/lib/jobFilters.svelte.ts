import type { JobFilters } from '$lib/bindings/JobFilters';
import type { JobQuery } from '$lib/bindings/JobQuery';
import type { JobSort } from '$lib/bindings/JobSort';

export function noFilters(): JobFilters {
	return {
		work_modes: [],
		location: null,
		salary_min: null,
		salary_max: null,
		seniority: [],
		employment_types: [],
		posted_within_days: null,
		statuses: [],
		new_since: null,
		hidden: null
	};
}

/** What the jobs list is showing; kept here so it survives moving between jobs (and routes). */
export const jobFilters = $state({
	text: '',
	/** A campaign's matches, best first; null for every job, newest first. */
	campaignId: null as number | null,
	source: null as string | null,
	filters: noFilters(),
	/** null: the list's own order (newest, or a campaign's best first). */
	sort: null as JobSort | null
});

/** How many filters narrow the list (the search words and campaign aside). */
export function activeFilterCount(filters: JobFilters, source: string | null): number {
	return (
		Number(filters.work_modes.length > 0) +
		Number(Boolean(filters.location?.trim())) +
		Number(filters.salary_min !== null || filters.salary_max !== null) +
		Number(filters.seniority.length > 0) +
		Number(filters.employment_types.length > 0) +
		Number(filters.posted_within_days !== null) +
		Number(filters.statuses.length > 0) +
		Number(filters.new_since !== null) +
		Number(filters.hidden !== null) +
		Number(source !== null)
	);
}

/** The query the list asks for, one page at `offset`. */
export function listQuery(offset: number, limit: number): JobQuery {
	return {
		text: jobFilters.text.trim() || null,
		source: jobFilters.source,
		campaign_id: jobFilters.campaignId ?? undefined,
		limit,
		offset,
		filters: $state.snapshot(jobFilters.filters),
		sort: jobFilters.sort ?? undefined
	};
}

/** Puts a saved view's query back on the list. */
export function applyQuery(query: JobQuery): void {
	jobFilters.text = query.text ?? '';
	jobFilters.campaignId = query.campaign_id ?? null;
	jobFilters.source = query.source;
	jobFilters.filters = { ...noFilters(), ...(query.filters ?? {}) };
	jobFilters.sort = query.sort ?? null;
}

const VISIT_KEY = 'jobhound.lastVisit';

/** When Jobhound was opened before this time (kept by the window); null on the first visit. */
export const visit = $state({ previous: rememberVisit() });

function rememberVisit(): string | null {
	try {
		const previous = localStorage.getItem(VISIT_KEY);
		localStorage.setItem(VISIT_KEY, new Date().toISOString());
		return previous;
	} catch {
		return null;
	}
}
