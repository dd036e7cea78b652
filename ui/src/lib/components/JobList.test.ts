import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { summary } from '$lib/testing/fakeClient';
import JobList from './JobList.svelte';

describe('JobList', () => {
	it('shows title, company, place and source, and marks the selected job', () => {
		render(JobList, {
			jobs: [
				summary({ id: 1 }),
				summary({ id: 2, title: 'Vault Designer', company: 'vaulttec', remote: null, locations: [] })
			],
			selectedId: 2
		});
		const rows = screen.getAllByTestId('job-row');
		expect(rows).toHaveLength(2);
		expect(rows[0]?.textContent).toContain('Account Executive, Commercial');
		expect(rows[0]?.textContent).toContain('Hybrid · London');
		expect(rows[0]?.textContent).toContain('Greenhouse');
		expect(rows[0]?.getAttribute('href')).toBe('/jobs/1');
		expect(rows[1]?.getAttribute('aria-current')).toBe('true');
		expect(rows[1]?.textContent).toContain('Location not stated');
	});
});
