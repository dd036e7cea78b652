import { Channel } from '@tauri-apps/api/core';
import type { ImportProgress } from '$lib/bindings/ImportProgress';
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
	skillFit: (jobId) => call('skill_fit', { jobId }),
	dashboard: () => call('dashboard')
};
