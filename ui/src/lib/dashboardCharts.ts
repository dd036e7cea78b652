import type { ChartConfiguration } from 'chart.js';
import type { Dashboard } from '$lib/bindings/Dashboard';
import { sourceName } from '$lib/format';

/** Distinct on light and dark backgrounds. */
export const PALETTE = [
	'#1f6feb',
	'#d1242f',
	'#1a7f37',
	'#9a6700',
	'#8250df',
	'#0598bc',
	'#bf3989',
	'#57606a'
];

/** An axis of counts: from zero, whole numbers only. */
const COUNTS = { beginAtZero: true, ticks: { precision: 0 } };

const shortDay = (day: string) =>
	new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function newJobsChart(data: Dashboard): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: data.days.map(shortDay),
			datasets: data.new_jobs.map((series, index) => ({
				label: series.label,
				data: series.values,
				borderColor: PALETTE[index % PALETTE.length],
				backgroundColor: PALETTE[index % PALETTE.length],
				borderDash: index === 0 ? [4, 4] : undefined,
				tension: 0.2
			}))
		},
		options: { responsive: true, maintainAspectRatio: false, scales: { y: COUNTS } }
	};
}

export function skillsChart(data: Dashboard): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: data.top_skills.map((skill) => skill.skill),
			datasets: [
				{
					label: 'Last 30 days',
					data: data.top_skills.map((skill) => skill.recent),
					backgroundColor: PALETTE[0]
				},
				{
					label: '30 days before',
					data: data.top_skills.map((skill) => skill.before),
					backgroundColor: PALETTE[7]
				}
			]
		},
		options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: COUNTS } }
	};
}

export function payChart(data: Dashboard): ChartConfiguration<'bar'> {
	const money = (amount: number) =>
		new Intl.NumberFormat(undefined, {
			style: 'currency',
			currency: data.pay_currency ?? 'USD',
			maximumFractionDigits: 0,
			notation: 'compact'
		}).format(amount);
	return {
		type: 'bar',
		data: {
			labels: data.pay_bands.map((band) => `${money(band.from)}–${money(band.to)}`),
			datasets: [
				{ label: 'Matching jobs', data: data.pay_bands.map((band) => band.jobs), backgroundColor: PALETTE[2] }
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			scales: { y: COUNTS },
			plugins: { legend: { display: false } }
		}
	};
}

export const STAGE_LABELS: Record<string, string> = {
	saved: 'Saved',
	applied: 'Applied',
	interviewing: 'Interviewing',
	offer: 'Offer'
};

export function funnelChart(data: Dashboard): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: data.funnel.map((stage) => STAGE_LABELS[stage.stage] ?? stage.stage),
			datasets: [
				{
					label: 'Applications',
					data: data.funnel.map((stage) => stage.applications),
					backgroundColor: data.funnel.map((_, index) => PALETTE[index % PALETTE.length])
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			scales: { y: COUNTS },
			plugins: { legend: { display: false } }
		}
	};
}

export function sourceHealthChart(data: Dashboard): ChartConfiguration<'bar'> {
	const labels = data.days.map(shortDay);
	return {
		type: 'bar',
		data: {
			labels,
			datasets: data.source_health.flatMap((source, index) => [
				{
					label: `${sourceName(source.source)} ok`,
					data: source.ok,
					backgroundColor: PALETTE[index % PALETTE.length],
					stack: 'ok'
				},
				{
					label: `${sourceName(source.source)} failed`,
					data: source.failed,
					backgroundColor: '#d1242f',
					stack: 'failed'
				}
			])
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			scales: { x: { stacked: true }, y: { ...COUNTS, stacked: true } }
		}
	};
}

/** "1 of 4 (25%)", or "none yet". */
export function rate(responded: number, applied: number): string {
	if (applied === 0) return 'none yet';
	return `${responded} of ${applied} (${Math.round((responded / applied) * 100)}%)`;
}
