import { api } from '$lib/api';
import type { RunEvent } from '$lib/bindings/RunEvent';
import type { RunReport } from '$lib/bindings/RunReport';
import { dataChanged } from '$lib/changes.svelte';

/** A campaign's run as the progress bar shows it. */
export interface RunProgress {
	running: boolean;
	/** Waiting for a free slot (only a few campaigns run at once). */
	queued: boolean;
	total: number;
	done: number;
	current: string | null;
	lines: { source: string; text: string; error: boolean }[];
	report: RunReport | null;
}

/** Progress per campaign id, fed by the Rust side's `campaign-run` events. */
export const runs = $state<Record<number, RunProgress>>({});

function fresh(): RunProgress {
	return { running: true, queued: false, total: 0, done: 0, current: null, lines: [], report: null };
}

export function applyRunEvent(event: RunEvent): void {
	const id = event.campaign_id;
	switch (event.kind) {
		case 'queued':
			runs[id] = { ...fresh(), queued: true };
			break;
		case 'started':
			runs[id] = { ...fresh(), total: event.sources };
			break;
		case 'source_started': {
			const run = (runs[id] ??= fresh());
			run.queued = false;
			run.current = event.source;
			break;
		}
		case 'source_finished': {
			const run = (runs[id] ??= fresh());
			run.done += 1;
			run.current = null;
			run.lines.push({
				source: event.source,
				text: event.error ?? `${event.jobs_seen} jobs, ${event.new_jobs} new`,
				error: event.error !== null
			});
			// Jobs were stored: lists showing them fetch again.
			dataChanged();
			break;
		}
		case 'finished': {
			const run = (runs[id] ??= fresh());
			run.running = false;
			run.queued = false;
			run.current = null;
			run.report = event.report;
			dataChanged();
			break;
		}
	}
}

let listening: Promise<void> | null = null;

/** Starts following runs (once per window), marking those already running. */
export function followRuns(): Promise<void> {
	listening ??= (async () => {
		await api().onRunEvent(applyRunEvent);
		for (const id of await api().runningCampaigns()) runs[id] ??= fresh();
	})();
	return listening;
}
