import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { jobFilters } from '$lib/jobFilters.svelte';
import { campaignScore, fakeClient, jobDetail as detail } from '$lib/testing/fakeClient';
import JobDetailPane from './JobDetailPane.svelte';

const goto = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('$app/navigation', () => ({ goto }));

describe('JobDetailPane', () => {
	it('credits the source with a followable link that opens in the browser', async () => {
		const client = fakeClient({ getJob: vi.fn(() => Promise.resolve(detail())) });
		setApiClient(client);
		render(JobDetailPane, { id: 4 });
		const link = (await screen.findByRole('link', { name: 'Jobs by Adzuna' })) as HTMLAnchorElement;
		expect(link.getAttribute('rel')).toBeNull();
		await fireEvent.click(link);
		expect(client.openExternal).toHaveBeenCalledWith('https://www.adzuna.de/details/42');
	});

	it('re-checks the job against its board and shows that it closed', async () => {
		const getJob = vi
			.fn()
			.mockResolvedValueOnce(detail())
			.mockResolvedValueOnce(detail({ closed_at: new Date().toISOString() }));
		const client = fakeClient({
			getJob,
			recheckJob: vi.fn(() =>
				Promise.resolve({
					job_id: 4,
					still_open: false,
					checked: ["Greenhouse board 'acme'"],
					closed_at: new Date().toISOString()
				})
			)
		});
		setApiClient(client);
		render(JobDetailPane, { id: 4 });
		await fireEvent.click(await screen.findByRole('button', { name: 'Check it is still open' }));
		expect(
			await screen.findByText("No longer listed on Greenhouse board 'acme': marked closed.")
		).toBeTruthy();
		expect(await screen.findByTestId('job-closed')).toBeTruthy();
	});

	it("shows every campaign's score, the one the list shows first", async () => {
		const scores = [
			campaignScore({ campaign_id: 1, campaign: 'Berlin', score: 90 }),
			campaignScore({ campaign_id: 2, campaign: 'Remote', score: 40 })
		];
		setApiClient(fakeClient({ getJob: vi.fn(() => Promise.resolve(detail({ scores }))) }));
		jobFilters.campaignId = 2;
		render(JobDetailPane, { id: 4 });
		await screen.findAllByTestId('score-breakdown');
		const shown = screen
			.getAllByTestId('score-breakdown')
			.map((section) => section.getAttribute('aria-label'));
		expect(shown).toEqual(['Score for Remote', 'Score for Berlin']);
		jobFilters.campaignId = null;
	});

	it('deletes the job only after confirmation', async () => {
		const deleteJob = vi.fn(() =>
			Promise.resolve({ title: 'Rust Engineer', company: 'Acme', files_removed: 0 })
		);
		setApiClient(fakeClient({ getJob: vi.fn(() => Promise.resolve(detail())), deleteJob }));
		render(JobDetailPane, { id: 4 });
		await fireEvent.click(await screen.findByTestId('delete-job'));
		const dialog = await screen.findByTestId('confirm-dialog');
		expect(dialog.textContent).toContain('“Rust Engineer” at Acme goes with its scores');
		await fireEvent.click(screen.getByTestId('confirm-cancel'));
		expect(deleteJob).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByTestId('delete-job'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		await vi.waitFor(() => expect(deleteJob).toHaveBeenCalledWith(4));
		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/'));
	});
});
