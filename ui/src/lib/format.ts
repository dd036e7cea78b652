import type { Salary } from '$lib/bindings/Salary';
import type { WorkMode } from '$lib/bindings/WorkMode';
import { SOURCE_CREDITS, SOURCE_NAMES } from '$lib/bindings/sourceNames';

const DAY = 24 * 60 * 60 * 1000;

/** "today", "3 days ago", or a date for anything older than a month. */
export function relativeDate(iso: string | null, now: Date = new Date()): string {
	if (!iso) return '';
	const then = new Date(iso);
	if (Number.isNaN(then.getTime())) return '';
	const days = Math.floor((now.getTime() - then.getTime()) / DAY);
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	if (days < 31) return `${days} days ago`;
	return then.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

const MODES: Record<WorkMode, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };

export function placeLabel(locations: string[], remote: WorkMode | null): string {
	const place = locations.join(' · ');
	if (!remote) return place || 'Location not stated';
	return place ? `${MODES[remote]} · ${place}` : MODES[remote];
}

/** Whole amounts in the salary's currency (plain numbers when it names none). */
function moneyIn(salary: Salary): (amount: number) => string {
	const format = new Intl.NumberFormat(undefined, {
		style: salary.currency ? 'currency' : 'decimal',
		currency: salary.currency ?? undefined,
		maximumFractionDigits: 0
	});
	return (amount) => format.format(amount);
}

export function salaryLabel(salary: Salary | null): string {
	if (!salary) return '';
	const money = moneyIn(salary);
	const range =
		salary.min !== null && salary.max !== null && salary.min !== salary.max
			? `${money(salary.min)} – ${money(salary.max)}`
			: money((salary.min ?? salary.max) as number);
	return `${range} per ${salary.period}`;
}

/** The pay per year when it was posted per hour, day, week or month; '' when posted yearly. */
export function yearlyLabel(salary: Salary | null): string {
	if (!salary || salary.period === 'year') return '';
	const low = salary.yearly_min ?? salary.yearly_max;
	const high = salary.yearly_max ?? salary.yearly_min;
	if (low === null || high === null) return '';
	const money = moneyIn(salary);
	return low === high ? `${money(low)} a year` : `${money(low)} – ${money(high)} a year`;
}

export { SOURCE_NAMES };

/** Source health failure classes, as a person would say them. */
export const ERROR_KINDS: Record<string, string> = {
	not_found: 'not found',
	rate_limited: 'rate-limited',
	blocked: 'blocked',
	server: 'server error',
	timeout: 'timeout',
	network: 'network',
	parse: 'parse error',
	input: 'bad input',
	missing_key: 'key missing',
	paused: 'paused',
	disabled: 'turned off'
};

export function sourceName(kind: string): string {
	return SOURCE_NAMES[kind] ?? kind;
}

/** How a job's source must be credited where its terms ask for particular words. */
export function sourceCredit(kind: string): string {
	return SOURCE_CREDITS[kind] ?? sourceName(kind);
}
