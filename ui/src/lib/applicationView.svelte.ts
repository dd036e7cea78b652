import type { ApplicationStatus } from '$lib/bindings/ApplicationStatus';

/** How the applications page is shown; kept here so it survives opening an application. */
export const applicationView = $state({
	mode: 'board' as 'board' | 'list',
	text: '',
	/** The list's status filter; null for every open status. */
	status: null as ApplicationStatus | null,
	dueOnly: false,
	showArchived: false
});
