import { describe, expect, it } from 'vitest';
import type { Dashboard } from '$lib/bindings/Dashboard';
import { funnelChart, newJobsChart, payChart, rate, skillsChart, sourceHealthChart } from './dashboardCharts';

const data: Dashboard = {
	days: ['2026-11-22', '2026-11-23'],
	new_jobs: [
		{ label: 'All jobs', values: [3, 4] },
		{ label: 'Rust', values: [1, 2] }
	],
	top_skills: [{ skill: 'Rust', recent: 3, before: 1 }],
	pay_currency: 'EUR',
	pay_bands: [{ from: 70_000, to: 80_000, jobs: 2 }],
	funnel: [
		{ stage: 'saved', applications: 3 },
		{ stage: 'applied', applications: 2 },
		{ stage: 'interviewing', applications: 1 },
		{ stage: 'offer', applications: 0 }
	],
	by_source: [{ label: 'greenhouse', applied: 2, responded: 1 }],
	by_resume: [],
	source_health: [{ source: 'lever', ok: [1, 0], failed: [0, 2] }]
};

describe('dashboard charts', () => {
	it('turn the figures into chart data, one dataset per series', () => {
		const lines = newJobsChart(data);
		expect(lines.data.datasets.map((set) => [set.label, set.data])).toEqual([
			['All jobs', [3, 4]],
			['Rust', [1, 2]]
		]);
		expect(lines.data.labels).toHaveLength(2);
		expect(skillsChart(data).data.datasets.map((set) => set.data)).toEqual([[3], [1]]);
		expect(payChart(data).data.labels?.[0]).toMatch(/70.*80/);
		expect(funnelChart(data).data.labels).toEqual(['Saved', 'Applied', 'Interviewing', 'Offer']);
		const health = sourceHealthChart(data).data.datasets;
		expect(health.map((set) => [set.label, set.data])).toEqual([
			['Lever ok', [1, 0]],
			['Lever failed', [0, 2]]
		]);
	});

	it('says response rates in words', () => {
		expect(rate(1, 4)).toBe('1 of 4 (25%)');
		expect(rate(0, 0)).toBe('none yet');
	});
});
