import type { DataClient } from './yourData';
import { call } from './call';

export const tauriData: DataClient = {
	exportData: (format) => call('export_data', { format }),
	backUp: () => call('back_up'),
	restore: () => call('restore'),
	importJobs: (from) => call('import_jobs', { from }),
	deleteJob: (id) => call('delete_job', { id }),
	forgetEverything: () => call('forget_everything'),
	savedViews: () => call('saved_views'),
	saveView: (name, query) => call('save_view', { name, query }),
	deleteView: (id) => call('delete_view', { id }),
	skillFit: (jobId) => call('skill_fit', { jobId }),
	dashboard: () => call('dashboard')
};
