import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { JobInsight } from '$lib/bindings/JobInsight';
import { fakeClient } from '$lib/testing/fakeClient';
import InsightPanel from './InsightPanel.svelte';

const insight: JobInsight = {
	job_id: 1,
	resume_id: 4,
	summary: 'Sell Vercel to mid-size companies. Quota-carrying, London hybrid.',
	skills: ['Salesforce', 'Negotiation'],
	fits: ['Six years of SaaS sales'],
	missing: ['No developer-tools experience'],
	model: 'mock-gpt',
	created_at: '2026-11-20T10:00:00Z'
};

describe('InsightPanel', () => {
	it('shows the stored read and asks for a fresh one', async () => {
		const generateInsight = vi.fn(() => Promise.resolve({ ...insight, summary: 'A newer read.' }));
		setApiClient(fakeClient({ jobInsight: vi.fn(() => Promise.resolve(insight)), generateInsight }));
		render(InsightPanel, { jobId: 1 });
		expect((await screen.findByTestId('insight-summary')).textContent).toBe(insight.summary);
		const panel = screen.getByTestId('insight').textContent ?? '';
		expect(panel).toContain('Salesforce, Negotiation');
		expect(panel).toContain('No developer-tools experience');

		await fireEvent.click(screen.getByTestId('insight-generate'));
		expect(generateInsight).toHaveBeenCalledWith(1, null);
		await vi.waitFor(() => expect(screen.getByTestId('insight-summary').textContent).toBe('A newer read.'));
	});

	it('says why a read failed', async () => {
		setApiClient(
			fakeClient({
				generateInsight: vi.fn(() =>
					Promise.reject({ code: 'llm_unreachable', message: 'could not reach it' })
				)
			})
		);
		render(InsightPanel, { jobId: 1 });
		await fireEvent.click(screen.getByTestId('insight-generate'));
		expect((await screen.findByRole('alert')).textContent).toBe('Could not reach it');
	});
});
