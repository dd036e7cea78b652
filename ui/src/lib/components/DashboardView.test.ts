import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient } from '$lib/testing/fakeClient';
import DashboardView from './DashboardView.svelte';

// Charts need a canvas, which jsdom does not have; their data is tested in dashboardCharts.test.ts.
vi.mock('./Chart.svelte', async () => ({ default: (await import('$lib/testing/ChartStub.svelte')).default }));

describe('DashboardView', () => {
	it('shows the totals, the funnel and who answers beside the charts', async () => {
		setApiClient(
			fakeClient({
				dashboard: vi.fn(() =>
					Promise.resolve({
						days: ['2026-11-23'],
						new_jobs: [
							{ label: 'All jobs', values: [1200] },
							{ label: 'Rust', values: [30] }
						],
						top_skills: [],
						pay_currency: null,
						pay_bands: [],
						funnel: [
							{ stage: 'saved', applications: 5 },
							{ stage: 'applied', applications: 3 },
							{ stage: 'interviewing', applications: 1 },
							{ stage: 'offer', applications: 0 }
						],
						by_source: [{ label: 'greenhouse', applied: 3, responded: 1 }],
						by_resume: [{ label: 'Ada CV', applied: 3, responded: 1 }],
						source_health: []
					})
				)
			})
		);
		render(DashboardView);
		expect((await screen.findByTestId('dashboard-new-jobs')).textContent).toBe('All jobs: 1,200 · Rust: 30');
		expect(screen.getByTestId('dashboard-funnel').textContent?.replace(/\s+/g, ' ').trim()).toBe(
			'Saved 5 → Applied 3 → Interviewing 1 → Offer 0'
		);
		const table = screen.getByTestId('dashboard-response').textContent ?? '';
		expect(table).toContain('Greenhouse1 of 3 (33%)');
		expect(table).toContain('Ada CV1 of 3 (33%)');
		expect(screen.getByText(/None of your matches states its pay yet/)).toBeTruthy();
	});
});
