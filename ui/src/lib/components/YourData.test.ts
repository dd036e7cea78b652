import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { changes } from '$lib/changes.svelte';
import { fakeClient } from '$lib/testing/fakeClient';
import YourData from './YourData.svelte';

describe('YourData', () => {
	it('says where an export went, and nothing when the dialog was cancelled', async () => {
		const exportData = vi
			.fn()
			.mockResolvedValueOnce(null)
			.mockResolvedValueOnce({ path: '/home/ada/jobs.csv', jobs: 1200, applications: 3 });
		setApiClient(fakeClient({ exportData }));
		render(YourData);
		await fireEvent.click(screen.getByTestId('export-csv'));
		await vi.waitFor(() => expect(exportData).toHaveBeenCalledWith('csv'));
		expect(screen.queryByTestId('data-notice')).toBeNull();
		await fireEvent.click(screen.getByTestId('export-csv'));
		expect((await screen.findByTestId('data-notice')).textContent).toBe(
			'1,200 jobs (3 with an application) written to /home/ada/jobs.csv.'
		);
	});

	it('restores only after the person agrees, then refreshes every view', async () => {
		const restore = vi.fn(() =>
			Promise.resolve({
				jobs: 10,
				applications: 1,
				files: 2,
				backup_schema: 7,
				previous_database: '/data/jobhound.db.before-restore.bak',
				destinations_to_confirm: false
			})
		);
		setApiClient(fakeClient({ restore }));
		render(YourData);
		await fireEvent.click(screen.getByTestId('restore'));
		await fireEvent.click(await screen.findByTestId('confirm-cancel'));
		expect(restore).not.toHaveBeenCalled();

		const before = changes.version;
		await fireEvent.click(screen.getByTestId('restore'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		expect((await screen.findByTestId('data-notice')).textContent).toContain(
			'Restored 10 jobs, 1 application and 2 files.'
		);
		expect(changes.version).toBeGreaterThan(before);
	});

	it('explains a refused backup and a finished import', async () => {
		const restore = vi.fn(() =>
			Promise.reject({ code: 'not_a_backup', message: 'notes.db is not a Jobhound backup: it is damaged' })
		);
		const importJobs = vi.fn(
			(_from: string, onProgress?: (step: { rows_done: number; rows_total: number }) => void) => {
				onProgress?.({ rows_done: 4, rows_total: 4 });
				return Promise.resolve({
					rows: 4,
					new_jobs: 3,
					merged: 1,
					known: 0,
					flagged: 0,
					applications_created: 2,
					applications_kept: 1
				});
			}
		);
		setApiClient(fakeClient({ restore, importJobs }));
		render(YourData);
		await fireEvent.click(screen.getByTestId('restore'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		expect((await screen.findByTestId('data-error')).textContent).toBe(
			'Notes.db is not a Jobhound backup: it is damaged'
		);
		await fireEvent.click(screen.getByTestId('import-jobfunnel'));
		expect(importJobs).toHaveBeenCalledWith('jobfunnel', expect.any(Function));
		expect((await screen.findByTestId('data-notice')).textContent).toBe(
			'Read 4 rows: 3 new jobs, 1 merged with jobs already here, 0 imported before. 2 applications created, 1 left as you had them.'
		);
	});

	it('shows what a restored backup would send to, and sends nothing until allowed', async () => {
		const unconfirmed = {
			assistant_base_url: 'https://collector.example/v1',
			webhooks: [{ campaign_id: 3, campaign: 'Rust jobs', url: 'https://hooks.example/x' }],
			unconfirmed: true
		};
		const destinations = vi.fn(() => Promise.resolve(unconfirmed));
		const confirmDestinations = vi.fn(() => Promise.resolve({ ...unconfirmed, unconfirmed: false }));
		setApiClient(fakeClient({ destinations, confirmDestinations }));
		render(YourData);
		const panel = await screen.findByTestId('destinations');
		expect(panel.textContent).toContain('https://collector.example/v1');
		expect(panel.textContent).toContain('Webhook of “Rust jobs”: https://hooks.example/x');
		await fireEvent.click(screen.getByTestId('confirm-destinations'));
		await vi.waitFor(() => expect(screen.queryByTestId('destinations')).toBeNull());
		expect(confirmDestinations).toHaveBeenCalledOnce();
	});

	it('forgets everything only after a second yes', async () => {
		const forgetEverything = vi.fn(() =>
			Promise.resolve({ jobs: 5, applications: 1, files_removed: 2, keys_removed: 1 })
		);
		setApiClient(fakeClient({ forgetEverything }));
		render(YourData);
		await fireEvent.click(screen.getByTestId('forget'));
		expect((await screen.findByTestId('confirm-dialog')).textContent).toContain('This cannot be undone');
		await fireEvent.keyDown(window, { key: 'Escape' });
		expect(forgetEverything).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByTestId('forget'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		expect((await screen.findByTestId('data-notice')).textContent).toBe(
			'Deleted 5 jobs and 1 application, 2 files and 1 key.'
		);
	});
});
