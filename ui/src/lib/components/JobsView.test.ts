import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient, summary } from '$lib/testing/fakeClient';
import JobsView from './JobsView.svelte';

describe('JobsView', () => {
	it('says "1,000+ jobs" when a broad search was counted only up to the cap', async () => {
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: [summary()], total: 1000, total_capped: true })),
				getJob: vi.fn(() => new Promise<never>(() => {}))
			})
		);
		render(JobsView);
		const count = await screen.findByTestId('job-count');
		expect(count.textContent?.replace(/\s+/g, ' ').trim()).toBe('1,000+ jobs');
	});

	it('counts an exact total as it is', async () => {
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: [summary()], total: 1, total_capped: false }))
			})
		);
		render(JobsView);
		const count = await screen.findByTestId('job-count');
		expect(count.textContent?.replace(/\s+/g, ' ').trim()).toBe('1 job');
	});
});
