import { api } from '$lib/api';
import type { RemergeStatus } from '$lib/bindings/RemergeStatus';
import { dataChanged } from '$lib/changes.svelte';

/** The one-time merge of stored duplicates after an upgrade, as the window shows it. */
export const remerge = $state<{ status: RemergeStatus | null; dismissed: boolean }>({
	status: null,
	dismissed: false
});

function apply(status: RemergeStatus) {
	const finished = remerge.status?.running && !status.running;
	remerge.status = status;
	// The lists showed jobs that are now one: every view fetches again.
	if (finished && status.outcome?.merged) dataChanged();
}

let listening: Promise<void> | null = null;

/** Hears the pass's progress (once per window), and asks where it is in case it began before. */
export function followRemerge(): Promise<void> {
	listening ??= (async () => {
		await api().onRemergeProgress(apply);
		apply(await api().remergeStatus());
	})();
	return listening;
}

/** Forgets the listener, so a test can follow again with another client. */
export function resetRemerge(): void {
	listening = null;
	remerge.status = null;
	remerge.dismissed = false;
}
