import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { applyRunEvent } from '$lib/runs.svelte';
import { campaign, fakeClient } from '$lib/testing/fakeClient';
import CampaignRuns from './CampaignRuns.svelte';

describe('CampaignRuns', () => {
	it('starts a run, follows its progress per source and shows how it ended', async () => {
		const runCampaignNow = vi.fn(() => Promise.resolve());
		const cancelCampaignRun = vi.fn(() => Promise.resolve(true));
		setApiClient(fakeClient({ runCampaignNow, cancelCampaignRun }));
		render(CampaignRuns, { campaign: campaign({ id: 21, source_ids: [1, 2] }) });

		await fireEvent.click(screen.getByTestId('run-now'));
		expect(runCampaignNow).toHaveBeenCalledWith(21);

		applyRunEvent({ kind: 'started', campaign_id: 21, run_id: 5, sources: 2 });
		applyRunEvent({ kind: 'source_started', campaign_id: 21, run_id: 5, index: 0, source: 'Vercel' });
		const bar = (await screen.findByRole('progressbar')) as HTMLProgressElement;
		expect(bar.max).toBe(2);
		expect(screen.getByTestId('run-progress').textContent?.replace(/\s+/g, ' ')).toContain(
			'Fetching Vercel (1 of 2)'
		);
		applyRunEvent({
			kind: 'source_finished',
			campaign_id: 21,
			run_id: 5,
			index: 0,
			source: 'Vercel',
			jobs_seen: 2,
			new_jobs: 2,
			error: null
		});
		await vi.waitFor(() => expect(bar.value).toBe(1));
		applyRunEvent({
			kind: 'source_finished',
			campaign_id: 21,
			run_id: 5,
			index: 1,
			source: "Lever board 'acme'",
			jobs_seen: 0,
			new_jobs: 0,
			error: "Lever board 'acme' was not found (HTTP 404)"
		});
		const failed = await screen.findByText("Lever board 'acme': Lever board 'acme' was not found (HTTP 404)");
		expect(failed.classList.contains('failed')).toBe(true);
		await fireEvent.click(screen.getByTestId('run-cancel'));
		expect(cancelCampaignRun).toHaveBeenCalledWith(21);

		applyRunEvent({
			kind: 'finished',
			campaign_id: 21,
			report: {
				run_id: 5,
				campaign_id: 21,
				status: 'cancelled',
				jobs_seen: 2,
				new_jobs: 2,
				new_matches: 1,
				errors: [],
				duration_ms: 40
			}
		});
		const summary = await screen.findByTestId('run-summary');
		expect(summary.textContent?.replace(/\s+/g, ' ').trim()).toBe(
			'cancelled: 2 jobs seen, 2 new, 1 new matches'
		);
		expect(screen.getByTestId('run-progress').textContent).toContain('Vercel: 2 jobs, 2 new');
	});

	it('lists past runs with their per-source errors and waiting webhooks', async () => {
		const campaignStatus = vi.fn(() =>
			Promise.resolve({
				campaign: campaign({ id: 3, source_ids: [1] }),
				runs: [
					{
						id: 9,
						campaign_id: 3,
						trigger: 'schedule',
						status: 'partial' as const,
						started_at: '2026-11-23T08:00:00Z',
						finished_at: '2026-11-23T08:00:04Z',
						new_jobs: 4,
						new_matches: 2,
						error: null,
						sources: [
							{
								source: 'lever',
								param: 'acme',
								jobs_seen: 0,
								new_jobs: 0,
								error: "Lever board 'acme' was not found (HTTP 404)",
								duration_ms: 30
							}
						]
					}
				],
				pending_webhooks: [
					{
						attempts: 2,
						last_error: 'HTTP 500',
						next_try_at: '2026-11-23T09:00:00Z',
						created_at: '2026-11-23T08:00:05Z'
					}
				]
			})
		);
		setApiClient(fakeClient({ campaignStatus }));
		render(CampaignRuns, { campaign: campaign({ id: 3, source_ids: [1] }) });
		const history = await screen.findByTestId('run-history');
		const cells = Array.from(history.querySelectorAll('tbody tr td')).map((cell) =>
			cell.textContent?.replace(/\s+/g, ' ').trim()
		);
		expect(cells[1]).toBe("some sources failed Lever board 'acme' was not found (HTTP 404)");
		expect(cells.slice(2)).toEqual(['4', '2', '4 s']);
		expect(screen.getByTestId('webhook-pending').textContent).toContain('2 tries: HTTP 500');
	});
});
