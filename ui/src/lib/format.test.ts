import { describe, expect, it } from 'vitest';
import { placeLabel, relativeDate, salaryLabel, sourceCredit, yearlyLabel } from './format';

describe('format', () => {
	const now = new Date('2026-11-23T12:00:00Z');

	it('dates read relative to now', () => {
		expect(relativeDate('2026-11-23T08:00:00Z', now)).toBe('today');
		expect(relativeDate('2026-11-22T08:00:00Z', now)).toBe('yesterday');
		expect(relativeDate('2026-11-13T12:00:00Z', now)).toBe('10 days ago');
		expect(relativeDate(null, now)).toBe('');
		expect(relativeDate('garbage', now)).toBe('');
	});

	it('places combine work mode and locations', () => {
		expect(placeLabel(['London'], 'hybrid')).toBe('Hybrid · London');
		expect(placeLabel([], 'remote')).toBe('Remote');
		expect(placeLabel(['Berlin', 'Paris'], null)).toBe('Berlin · Paris');
	});

	it('salaries show their range and period', () => {
		const label = salaryLabel({
			min: 50000,
			max: 75000,
			currency: 'USD',
			period: 'year',
			yearly_min: 50000,
			yearly_max: 75000
		});
		expect(label).toMatch(/50,000.*75,000 per year/);
		expect(salaryLabel(null)).toBe('');
		const hourly = {
			min: 60,
			max: 80,
			currency: null,
			period: 'hour' as const,
			yearly_min: 124_800,
			yearly_max: 166_400
		};
		expect(yearlyLabel(hourly)).toMatch(/^124.800 – 166.400 a year$/);
		expect(yearlyLabel({ ...hourly, period: 'year' })).toBe('');
		expect(yearlyLabel(null)).toBe('');
	});

	it('credits sources the way their terms ask', () => {
		expect(sourceCredit('adzuna')).toBe('Jobs by Adzuna');
		expect(sourceCredit('remoteok')).toBe('Remote OK');
		expect(sourceCredit('unknown')).toBe('unknown');
	});
});
