import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { SourceOverview } from '$lib/bindings/SourceOverview';
import { fakeClient, watched } from '$lib/testing/fakeClient';
import SourcesView from './SourcesView.svelte';

const linkedin: SourceOverview = {
	info: {
		kind: 'linkedin',
		name: 'LinkedIn (guest search)',
		label: 'LinkedIn',
		category: 'board',
		param_label: 'Keywords',
		param_example: 'rust',
		param_optional: true,
		keys: [],
		terms: 'Against LinkedIn terms.',
		attribution: 'LinkedIn',
		opt_in_warning: "LinkedIn's User Agreement forbids scraping.",
		min_refresh_minutes: 0
	},
	enabled: false,
	ready: true,
	missing_keys: [],
	keys: [],
	watched: 0,
	failing: 0
};

const adzuna: SourceOverview = {
	...linkedin,
	info: {
		...linkedin.info,
		kind: 'adzuna',
		name: 'Adzuna',
		label: 'Adzuna',
		opt_in_warning: null,
		keys: [{ name: 'adzuna_app_id', label: 'Adzuna app_id', required: true }]
	},
	enabled: true,
	ready: false,
	missing_keys: ['Adzuna app_id'],
	keys: [{ name: 'adzuna_app_id', label: 'Adzuna app_id', required: true, is_set: false }]
};

describe('SourcesView', () => {
	it('shows each source’s health: errors by kind, failures in a row, boards gone dark', async () => {
		setApiClient(
			fakeClient({
				listSources: vi.fn(() =>
					Promise.resolve([
						watched({
							id: 1,
							name: 'Vercel',
							last_success_at: '2026-01-01T00:00:00Z',
							last_error: "Greenhouse board 'vercel' is rate-limiting requests (HTTP 429)",
							last_error_kind: 'rate_limited',
							consecutive_failures: 3
						}),
						watched({
							id: 2,
							name: 'Quiet',
							last_success_at: new Date().toISOString(),
							jobs_seen_last: 0,
							days_without_jobs: 12
						})
					])
				)
			})
		);
		render(SourcesView);
		const table = await screen.findByTestId('source-table');
		const text = await vi.waitFor(() => {
			const content = table.textContent ?? '';
			if (!content.includes('Quiet')) throw new Error('not loaded');
			return content;
		});
		expect(text).toContain('rate-limited');
		expect(text).toContain('(3 failures in a row)');
		expect(text).toContain('No jobs for 12 days: the board may have moved');
	});

	it('stores a key without ever showing it, and turns LinkedIn on only after the warning', async () => {
		const client = fakeClient({
			sourcesOverview: vi.fn(() => Promise.resolve([linkedin, adzuna])),
			setSourceKey: vi.fn(() => Promise.resolve()),
			setLinkedinEnabled: vi.fn(() => Promise.resolve())
		});
		setApiClient(client);
		render(SourcesView);
		const card = await screen.findByTestId('catalog-adzuna');
		expect(card.textContent).toContain('needs Adzuna app_id');
		await fireEvent.input(within(card).getByLabelText('Adzuna app_id'), { target: { value: 'secret' } });
		await fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
		expect(client.setSourceKey).toHaveBeenCalledWith('adzuna_app_id', 'secret');

		const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
		const linkedinCard = screen.getByTestId('catalog-linkedin');
		const turnOn = within(linkedinCard).getByRole('button', { name: 'Turn LinkedIn (guest search) on' });
		await fireEvent.click(turnOn);
		expect(client.setLinkedinEnabled).not.toHaveBeenCalled();
		await fireEvent.click(turnOn);
		expect(confirm).toHaveBeenLastCalledWith("LinkedIn's User Agreement forbids scraping.");
		expect(client.setLinkedinEnabled).toHaveBeenCalledWith(true);
	});
});
