import { Channel } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { ImportProgress } from '$lib/bindings/ImportProgress';
import type { RemergeStatus } from '$lib/bindings/RemergeStatus';
import type { DataClient } from './yourData';
import { call } from './call';

export const tauriData: DataClient = {
	exportData: (format) => call('export_data', { format }),
	backUp: () => call('back_up'),
	restore: () => call('restore'),
	importJobs: (from, onProgress) => {
		const channel = new Channel<ImportProgress>();
		channel.onmessage = (progress) => onProgress?.(progress);
		return call('import_jobs', { from, onProgress: channel });
	},
	destinations: () => call('destinations'),
	confirmDestinations: () => call('confirm_destinations'),
	deleteJob: (id) => call('delete_job', { id }),
	forgetEverything: () => call('forget_everything'),
	savedViews: () => call('saved_views'),
	saveView: (name, query) => call('save_view', { name, query }),
	deleteView: (id) => call('delete_view', { id }),
	dashboard: () => call('dashboard'),
	remergeStatus: () => call('remerge_status'),
	onRemergeProgress: (handler) =>
		listen('remerge-progress', (event) => handler(event.payload as RemergeStatus)),
	onDataChanged: (handler) => listen('data-changed', () => handler())
};
