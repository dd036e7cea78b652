/** What the jobs list is showing; kept here so it survives moving between jobs (and routes). */
export const jobFilters = $state({
	text: '',
	/** A campaign's matches, best first; null for every job, newest first. */
	campaignId: null as number | null
});
