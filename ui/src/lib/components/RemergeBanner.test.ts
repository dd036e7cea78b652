import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { RemergeStatus } from '$lib/bindings/RemergeStatus';
import { changes } from '$lib/changes.svelte';
import { followRemerge, resetRemerge } from '$lib/remerge.svelte';
import { fakeClient } from '$lib/testing/fakeClient';
import RemergeBanner from './RemergeBanner.svelte';

const running: RemergeStatus = { running: true, done: 1200, total: 10000, outcome: null, error: null };
const finished: RemergeStatus = {
	running: false,
	done: 10000,
	total: 10000,
	outcome: { backup: '/data/backups/before-remerge.jobhound', jobs: 10000, merged: 37, kept_apart: 1 },
	error: null
};

/** A client whose pass is `first` when asked, and whose progress events `tell` delivers. */
function passReporting(first: RemergeStatus) {
	let handler: (status: RemergeStatus) => void = () => {};
	setApiClient(
		fakeClient({
			remergeStatus: vi.fn(() => Promise.resolve(first)),
			onRemergeProgress: vi.fn((listener) => {
				handler = listener;
				return Promise.resolve(() => {});
			})
		})
	);
	return (status: RemergeStatus) => handler(status);
}

describe('RemergeBanner', () => {
	beforeEach(() => resetRemerge());

	it('shows nothing when no pass is due', async () => {
		setApiClient(fakeClient());
		await followRemerge();
		render(RemergeBanner);
		expect(screen.queryByTestId('remerge-progress')).toBeNull();
		expect(screen.queryByTestId('remerge-done')).toBeNull();
	});

	it('shows the progress of a pass already running, then what it merged, and refreshes the lists', async () => {
		const tell = passReporting(running);
		await followRemerge();
		render(RemergeBanner);
		const progress = await screen.findByTestId('remerge-progress');
		expect(progress.textContent).toContain('1,200 of 10,000 jobs compared');
		expect(progress.querySelector('progress')?.getAttribute('value')).toBe('1200');

		const before = changes.version;
		tell(finished);
		const done = (await screen.findByTestId('remerge-done')).textContent?.replace(/\s+/g, ' ');
		expect(done).toContain('Merged 37 duplicate jobs into their older copies');
		expect(done).toContain('/data/backups/before-remerge.jobhound');
		expect(changes.version).toBe(before + 1);

		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(screen.queryByTestId('remerge-done')).toBeNull();
	});

	it('says a failed pass changed nothing', async () => {
		passReporting({ ...running, running: false, error: 'the disk is full' });
		await followRemerge();
		render(RemergeBanner);
		expect((await screen.findByTestId('remerge-done')).textContent).toContain(
			'could not be merged, and nothing was changed: the disk is full'
		);
	});

	it('stays quiet after a pass that found nothing to merge', async () => {
		passReporting({ ...finished, outcome: { ...finished.outcome!, merged: 0 } });
		await followRemerge();
		render(RemergeBanner);
		expect(screen.queryByTestId('remerge-done')).toBeNull();
	});
});
