import type { BackupReport } from '$lib/bindings/BackupReport';
import type { Dashboard } from '$lib/bindings/Dashboard';
import type { DeletedJob } from '$lib/bindings/DeletedJob';
import type { Destinations } from '$lib/bindings/Destinations';
import type { ExportFormat } from '$lib/bindings/ExportFormat';
import type { ExportReport } from '$lib/bindings/ExportReport';
import type { ForgetReport } from '$lib/bindings/ForgetReport';
import type { ImportFrom } from '$lib/bindings/ImportFrom';
import type { ImportProgress } from '$lib/bindings/ImportProgress';
import type { ImportReport } from '$lib/bindings/ImportReport';
import type { JobQuery } from '$lib/bindings/JobQuery';
import type { RemergeStatus } from '$lib/bindings/RemergeStatus';
import type { RestoreReport } from '$lib/bindings/RestoreReport';
import type { SavedView } from '$lib/bindings/SavedView';

/** The person's data as a whole. Methods that take a file open the OS dialog; null when cancelled. */
export interface DataClient {
	exportData(format: ExportFormat): Promise<ExportReport | null>;
	backUp(): Promise<BackupReport | null>;
	/** Replaces the stored data with a backup's; the current database is kept as a copy. */
	restore(): Promise<RestoreReport | null>;
	/** Imports in batches; `onProgress` hears after each one. */
	importJobs(from: ImportFrom, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport | null>;
	/** Where data goes besides the job boards; after a restore, waiting for the person to confirm. */
	destinations(): Promise<Destinations>;
	confirmDestinations(): Promise<Destinations>;
	deleteJob(id: number): Promise<DeletedJob>;
	forgetEverything(): Promise<ForgetReport>;
	savedViews(): Promise<SavedView[]>;
	saveView(name: string, query: JobQuery): Promise<SavedView>;
	deleteView(id: number): Promise<void>;
	/** The figures behind the dashboard's charts, for the last 30 days. */
	dashboard(): Promise<Dashboard>;
	/** The one-time merge of stored duplicates after an upgrade improved the rules. */
	remergeStatus(): Promise<RemergeStatus>;
	onRemergeProgress(handler: (status: RemergeStatus) => void): Promise<() => void>;
	/** Calls `handler` when anything wrote to the database: this window, a campaign run, the command line or the browser's save host. */
	onDataChanged(handler: () => void): Promise<() => void>;
}
